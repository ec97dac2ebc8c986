package dev.madoguchi.backend.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.backend.terminal.TerminalToken;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Validates a submission body strictly: every field present with its type, no unknown field, values in range, and no
 * string anywhere (payload included) with U+0000 or an unpaired surrogate (neither can be stored faithfully).
 */
public final class SubmissionParser {

    static final Set<String> FIELDS = Set.of("aggregateId", "sequence", "kind", "terminalId", "recordedAt", "payload");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private SubmissionParser() {
    }

    /** Parses a UUID in its canonical 8-4-4-4-12 form; null when it is not one. */
    public static UUID parseId(String text) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            return null;
        }
        return UUID.fromString(text.toLowerCase(Locale.ROOT));
    }

    /**
     * @param pointerPrefix the pointer of {@code body} in the request ({@code ""} for a PUT, {@code /items/3} in a
     *     batch)
     * @param extraFields further fields the caller has read itself (a batch item's {@code id} and {@code resource})
     * @throws InvalidSubmissionException with every error found
     */
    static Submission parse(UUID id, Resource resource, JsonNode body, String pointerPrefix, Set<String> extraFields)
            throws InvalidSubmissionException {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            errors.add(new FieldError(pointerPrefix, "must be a JSON object"));
            throw new InvalidSubmissionException(errors);
        }
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            if (!FIELDS.contains(name) && !extraFields.contains(name)) {
                errors.add(new FieldError(pointer(pointerPrefix, name), "unknown field"));
            }
        }
        String aggregateId = text(body, "aggregateId", pointerPrefix, errors);
        if (aggregateId != null && (aggregateId.isEmpty() || aggregateId.length() > 80 || hasControl(aggregateId))) {
            errors.add(new FieldError(pointer(pointerPrefix, "aggregateId"),
                    "must be 1 to 80 characters without control characters"));
        }
        Long sequence = null;
        JsonNode seq = body.get("sequence");
        if (seq == null || seq.isNull()) {
            errors.add(new FieldError(pointer(pointerPrefix, "sequence"), "is required"));
        } else if (!seq.isIntegralNumber() || !seq.canConvertToLong() || seq.asLong() < 0) {
            errors.add(new FieldError(pointer(pointerPrefix, "sequence"),
                    "must be a whole number from 0 to 9223372036854775807"));
        } else {
            sequence = seq.asLong();
        }
        String kind = text(body, "kind", pointerPrefix, errors);
        if (kind != null && !resource.acceptsKind(kind)) {
            errors.add(new FieldError(pointer(pointerPrefix, "kind"), resource.kindRule()));
        }
        String terminalId = text(body, "terminalId", pointerPrefix, errors);
        if (terminalId != null && !TerminalToken.TERMINAL_ID.matcher(terminalId).matches()) {
            errors.add(new FieldError(pointer(pointerPrefix, "terminalId"), "is not a terminal id"));
        }
        String recordedAtText = text(body, "recordedAt", pointerPrefix, errors);
        OffsetDateTime recordedAt = null;
        if (recordedAtText != null) {
            try {
                if (recordedAtText.length() > 40) {
                    throw new DateTimeParseException("too long", recordedAtText, 0);
                }
                recordedAt = OffsetDateTime.parse(recordedAtText, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                if (recordedAt.getYear() < 1900 || recordedAt.getYear() > 9999) {
                    errors.add(new FieldError(pointer(pointerPrefix, "recordedAt"), "must be a year from 1900 to 9999"));
                    recordedAt = null;
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(pointer(pointerPrefix, "recordedAt"),
                        "must be an RFC 3339 timestamp with an offset, e.g. 2026-12-01T10:42:00+09:00"));
            }
        }
        JsonNode payload = body.get("payload");
        if (payload == null || payload.isNull()) {
            errors.add(new FieldError(pointer(pointerPrefix, "payload"), "is required"));
        } else if (!payload.isObject()) {
            errors.add(new FieldError(pointer(pointerPrefix, "payload"), "must be a JSON object"));
        } else {
            checkStrings(payload, pointer(pointerPrefix, "payload"), errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        ObjectNode canonical = JsonNodeFactory.instance.objectNode();
        canonical.put("resource", resource.pathName());
        canonical.put("aggregateId", aggregateId);
        canonical.put("sequence", sequence);
        canonical.put("kind", kind);
        canonical.put("terminalId", terminalId);
        canonical.put("recordedAt", recordedAtText);
        canonical.set("payload", payload);
        String hash = CanonicalJson.sha256(CanonicalJson.write(canonical));
        return new Submission(id, resource, aggregateId, sequence, kind, terminalId, recordedAt,
                CanonicalJson.write(payload), hash);
    }

    private static String text(JsonNode body, String name, String prefix, List<FieldError> errors) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            errors.add(new FieldError(pointer(prefix, name), "is required"));
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(pointer(prefix, name), "must be a string"));
            return null;
        }
        String value = node.textValue();
        if (!storable(value)) {
            errors.add(new FieldError(pointer(prefix, name), "contains U+0000 or an unpaired surrogate"));
            return null;
        }
        return value;
    }

    private static void checkStrings(JsonNode node, String pointer, List<FieldError> errors) {
        if (errors.size() >= 20) {
            return;
        }
        if (node.isTextual()) {
            if (!storable(node.textValue())) {
                errors.add(new FieldError(pointer, "contains U+0000 or an unpaired surrogate"));
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String child = pointer(pointer, e.getKey());
                if (!storable(e.getKey())) {
                    errors.add(new FieldError(child, "a key contains U+0000 or an unpaired surrogate"));
                }
                checkStrings(e.getValue(), child, errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkStrings(node.get(i), pointer + "/" + i, errors);
            }
        }
    }

    /** No U+0000 (PostgreSQL text cannot hold it) and no unpaired surrogate (not Unicode text). */
    static boolean storable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }

    /** A JSON pointer (RFC 6901) one step below {@code prefix}. */
    static String pointer(String prefix, String name) {
        return prefix + "/" + name.replace("~", "~0").replace("/", "~1");
    }
}
