package dev.madoguchi.forms.definition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A form as data: read from a versioned JSON file (docs/howto/add-a-form.md), identified by id, version and the SHA-256
 * of the file's bytes. A printed form names all three, so the back office knows exactly which definition produced it.
 *
 * @param checks form-level checks by name; {@code household} compares 続柄 and 世帯主
 * @param groups repeated groups of fields (one row per person), laid out in rows and continued on further sheets
 * @param origin where the definition was read from (file or class-path resource); not in the JSON
 * @param sha256 lower-case hex SHA-256 of the file's bytes; not in the JSON
 */
public record FormDefinition(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String version,
        @JsonProperty(required = true) LocalizedText title,
        List<Variant> variants,
        @JsonProperty(required = true) int pages,
        List<String> checks,
        QrPlacement qr,
        @JsonProperty(required = true) List<FieldDefinition> fields,
        List<GroupDefinition> groups,
        @JsonIgnore String origin,
        @JsonIgnore String sha256) {

    public FormDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        variants = variants == null ? List.of() : List.copyOf(variants);
        checks = checks == null ? List.of() : List.copyOf(checks);
        fields = fields == null ? List.of() : List.copyOf(fields);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    FormDefinition identified(String origin, String sha256) {
        return new FormDefinition(id, version, title, variants, pages, checks, qr, fields, groups, origin, sha256);
    }

    public Optional<FieldDefinition> field(String fieldId) {
        return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
    }

    public Optional<GroupDefinition> group(String groupId) {
        return groups.stream().filter(g -> g.id().equals(groupId)).findFirst();
    }

    /**
     * The field a value key names: a field of the form, a row key ({@code movers.2.name}) or — the first row's
     * shorthand, for the person at the counter — the id of a group field that is not a field of the form itself.
     */
    public Optional<FieldDefinition> fieldFor(String key) {
        Optional<FieldDefinition> own = field(key);
        if (own.isPresent()) {
            return own;
        }
        RowKey row = RowKey.parse(key);
        if (row != null) {
            return group(row.group()).flatMap(g -> g.field(row.field()));
        }
        return groups.stream().flatMap(g -> g.field(key).stream()).findFirst();
    }

    /** The group whose field {@code fieldId} is, when it is not a field of the form itself. */
    public Optional<GroupDefinition> groupOfField(String fieldId) {
        if (field(fieldId).isPresent()) {
            return Optional.empty();
        }
        return groups.stream().filter(g -> g.field(fieldId).isPresent()).findFirst();
    }

    public Optional<Variant> variant(String variantId) {
        return variants.stream().filter(v -> v.id().equals(variantId)).findFirst();
    }

    /** The fields of one variant ({@code null}: a form without variants). */
    public List<FieldDefinition> fieldsOf(String variant) {
        return fields.stream().filter(f -> f.appliesTo(variant)).toList();
    }

    /** The furigana field printed in the box of {@code fieldId}, if any. */
    public Optional<FieldDefinition> furiganaOf(String fieldId) {
        return fields.stream().filter(f -> fieldId.equals(f.furiganaFor())).findFirst();
    }

    /**
     * The form's version and the start of its file's SHA-256 in a form a clerk can read aloud and compare, printed in
     * small type at the foot of each page: {@code 様式 第1.0.0版・確認コード 3F2A-9C1E-8B7D-6A50}. Two printouts with the same
     * mark were laid out from the same definition file.
     */
    public String printedMark() {
        String hex = sha256.substring(0, 16).toUpperCase(java.util.Locale.ROOT);
        return "様式 第" + version + "版・確認コード " + hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-"
                + hex.substring(8, 12) + "-" + hex.substring(12, 16);
    }

    /** {@code id v version sha256:first 16 hex}: the form's identity in audit rows and the PDF's metadata. */
    public String stamp() {
        return id + " v" + version + " sha256:" + sha256.substring(0, 16);
    }
}
