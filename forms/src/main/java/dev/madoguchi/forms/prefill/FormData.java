package dev.madoguchi.forms.prefill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.madoguchi.forms.definition.FieldDefinition;
import dev.madoguchi.forms.definition.FormDefinition;
import dev.madoguchi.forms.definition.GroupDefinition;
import dev.madoguchi.forms.definition.RowKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The field values of one form as a JSON data file ({@code form render --data}; docs/howto/add-a-form.md):
 * <pre>{"form": "jumin-ido", "variant": "tennyu", "values": {"notifier": "世帯主", …,
 *   "movers": [{"name": "𠮷田　太郎", …}, {"name": "𠮷田　花子", …}]}}</pre>
 * A repeated group is an array of objects under its id; in {@link #values()} its rows are flattened to row keys
 * ({@code movers.2.name}). {@link #toString()} prints no values.
 */
public record FormData(String form, String variant, Map<String, String> values) {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final Set<String> PROPERTIES = Set.of("form", "variant", "values");

    public FormData {
        Objects.requireNonNull(form, "form");
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @throws IllegalArgumentException naming the origin and line when the JSON is not a data file */
    public static FormData parse(String origin, byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IllegalArgumentException(origin + ":" + line + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": cannot be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IllegalArgumentException(origin + ": the file is empty");
        }
        if (!root.isObject() || !root.path("form").isTextual()) {
            throw new IllegalArgumentException(origin + ": a data file is an object with \"form\" and \"values\"");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!PROPERTIES.contains(name)) {
                throw new IllegalArgumentException(origin + ": unknown property '" + name + "' (form, variant, values)");
            }
        });
        String variant = root.hasNonNull("variant") ? root.get("variant").asText() : null;
        return new FormData(root.get("form").asText(), variant, flatten(origin, root.path("values")));
    }

    /** Values as JSON (strings, and arrays of objects of strings for groups) flattened to field ids and row keys. */
    public static Map<String, String> flatten(String origin, JsonNode values) {
        Map<String, String> flat = new LinkedHashMap<>();
        if (values.isMissingNode() || values.isNull()) {
            return flat;
        }
        if (!values.isObject()) {
            throw new IllegalArgumentException(origin + ": \"values\" must be an object");
        }
        for (Map.Entry<String, JsonNode> e : values.properties()) {
            JsonNode value = e.getValue();
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    JsonNode row = value.get(i);
                    if (!row.isObject()) {
                        throw new IllegalArgumentException(origin + ": " + e.getKey() + "[" + i + "] must be an object");
                    }
                    int n = i + 1;
                    row.properties().forEach(f -> flat.put(new RowKey(e.getKey(), n, f.getKey()).toString(),
                            scalar(origin, e.getKey() + "[" + n + "]." + f.getKey(), f.getValue())));
                }
            } else {
                flat.put(e.getKey(), scalar(origin, e.getKey(), value));
            }
        }
        return flat;
    }

    private static String scalar(String origin, String where, JsonNode value) {
        if (!value.isValueNode() || value.isNull()) {
            throw new IllegalArgumentException(origin + ": " + where + " must be a text");
        }
        return value.asText();
    }

    /**
     * The values as JSON-shaped data: form fields as strings, each group as a list of rows (field id → text), under
     * the group's id.
     */
    public static Map<String, Object> nest(Map<String, String> flat) {
        Map<String, Object> nested = new LinkedHashMap<>();
        flat.forEach((key, text) -> {
            RowKey row = RowKey.parse(key);
            if (row == null) {
                nested.put(key, text);
                return;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, String>> rows = (List<Map<String, String>>) nested.computeIfAbsent(row.group(),
                    g -> new ArrayList<Map<String, String>>());
            while (rows.size() < row.row()) {
                rows.add(new LinkedHashMap<>());
            }
            rows.get(row.row() - 1).put(row.field(), text);
        });
        return nested;
    }

    /**
     * The form filled with these values, each with source {@code data}. A group field given as a plain id (outside
     * the group's array) fills the first row, so single-person data files keep working.
     *
     * @throws IllegalArgumentException for a value whose field the form (variant) does not have
     */
    public FilledForm fill(FormDefinition definition) {
        if (!definition.id().equals(form)) {
            throw new IllegalArgumentException("the data is for form '" + form + "', not '" + definition.id() + "'");
        }
        Prefiller.requireVariant(definition, variant);
        List<FieldDefinition> fields = definition.fieldsOf(variant);
        Map<String, String> byKey = new LinkedHashMap<>();
        values.forEach((key, text) -> {
            if (fields.stream().anyMatch(f -> f.id().equals(key))) {
                byKey.put(key, text);
                return;
            }
            RowKey row = RowKey.parse(key);
            GroupDefinition group = row != null ? definition.group(row.group()).orElse(null)
                    : definition.groupOfField(key).orElse(null);
            String field = row != null ? row.field() : key;
            if (group == null || group.fieldsOf(variant).stream().noneMatch(f -> f.id().equals(field))) {
                throw new IllegalArgumentException("form " + form + (variant == null ? "" : " (" + variant + ")")
                        + " has no field '" + (row != null ? row.group() + "[" + row.row() + "]." + field : key) + "'");
            }
            byKey.put(row != null ? key : group.id() + ".1." + key, text);
        });
        Map<String, FilledValue> filled = new LinkedHashMap<>();
        for (FieldDefinition field : fields) {
            put(filled, field.id(), byKey.get(field.id()));
        }
        for (GroupDefinition group : definition.groups()) {
            int rows = 0;
            for (String key : byKey.keySet()) {
                RowKey row = RowKey.parse(key);
                if (row != null && row.group().equals(group.id())) {
                    rows = Math.max(rows, row.row());
                }
            }
            for (int r = 1; r <= rows; r++) {
                for (FieldDefinition field : group.fieldsOf(variant)) {
                    String key = new RowKey(group.id(), r, field.id()).toString();
                    put(filled, key, byKey.get(key));
                }
            }
        }
        return new FilledForm(definition, variant, filled, List.of());
    }

    private static void put(Map<String, FilledValue> filled, String key, String text) {
        if (text != null && !text.isEmpty()) {
            filled.put(key, new FilledValue(text, FilledValue.DATA));
        }
    }

    @Override
    public String toString() {
        return "FormData[form=" + form + ", variant=" + variant + ", fields=" + values.keySet() + "]";
    }
}
