package dev.madoguchi.forms.definition;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * One field of a form.
 *
 * @param id stable id, also the key in data files and in the QR payload
 * @param label what prints above the value
 * @param type what the field holds
 * @param sources where pre-fill takes the value from, in order of preference: {@code card.*}, {@code register.*},
 *     {@code household.*}, {@code interview.*}, {@code office.*} (docs/howto/add-a-form.md lists them)
 * @param required whether the form is incomplete without it
 * @param requiredIf the id of another field: this one is required when that one has a value
 * @param legal the legal basis when this is a legal item (e.g. {@code 住基法22条1項1号}), else {@code null}
 * @param variants the variants this field belongs to; empty means every variant
 * @param options the allowed values of a {@code choice}
 * @param deadlineDays for a date: warn when the notification date is more than this many days after it
 * @param furiganaFor the id of the field this one is the フリガナ of: printed small in the top of that field's box
 * @param box where the value prints; {@code null} for furigana fields
 */
public record FieldDefinition(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) LocalizedText label,
        @JsonProperty(required = true) FieldType type,
        List<String> sources,
        boolean required,
        String requiredIf,
        String legal,
        List<String> variants,
        List<String> options,
        Integer deadlineDays,
        String furiganaFor,
        Box box) {

    public FieldDefinition {
        Objects.requireNonNull(id, "id");
        sources = sources == null ? List.of() : List.copyOf(sources);
        variants = variants == null ? List.of() : List.copyOf(variants);
        options = options == null ? List.of() : List.copyOf(options);
    }

    public boolean isLegalItem() {
        return legal != null && !legal.isBlank();
    }

    public boolean appliesTo(String variant) {
        return variants.isEmpty() || variant == null || variants.contains(variant);
    }
}
