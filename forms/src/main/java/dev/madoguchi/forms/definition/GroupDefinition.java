package dev.madoguchi.forms.definition;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A repeated group of fields: one row per person (the movers of a 住民異動届). The definition lays out one row; the rows
 * of a sheet stack downwards from {@code rows}, and more rows than {@code rowsPerSheet} continue on further sheets that
 * repeat the form's other fields and carry an "n/m" sheet mark.
 *
 * @param id the group's id: in data files and the QR payload the rows are an array of objects under this key
 * @param label the row's name in messages ({@code 異動者} → "異動者2・氏名")
 * @param rowsPerSheet how many rows one sheet holds
 * @param minRows how many rows the form needs at least (their required fields must be filled)
 * @param rows the first row's box (page, x, y, w, h in mm); row i of a sheet starts {@code i * h} mm below it
 * @param fields the fields of one row, their boxes relative to the row's top-left corner (no {@code page})
 */
public record GroupDefinition(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) LocalizedText label,
        @JsonProperty(required = true) int rowsPerSheet,
        int minRows,
        @JsonProperty(required = true) Box rows,
        @JsonProperty(required = true) List<FieldDefinition> fields) {

    public GroupDefinition {
        Objects.requireNonNull(id, "id");
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public Optional<FieldDefinition> field(String fieldId) {
        return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
    }

    /** The fields of one variant ({@code null}: a form without variants). */
    public List<FieldDefinition> fieldsOf(String variant) {
        return fields.stream().filter(f -> f.appliesTo(variant)).toList();
    }

    /** The furigana field printed in the box of {@code fieldId}, if any. */
    public Optional<FieldDefinition> furiganaOf(String fieldId) {
        return fields.stream().filter(f -> fieldId.equals(f.furiganaFor())).findFirst();
    }

    /** Where a row field prints: its relative box moved to row {@code index} (0-based on its sheet). */
    public Box placed(FieldDefinition field, int index) {
        Box r = field.box();
        return new Box(rows.page(), rows.x() + r.x(), rows.y() + index * rows.h() + r.y(), r.w(), r.h(),
                r.fontSize());
    }

    /** The box of the whole row {@code index} (0-based on its sheet). */
    public Box rowBox(int index) {
        return new Box(rows.page(), rows.x(), rows.y() + index * rows.h(), rows.w(), rows.h(), 0);
    }

    /** How many sheets {@code rowCount} rows need (at least one). */
    public int sheetsFor(int rowCount) {
        return Math.max(1, (rowCount + rowsPerSheet - 1) / rowsPerSheet);
    }
}
