package dev.madoguchi.store.outbox;

/** What discarding a BLOCKED message did. */
public enum DiscardOutcome {
    /** The message is finished without delivery; its aggregate still has unfinished messages (or is not a case). */
    DISCARDED,
    /** It was its case's last unfinished message: the case is CANCELLED (retention will purge its My Number). */
    CASE_CANCELLED
}
