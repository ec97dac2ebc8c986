package dev.madoguchi.sync.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.moveout.MoveOutMember;
import dev.madoguchi.store.moveout.MoveOutRecord;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a page of pending move-in records and checks each record: one that is malformed, expired on {@code today}
 * or addressed to another municipality than the page's is refused (named by its record id) and never stored; the
 * others are kept. A page without its records, checkpoint or hasMore is a bad answer.
 */
final class MoveOutJson {

    private static final Pattern CODE = Pattern.compile("[0-9]{11}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final int MAX_MEMBERS = 30;

    private MoveOutJson() {
    }

    static MoveOutPage page(JsonNode root, LocalDate today) throws BackendJson.BadAnswerException {
        JsonNode records = root.get("records");
        JsonNode checkpoint = root.get("checkpoint");
        JsonNode hasMore = root.get("hasMore");
        String municipality = root.path("municipalityCode").asText("");
        if (records == null || !records.isArray() || checkpoint == null || !checkpoint.isTextual()
                || hasMore == null || !hasMore.isBoolean() || municipality.isEmpty()) {
            throw new BackendJson.BadAnswerException("the move-out page lacks records, checkpoint or hasMore");
        }
        List<MoveOutRecord> kept = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        int position = 0;
        for (JsonNode r : records) {
            position++;
            String id = r.path("recordId").asText("");
            String name = ID.matcher(id).matches() ? id : "record " + position;
            MoveOutRecord record = record(r);
            if (record == null) {
                refusals.add(name + ": malformed");
            } else if (!municipality.equals(r.path("toMunicipalityCode").asText())) {
                refusals.add(name + ": for another municipality");
            } else if (record.validUntil().isBefore(today)) {
                refusals.add(name + ": expired on " + record.validUntil());
            } else {
                kept.add(record);
            }
        }
        return new MoveOutPage(kept, refusals, checkpoint.asText(), hasMore.asBoolean());
    }

    /** The record, or null when it is malformed. */
    private static MoveOutRecord record(JsonNode r) {
        try {
            String id = required(r, "recordId");
            JsonNode members = r.get("members");
            if (!ID.matcher(id).matches() || members == null || !members.isArray() || members.isEmpty()
                    || members.size() > MAX_MEMBERS) {
                return null;
            }
            List<MoveOutMember> list = new ArrayList<>();
            for (JsonNode m : members) {
                String code = required(m, "residentCode");
                if (!CODE.matcher(code).matches()) {
                    return null;
                }
                list.add(new MoveOutMember(code, required(m, "familyName"), required(m, "givenName"),
                        required(m, "familyNameKana"), required(m, "givenNameKana"),
                        LocalDate.parse(required(m, "birthDate")), sex(required(m, "sex")),
                        required(m, "relationship"), optional(m, "nationality")));
            }
            return new MoveOutRecord(id, required(r, "fromMunicipality"), required(r, "previousAddress"),
                    optional(r, "previousHead"), LocalDate.parse(required(r, "plannedMoveDate")),
                    LocalDate.parse(required(r, "validUntil")), list);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return null;
        }
    }

    private static Sex sex(String code) {
        return switch (code) {
            case "M" -> Sex.MALE;
            case "F" -> Sex.FEMALE;
            case "N" -> Sex.NOT_APPLICABLE;
            default -> throw new IllegalArgumentException("sex");
        };
    }

    private static String required(JsonNode node, String field) {
        String value = optional(node, field);
        if (value == null || value.isBlank() || value.length() > 400) {
            throw new IllegalArgumentException(field);
        }
        return value;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }
}
