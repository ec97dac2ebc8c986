package dev.madoguchi.forms.definition;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one form definition file. Every problem — bad JSON, an unknown or missing property, a wrong type, a field that
 * refers to a field or variant that does not exist, a box off the A4 page — becomes a {@link FormDefinitionException}
 * naming the file and the line.
 */
public final class FormDefinitionParser {

    static final Set<String> SOURCE_KINDS = Set.of("card", "register", "household", "interview", "office");
    static final Set<String> CHECKS = Set.of("household");
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * @param origin the file name or resource the bytes come from, used in messages
     * @param bytes the file's content (UTF-8 JSON)
     */
    public FormDefinition parse(String origin, byte[] bytes) {
        FormDefinition parsed;
        try {
            parsed = mapper.readValue(bytes, FormDefinition.class);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            int line = where == null ? 0 : where.getLineNr();
            String path = "";
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                path = " (at " + jsonPath(mapping.getPath()) + ")";
            }
            if (e instanceof UnrecognizedPropertyException unknown) {
                // records are built at the end of their object: point at the misspelled name itself
                line = lastLineOf(bytes, "\"" + unknown.getPropertyName() + "\"", line);
            }
            throw new FormDefinitionException(origin, line, e.getOriginalMessage() + path, e);
        } catch (IOException e) {
            throw new FormDefinitionException(origin, 0, "cannot be read: " + e.getMessage(), e);
        }
        if (parsed == null) {
            throw new FormDefinitionException(origin, 1, "the file is empty", null);
        }
        Map<String, Integer> fieldLines = fieldIdLines(origin, bytes);
        check(origin, parsed, fieldLines);
        return parsed.identified(origin, sha256(bytes));
    }

    private static void check(String origin, FormDefinition form, Map<String, Integer> lines) {
        if (form.id().isBlank() || !form.id().matches("[a-z0-9][a-z0-9-]*")) {
            throw new FormDefinitionException(origin, 0, "id must be lower-case letters, digits and '-', not '"
                    + form.id() + "'", null);
        }
        if (form.pages() < 1) {
            throw new FormDefinitionException(origin, 0, "pages must be at least 1", null);
        }
        for (String check : form.checks()) {
            if (!CHECKS.contains(check)) {
                throw new FormDefinitionException(origin, 0, "unknown check '" + check + "' (known: " + CHECKS + ")",
                        null);
            }
        }
        Set<String> variantIds = new HashSet<>();
        form.variants().forEach(v -> variantIds.add(v.id()));
        Set<String> ids = new HashSet<>();
        for (FieldDefinition field : form.fields()) {
            int line = lines.getOrDefault(field.id(), 0);
            if (!ids.add(field.id())) {
                throw new FormDefinitionException(origin, line, "field id '" + field.id() + "' is used twice", null);
            }
        }
        for (FieldDefinition field : form.fields()) {
            checkField(origin, form, field, ids, variantIds, lines.getOrDefault(field.id(), 0), null);
        }
        Set<String> groupIds = new HashSet<>();
        for (GroupDefinition group : form.groups()) {
            checkGroup(origin, form, group, ids, groupIds, variantIds);
        }
        if (form.qr() != null) {
            QrPlacement qr = form.qr();
            Box asBox = new Box(qr.page(), qr.x(), qr.y(), qr.size(), qr.size(), 0);
            if (!asBox.fitsOnA4() || qr.page() < 1 || qr.page() > form.pages()) {
                throw new FormDefinitionException(origin, 0, "qr is not inside an A4 page: " + qr, null);
            }
        }
    }

    private static void checkGroup(String origin, FormDefinition form, GroupDefinition group, Set<String> formIds,
            Set<String> groupIds, Set<String> variantIds) {
        String where = "group '" + group.id() + "': ";
        if (!ID.matcher(group.id()).matches() || formIds.contains(group.id()) || !groupIds.add(group.id())) {
            throw new FormDefinitionException(origin, 0, where + "the id must be letters, digits, '_' or '-' and "
                    + "differ from every field id and other group id", null);
        }
        Box rows = group.rows();
        if (group.rowsPerSheet() < 1 || group.minRows() < 0) {
            throw new FormDefinitionException(origin, 0, where + "rowsPerSheet must be at least 1, minRows at least 0",
                    null);
        }
        Box allRows = new Box(rows.page(), rows.x(), rows.y(), rows.w(), rows.h() * group.rowsPerSheet(), 0);
        if (!allRows.fitsOnA4() || rows.page() < 1 || rows.page() > form.pages()) {
            throw new FormDefinitionException(origin, 0, where + group.rowsPerSheet() + " rows from " + rows
                    + " do not fit an A4 page 1.." + form.pages() + " (210 x 297 mm)", null);
        }
        Set<String> ids = new HashSet<>();
        for (FieldDefinition field : group.fields()) {
            if (!ids.add(field.id()) || formIds.contains(field.id())) {
                throw new FormDefinitionException(origin, 0, where + "field id '" + field.id()
                        + "' is used twice (in the group or by the form)", null);
            }
        }
        for (FieldDefinition field : group.fields()) {
            checkField(origin, form, field, ids, variantIds, 0, group);
        }
    }

    private static void checkField(String origin, FormDefinition form, FieldDefinition field, Set<String> ids,
            Set<String> variantIds, int line, GroupDefinition group) {
        String where = (group == null ? "" : "group '" + group.id() + "', ") + "field '" + field.id() + "': ";
        if (!ID.matcher(field.id()).matches()) {
            throw new FormDefinitionException(origin, line, where + "the id must be letters, digits, '_' or '-'",
                    null);
        }
        if (field.furiganaFor() != null) {
            if (!ids.contains(field.furiganaFor())) {
                throw new FormDefinitionException(origin, line,
                        where + "furiganaFor names a field that does not exist: '" + field.furiganaFor() + "'", null);
            }
        } else if (field.box() == null) {
            throw new FormDefinitionException(origin, line, where + "needs a box (or furiganaFor)", null);
        } else if (group != null) {
            Box b = field.box();
            if (b.page() != 0 || b.x() < 0 || b.y() < 0 || b.w() <= 0 || b.h() <= 0
                    || b.x() + b.w() > group.rows().w() + 1e-9 || b.y() + b.h() > group.rows().h() + 1e-9) {
                throw new FormDefinitionException(origin, line, where + "box must lie inside the row ("
                        + group.rows().w() + " x " + group.rows().h() + " mm, no page): " + b, null);
            }
        } else if (!field.box().fitsOnA4() || field.box().page() < 1 || field.box().page() > form.pages()) {
            throw new FormDefinitionException(origin, line,
                    where + "box is not inside an A4 page 1.." + form.pages() + " (210 x 297 mm): " + field.box(),
                    null);
        }
        if (field.requiredIf() != null && !ids.contains(field.requiredIf())) {
            throw new FormDefinitionException(origin, line,
                    where + "requiredIf names a field that does not exist: '" + field.requiredIf() + "'", null);
        }
        for (String variant : field.variants()) {
            if (!variantIds.contains(variant)) {
                throw new FormDefinitionException(origin, line,
                        where + "unknown variant '" + variant + "' (the form has " + variantIds + ")", null);
            }
        }
        if (field.type() == FieldType.CHOICE && field.options().isEmpty()) {
            throw new FormDefinitionException(origin, line, where + "a choice needs options", null);
        }
        for (String source : field.sources()) {
            int dot = source.indexOf('.');
            if (dot < 1 || dot == source.length() - 1 || !SOURCE_KINDS.contains(source.substring(0, dot))) {
                throw new FormDefinitionException(origin, line, where + "source '" + source
                        + "' must be one of " + SOURCE_KINDS + " followed by '.' and a key", null);
            }
        }
    }

    /** The line of each {@code "id"} inside {@code "fields"}, for messages about a field. */
    private Map<String, Integer> fieldIdLines(String origin, byte[] bytes) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
            int depthInFields = -1;
            int depth = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                    if (depth < depthInFields) {
                        depthInFields = -1;
                    }
                } else if (token == JsonToken.FIELD_NAME) {
                    if (depth == 1 && "fields".equals(parser.currentName())) {
                        depthInFields = depth + 1;
                    } else if (depthInFields > 0 && depth == depthInFields + 1 && "id".equals(parser.currentName())) {
                        parser.nextToken();
                        lines.putIfAbsent(parser.getText(), (int) parser.currentTokenLocation().getLineNr());
                    }
                }
            }
        } catch (IOException e) {
            throw new FormDefinitionException(origin, 0, "cannot be read: " + e.getMessage(), e);
        }
        return lines;
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The last line at or before {@code notAfter} that contains {@code needle}; {@code notAfter} when none does. */
    private static int lastLineOf(byte[] bytes, String needle, int notAfter) {
        String[] lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
        for (int i = Math.min(notAfter, lines.length) - 1; i >= 0; i--) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        return notAfter;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
