package dev.madoguchi.app.counter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One visit of the day in the case list. {@link #toString()} prints no personal data.
 *
 * @param formIds the forms the case holds
 * @param printed whether its forms were printed
 * @param searchText what a search matches against (forms' values, normalised); personal, never logged
 */
public record CaseSummary(UUID caseId, Instant openedAt, String lifeEvent, String residentId, List<String> formIds,
        boolean printed, CaseSyncState state, String searchText) {

    public CaseSummary {
        formIds = List.copyOf(formIds);
    }

    @Override
    public String toString() {
        return "CaseSummary[" + caseId + ", " + lifeEvent + ", " + state + "]";
    }
}
