package dev.madoguchi.forms.qr;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a form's QR code carries: which definition (id, version, SHA-256), the variant, the field values and when the
 * terminal signed it. {@link #toString()} prints no values.
 */
public record QrPayload(String formId, String formVersion, String definitionSha256, String variant,
        Map<String, String> values, Instant issuedAt) {

    public QrPayload {
        Objects.requireNonNull(formId, "formId");
        Objects.requireNonNull(formVersion, "formVersion");
        Objects.requireNonNull(definitionSha256, "definitionSha256");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        issuedAt = issuedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** The payload of a filled form: every value it holds, in the definition's order. */
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
