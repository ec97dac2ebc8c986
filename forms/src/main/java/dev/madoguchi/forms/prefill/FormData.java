package dev.madoguchi.forms.prefill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.madoguchi.forms.definition.FieldDefinition;
import dev.madoguchi.forms.definition.FormDefinition;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The field values of one form as a JSON data file ({@code form render --data}; docs/howto/add-a-form.md):
 * <pre>{"form": "jumin-ido", "variant": "tennyu", "values": {"name": "𠮷田　太郎", …}}</pre>
 * {@link #toString()} prints no values.
 */
public record FormData(String form, String variant, Map<String, String> values) {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public FormData {
        Objects.requireNonNull(form, "form");
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** @throws IllegalArgumentException naming the origin and line when the JSON is not a data file */
    public static FormData parse(String origin, byte[] json) {
        try {
            FormData data = MAPPER.readValue(json, FormData.class);
            if (data == null) {
                throw new IllegalArgumentException(origin + ": the file is empty");
            }
            return data;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IllegalArgumentException(origin + ":" + line + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The form filled with these values, each with source {@code data}.
     *
     * @throws IllegalArgumentException for a value whose field the form (variant) does not have
     */
    public FilledForm fill(FormDefinition definition) {
        if (!definition.id().equals(form)) {
            throw new IllegalArgumentException("the data is for form '" + form + "', not '" + definition.id() + "'");
        }
        Prefiller.requireVariant(definition, variant);
        List<FieldDefinition> fields = definition.fieldsOf(variant);
        Map<String, FilledValue> filled = new LinkedHashMap<>();
        for (FieldDefinition field : fields) {
            String text = values.get(field.id());
            if (text != null && !text.isEmpty()) {
                filled.put(field.id(), new FilledValue(text, FilledValue.DATA));
            }
        }
        for (String key : values.keySet()) {
            if (fields.stream().noneMatch(f -> f.id().equals(key))) {
                throw new IllegalArgumentException("form " + form + (variant == null ? "" : " (" + variant + ")")
                        + " has no field '" + key + "'");
            }
        }
        return new FilledForm(definition, variant, filled, List.of());
    }

    @Override
    public String toString() {
        return "FormData[form=" + form + ", variant=" + variant + ", fields=" + values.keySet() + "]";
    }
}
