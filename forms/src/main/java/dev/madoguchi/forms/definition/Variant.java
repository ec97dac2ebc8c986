package dev.madoguchi.forms.definition;

import java.util.Objects;

/** A variant of a form, such as 転入 / 転居 / 転出 of the 住民異動届. */
public record Variant(String id, LocalizedText title) {

    public Variant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }
}
