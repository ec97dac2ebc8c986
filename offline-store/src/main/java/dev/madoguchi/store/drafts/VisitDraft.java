package dev.madoguchi.store.drafts;

import java.time.Instant;
import java.util.UUID;

/**
 * A running counter visit as last saved: its step and its data (JSON written by the application). The My Number, when
 * one was sealed with the draft, is read separately ({@link VisitDraftRepository#myNumberOf}). {@link #toString()}
 * shows no personal data.
 */
public record VisitDraft(UUID draftId, String step, String data, boolean holdsMyNumber, String startedBy,
        Instant startedAt, Instant savedAt) {

    @Override
    public String toString() {
        return "VisitDraft[" + draftId + ", " + step + ", saved " + savedAt + "]";
    }
}
