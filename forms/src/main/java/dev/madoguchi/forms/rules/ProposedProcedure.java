package dev.madoguchi.forms.rules;

import dev.madoguchi.forms.definition.LocalizedText;
import java.util.List;

/**
 * A procedure the rules propose for a visit, and why.
 *
 * @param form the form to print, or {@code null} when the procedure has no form here
 * @param uncertainBecause the questions answered "I don't know" (or not asked) that made the rules include it to be
 *     safe; empty when every condition was answered
 */
public record ProposedProcedure(String id, String form, String variant, LocalizedText title, LocalizedText reason,
        List<LocalizedText> documents, List<String> uncertainBecause) {

    public ProposedProcedure {
        documents = List.copyOf(documents);
        uncertainBecause = List.copyOf(uncertainBecause);
    }

    public boolean isUncertain() {
        return !uncertainBecause.isEmpty();
    }
}
