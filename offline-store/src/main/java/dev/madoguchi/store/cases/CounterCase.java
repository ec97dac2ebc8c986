package dev.madoguchi.store.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * One visit at the counter. The forms' data may hold personal data and is not printed by {@link #toString()}; the
 * My Number, when the procedure needed one, is read separately ({@link CaseRepository#myNumberOf}).
 */
public record CounterCase(UUID caseId, String residentId, String lifeEvent, CaseStatus status, String formsData,
        boolean holdsMyNumber, String openedBy, Instant openedAt, Instant syncedAt) {

    @Override
    public String toString() {
        return "CounterCase[" + caseId + ", " + lifeEvent + ", " + status + "]";
    }
}
