package dev.madoguchi.forms.qr;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a form's QR code carries: which definition (id, version, SHA-256), the variant, the field values and when the
 * terminal signed it. The rows of repeated groups are under row keys ({@code movers.2.name}) in {@link #values()}.
 * {@link #toString()} prints no values.
 */
public record QrPayload(String formId, String formVersion, String definitionSha256, String variant,
        Map<String, String> values, Instant issuedAt) {

    public QrPayload {
        Objects.requireNonNull(formId, "formId");
        Objects.requireNonNull(formVersion, "formVersion");
        Objects.requireNonNull(definitionSha256, "definitionSha256");
        values.forEach((field, text) -> {
            if (!isWellFormed(field) || !isWellFormed(text)) {
                throw new IllegalArgumentException("field '" + field.replaceAll("[\\uD800-\\uDFFF]", "?")
                        + "' holds a lone surrogate (not Unicode text); validation reports it as invalidText");
            }
        });
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        issuedAt = issuedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** Whether the string is valid UTF-16: every surrogate is part of a pair (only such text can be UTF-8). */
    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The values as data files and the CBOR write them: form fields as texts, each repeated group as a list of rows
     * (field id → text) under the group's id.
     */
    public Map<String, Object> nestedValues() {
        return dev.madoguchi.forms.prefill.FormData.nest(values);
    }

    /** The payload of a filled form: every value it holds (row keys for group rows), in the definition's order. */
    public static QrPayload of(dev.madoguchi.forms.prefill.FilledForm form, Instant issuedAt) {
        Map<String, String> values = new LinkedHashMap<>();
        form.values().forEach((id, value) -> values.put(id, value.text()));
        return new QrPayload(form.definition().id(), form.definition().version(), form.definition().sha256(),
                form.variant(), values, issuedAt);
    }

    @Override
    public String toString() {
        return "QrPayload[form=" + formId + " v" + formVersion + ", variant=" + variant + ", fields=" + values.size()
                + ", issuedAt=" + issuedAt + "]";
    }
}
