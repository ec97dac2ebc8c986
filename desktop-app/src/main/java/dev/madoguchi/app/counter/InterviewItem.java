package dev.madoguchi.app.counter;

import dev.madoguchi.forms.definition.FieldType;
import dev.madoguchi.forms.definition.LocalizedText;
import java.util.List;

/**
 * A value the clerk asks the resident for because a proposed form takes it from the interview
 * ({@code interview.KEY} among a field's sources): the new address, the moving date, the child's name …
 *
 * @param key the interview key ({@code newAddress})
 * @param label the label of the first form field that uses it
 * @param options the allowed values of a choice field, else empty
 * @param required whether a form needs it for a legal or required item
 */
public record InterviewItem(String key, LocalizedText label, FieldType type, List<String> options, boolean required) {

    public InterviewItem {
        options = List.copyOf(options);
    }
}
