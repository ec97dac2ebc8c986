package dev.madoguchi.app.counter;

/**
 * Failures of the counter's own steps a clerk can act on; the remedy is in the message bundles under
 * {@code counter.error.<name>}. Codes are stable: never renumber, only add.
 */
public enum CounterError {
    /** The PDF fonts (IPAmj明朝, IPAex) are not installed. */
    FONTS_MISSING("COUNTER-001"),
    /** A form still has validation errors; it is not printed. */
    NOT_PRINTABLE("COUNTER-002"),
    /** The folder that receives printed PDFs cannot be written. */
    PRINT_FOLDER("COUNTER-003"),
    /** No clerk is signed in to the local store. */
    NOT_SIGNED_IN("COUNTER-004"),
    /** A form definition or the life-event rules could not be used. */
    FORM_DEFINITION("COUNTER-005"),
    /** The signing key of this terminal cannot be read or created. */
    SIGNING_KEY("COUNTER-006"),
    /** A stored case's form definition has changed since it was printed: it cannot be reprinted identically. */
    FORM_CHANGED("COUNTER-007"),
    /** The saved draft of a running visit cannot be read (written by another version): it can only be discarded. */
    DRAFT_UNREADABLE("COUNTER-008"),
    /**
     * A resumed visit's forms, made again from its draft, differ from what was printed before the interruption (the
     * register copy or a definition changed): they cannot be stored as printed, only printed again.
     */
    PRINTED_FORMS_CHANGED("COUNTER-009"),
    /** A file offered as a residence card trust anchor is not a readable X.509 certificate. */
    TRUST_ANCHOR_UNREADABLE("COUNTER-010"),
    /** The trust anchor to remove is no longer among this terminal's (removed meanwhile, e.g. in another window). */
    TRUST_ANCHOR_NOT_FOUND("COUNTER-011"),
    /** A file chosen for an export (the shelter roster) cannot be written there. */
    EXPORT_FILE("COUNTER-012");

    private final String code;

    CounterError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
