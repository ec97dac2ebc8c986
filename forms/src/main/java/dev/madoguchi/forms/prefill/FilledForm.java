package dev.madoguchi.forms.prefill;

import dev.madoguchi.forms.definition.FieldDefinition;
import dev.madoguchi.forms.definition.FormDefinition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A form with values: what the review screen shows, validation checks, the PDF prints and the QR carries.
 * Immutable; {@link #withValue} returns a copy. {@link #toString()} prints no values.
 *
 * @param variant the variant id, or {@code null} for a form without variants
 * @param values by field id, in the definition's order; fields without a value are absent
 * @param discrepancies sources that disagreed during pre-fill
 */
public record FilledForm(FormDefinition definition, String variant, Map<String, FilledValue> values,
        List<Discrepancy> discrepancies) {

    public FilledForm {
        Objects.requireNonNull(definition, "definition");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        discrepancies = List.copyOf(discrepancies);
    }

    /** The text of a field, empty when it has none. */
    public String text(String fieldId) {
        FilledValue value = values.get(fieldId);
        return value == null ? "" : value.text();
    }

    public Optional<FilledValue> value(String fieldId) {
        return Optional.ofNullable(values.get(fieldId));
    }

    /** The fields this form's variant uses. */
    public List<FieldDefinition> fields() {
        return definition.fieldsOf(variant);
    }

    /** A copy with one field set by the clerk (an empty text removes the value). */
    public FilledForm withValue(String fieldId, String text) {
        definition.field(fieldId).orElseThrow(() -> new IllegalArgumentException(
                "form " + definition.id() + " has no field '" + fieldId + "'"));
        Map<String, FilledValue> copy = new LinkedHashMap<>(values);
        if (text == null || text.isEmpty()) {
            copy.remove(fieldId);
        } else {
            copy.put(fieldId, new FilledValue(text, FilledValue.CLERK));
        }
        return new FilledForm(definition, variant, copy, discrepancies);
    }

    @Override
    public String toString() {
        return "FilledForm[form=" + definition.id() + ", variant=" + variant + ", fields=" + values.keySet()
                + ", discrepancies=" + discrepancies.size() + "]";
    }
}
