package dev.madoguchi.forms.prefill;

import dev.madoguchi.forms.definition.FieldDefinition;
import dev.madoguchi.forms.definition.FormDefinition;
import dev.madoguchi.forms.definition.GroupDefinition;
import dev.madoguchi.forms.definition.RowKey;
import java.util.ArrayList;
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
 * <p>The rows of a repeated group are kept under row keys ({@link RowKey}: {@code movers.2.name}) next to the form's
 * own fields. A group field's plain id ({@code name}) stands for the first row: the person at the counter.
 *
 * @param variant the variant id, or {@code null} for a form without variants
 * @param values by field id or row key, in the definition's order; fields without a value are absent
 * @param discrepancies sources that disagreed during pre-fill
 */
public record FilledForm(FormDefinition definition, String variant, Map<String, FilledValue> values,
        List<Discrepancy> discrepancies) {

    public FilledForm {
        Objects.requireNonNull(definition, "definition");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        discrepancies = List.copyOf(discrepancies);
    }

    /** The text of a field or row key, empty when it has none (a group field's plain id: its first row). */
    public String text(String key) {
        FilledValue value = values.get(key);
        if (value == null) {
            value = definition.groupOfField(key).map(g -> values.get(g.id() + ".1." + key)).orElse(null);
        }
        return value == null ? "" : value.text();
    }

    public Optional<FilledValue> value(String key) {
        FilledValue value = values.get(key);
        if (value == null) {
            value = definition.groupOfField(key).map(g -> values.get(g.id() + ".1." + key)).orElse(null);
        }
        return Optional.ofNullable(value);
    }

    /**
     * The fields a review lists for this form's variant: the form's own fields, then the fields of the first row of
     * each group by their plain ids (the person at the counter; {@link #text} and {@link #withValue} take those ids).
     * Further rows are read with {@link #rows} and set with row keys or {@link #withRows}.
     */
    public List<FieldDefinition> fields() {
        List<FieldDefinition> fields = new ArrayList<>(definition.fieldsOf(variant));
        for (GroupDefinition group : definition.groups()) {
            fields.addAll(group.fieldsOf(variant));
        }
        return List.copyOf(fields);
    }

    /** The number of rows of a group: the highest row that holds a value. */
    public int rowCount(String groupId) {
        int max = 0;
        for (String key : values.keySet()) {
            RowKey row = RowKey.parse(key);
            if (row != null && row.group().equals(groupId)) {
                max = Math.max(max, row.row());
            }
        }
        return max;
    }

    /** The rows of a group, each its field values by field id (an empty map for a row in between without any). */
    public List<Map<String, String>> rows(String groupId) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < rowCount(groupId); i++) {
            rows.add(new LinkedHashMap<>());
        }
        values.forEach((key, value) -> {
            RowKey row = RowKey.parse(key);
            if (row != null && row.group().equals(groupId)) {
                rows.get(row.row() - 1).put(row.field(), value.text());
            }
        });
        return rows;
    }

    /** How many sheets the form prints on: enough for every group's rows, at least one. */
    public int sheets() {
        int sheets = 1;
        for (GroupDefinition group : definition.groups()) {
            sheets = Math.max(sheets, group.sheetsFor(rowCount(group.id())));
        }
        return sheets;
    }

    /**
     * A copy with one field set by the clerk (an empty text removes the value).
     *
     * @param key a field id, a row key ({@code movers.2.name}) or a group field's id (the first row)
     */
    public FilledForm withValue(String key, String text) {
        String resolved = resolve(key);
        Map<String, FilledValue> copy = new LinkedHashMap<>(values);
        if (text == null || text.isEmpty()) {
            copy.remove(resolved);
        } else {
            copy.put(resolved, new FilledValue(text, FilledValue.CLERK));
        }
        return new FilledForm(definition, variant, copy, discrepancies);
    }

    /** A copy whose group rows are these (field id → text per row), each value with the given source. */
    public FilledForm withRows(String groupId, List<Map<String, String>> rows, String source) {
        GroupDefinition group = definition.group(groupId).orElseThrow(() -> new IllegalArgumentException(
                "form " + definition.id() + " has no group '" + groupId + "'"));
        Map<String, FilledValue> copy = new LinkedHashMap<>(values);
        copy.keySet().removeIf(k -> {
            RowKey row = RowKey.parse(k);
            return row != null && row.group().equals(groupId);
        });
        for (int i = 0; i < rows.size(); i++) {
            for (FieldDefinition field : group.fieldsOf(variant)) {
                String text = rows.get(i).get(field.id());
                if (text != null && !text.isEmpty()) {
                    copy.put(new RowKey(groupId, i + 1, field.id()).toString(), new FilledValue(text, source));
                }
            }
            for (String id : rows.get(i).keySet()) {
                if (group.fieldsOf(variant).stream().noneMatch(f -> f.id().equals(id))) {
                    throw new IllegalArgumentException("group " + groupId + " of form " + definition.id()
                            + (variant == null ? "" : " (" + variant + ")") + " has no field '" + id + "'");
                }
            }
        }
        return new FilledForm(definition, variant, copy, discrepancies);
    }

    /** The key a value is stored under: a form field's id, or a row key. */
    String resolve(String key) {
        if (definition.field(key).isPresent()) {
            return key;
        }
        RowKey row = RowKey.parse(key);
        if (row != null && definition.group(row.group()).flatMap(g -> g.field(row.field())).isPresent()) {
            return key;
        }
        Optional<GroupDefinition> group = definition.groupOfField(key);
        if (group.isPresent()) {
            return group.get().id() + ".1." + key;
        }
        throw new IllegalArgumentException("form " + definition.id() + " has no field '" + key + "'");
    }

    @Override
    public String toString() {
        return "FilledForm[form=" + definition.id() + ", variant=" + variant + ", fields=" + values.keySet()
                + ", discrepancies=" + discrepancies.size() + "]";
    }
}
