package dev.madoguchi.sync.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.register.RegisterChange;
import dev.madoguchi.store.register.RegisterResident;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The API's JSON bodies (docs/api/openapi.yaml) to and from the client's types. Requests carry exactly the contract's
 * fields (the backend is strict); answers are read leniently (unknown fields ignored), but a missing required field
 * is an error: {@link BadAnswerException}.
 */
public final class BackendJson {

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Thrown when an answer is not what the contract promises; never holds the body (it may hold personal data). */
    public static final class BadAnswerException extends Exception {
        private static final long serialVersionUID = 1L;

        BadAnswerException(String message) {
            super(message);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** The body of a single PUT. */
    public byte[] putBody(OutgoingMessage m) {
        return bytes(fields(mapper.createObjectNode(), m));
    }

    /** The body of {@code POST /api/v1/batch}. */
    public byte[] batchBody(List<OutgoingMessage> messages) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode items = root.putArray("items");
        for (OutgoingMessage m : messages) {
            ObjectNode item = items.addObject();
            item.put("id", m.id().toString());
            item.put("resource", m.resource().path());
            fields(item, m);
        }
        return bytes(root);
    }

    private static ObjectNode fields(ObjectNode node, OutgoingMessage m) {
        node.put("aggregateId", m.aggregateId());
        node.put("sequence", m.sequence());
        node.put("kind", m.kind());
        node.put("terminalId", m.terminalId());
        node.put("recordedAt", m.recordedAt().toString());
        node.set("payload", m.payload());
        return node;
    }

    private byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** Parses an outbox payload; an error means the message cannot be sent as it is. */
    public JsonNode payload(String text) throws BadAnswerException {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || !node.isObject()) {
                throw new BadAnswerException("the payload is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadAnswerException("the payload is not JSON (line " + e.getLocation().getLineNr() + ")");
        }
    }

    JsonNode tree(byte[] body) throws BadAnswerException {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new BadAnswerException("empty answer");
            }
            return node;
        } catch (IOException e) {
            throw new BadAnswerException("the answer is not JSON");
        }
    }

    Receipt receipt(JsonNode node) throws BadAnswerException {
        return new Receipt(text(node, "id", true), text(node, "receiptNumber", true), text(node, "receivedAt", true));
    }

    List<BatchItemResult> batchResults(JsonNode root) throws BadAnswerException {
        JsonNode results = root.get("results");
        if (results == null || !results.isArray()) {
            throw new BadAnswerException("the batch answer has no results array");
        }
        List<BatchItemResult> out = new ArrayList<>(results.size());
        for (JsonNode r : results) {
            UUID id;
            try {
                String text = optional(r, "id");
                id = text == null ? null : UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                id = null; // the backend echoes an unreadable id as given; such a result matches no message
            }
            JsonNode status = r.get("status");
            if (status == null || !status.canConvertToInt()) {
                throw new BadAnswerException("a batch result has no status");
            }
            JsonNode receipt = r.get("receipt");
            JsonNode problem = r.get("problem");
            out.add(new BatchItemResult(id, status.asInt(),
                    receipt == null || receipt.isNull() ? null : receipt(receipt),
                    problem == null || problem.isNull() ? null : problem(problem, status.asInt())));
        }
        return out;
    }

    /** Any JSON object read as a problem; missing members stay null. */
    Problem problem(JsonNode node, int status) {
        List<Problem.FieldError> errors = new ArrayList<>();
        JsonNode list = node.get("errors");
        if (list != null && list.isArray()) {
            for (JsonNode e : list) {
                errors.add(new Problem.FieldError(optional(e, "pointer"), optional(e, "message")));
            }
        }
        JsonNode s = node.get("status");
        return new Problem(optional(node, "type"), optional(node, "title"),
                s != null && s.canConvertToInt() ? s.asInt() : status, optional(node, "detail"),
                optional(node, "code"), errors);
    }

    RegisterPage registerPage(JsonNode root) throws BadAnswerException {
        JsonNode changes = root.get("changes");
        if (changes == null || !changes.isArray()) {
            throw new BadAnswerException("the register page has no changes array");
        }
        List<RegisterChange> out = new ArrayList<>(changes.size());
        for (JsonNode c : changes) {
            String type = text(c, "type", true);
            switch (type) {
                case "UPSERT" -> {
                    JsonNode r = c.get("resident");
                    if (r == null || !r.isObject()) {
                        throw new BadAnswerException("an UPSERT change has no resident");
                    }
                    ResidentRecord record = resident(r);
                    out.add(new RegisterChange.Upsert(record.resident(), record.householdHeadResidentId(),
                            record.householdAddress()));
                }
                case "TOMBSTONE" -> out.add(new RegisterChange.Tombstone(text(c, "residentId", true),
                        instant(optional(c, "removedAt"))));
                default -> throw new BadAnswerException("unknown change type " + type);
            }
        }
        JsonNode hasMore = root.get("hasMore");
        if (hasMore == null || !hasMore.isBoolean()) {
            throw new BadAnswerException("the register page has no hasMore");
        }
        return new RegisterPage(out, text(root, "checkpoint", true), hasMore.asBoolean());
    }

    ResidentRecord resident(JsonNode r) throws BadAnswerException {
        RegisterResident resident = new RegisterResident(
                text(r, "residentId", true),
                text(r, "householdId", true),
                text(r, "residentCode", true),
                text(r, "relationship", true),
                text(r, "familyName", true),
                text(r, "givenName", true),
                text(r, "familyNameKana", true),
                text(r, "givenNameKana", true),
                date(text(r, "birthDate", true)),
                sex(text(r, "sex", true)),
                text(r, "postalCode", true),
                text(r, "address", true),
                date(optional(r, "movedInOn")),
                optional(r, "nationality"),
                optional(r, "statusOfResidence"),
                date(optional(r, "periodOfStayEnd")),
                optional(r, "residenceCardNumber"),
                optional(r, "foreignCategory"));
        return new ResidentRecord(resident, optional(r, "householdHeadResidentId"), optional(r, "householdAddress"));
    }

    Health health(JsonNode node) throws BadAnswerException {
        return new Health(text(node, "status", true), optional(node, "version"), optional(node, "database"));
    }

    private static Sex sex(String code) throws BadAnswerException {
        return switch (code) {
            case "M" -> Sex.MALE;
            case "F" -> Sex.FEMALE;
            case "N" -> Sex.NOT_APPLICABLE;
            default -> throw new BadAnswerException("sex is M, F or N, not " + code.length() + " characters");
        };
    }

    private static LocalDate date(String text) throws BadAnswerException {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadAnswerException("a date is not YYYY-MM-DD");
        }
    }

    private static Instant instant(String text) throws BadAnswerException {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadAnswerException("a timestamp is not RFC 3339");
        }
    }

    private static String text(JsonNode node, String field, boolean required) throws BadAnswerException {
        String value = optional(node, field);
        if (value == null && required) {
            throw new BadAnswerException("the answer lacks " + field);
        }
        return value;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
