package dev.madoguchi.app.counter;

import dev.madoguchi.forms.definition.LocalizedText;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One visit of the day in the case list. {@link #toString()} prints no personal data.
 *
 * @param lifeEventTitle the life event's name in both languages (the id when the rules no longer know it)
 * @param formIds the forms the case holds
 * @param formTitles the titles of those forms, in the same order
 * @param printed whether its forms were printed
 * @param searchText what a search matches against (forms' values, normalised); personal, never logged
 */
public record CaseSummary(UUID caseId, Instant openedAt, String lifeEvent, LocalizedText lifeEventTitle,
        String residentId, List<String> formIds, List<LocalizedText> formTitles, boolean printed, CaseSyncState state,
        String searchText) {

    public CaseSummary {
        formIds = List.copyOf(formIds);
        formTitles = List.copyOf(formTitles);
    }

    /**
     * A case's number as a person reads it aloud: the first eight hexadecimal digits of its id in two groups of four
     * (e.g. {@code 3F2A-91C0}). The full id stays in the store.
     */
    public static String numberOf(UUID caseId) {
        String hex = caseId.toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
        return hex.substring(0, 4) + "-" + hex.substring(4, 8);
    }

    /** This case's number to read aloud ({@link #numberOf}). */
    public String number() {
        return numberOf(caseId);
    }

    @Override
    public String toString() {
        return "CaseSummary[" + caseId + ", " + lifeEvent + ", " + state + "]";
    }
}
