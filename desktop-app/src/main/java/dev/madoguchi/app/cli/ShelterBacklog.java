package dev.madoguchi.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.Coded;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.domain.shelter.Pet;
import dev.madoguchi.domain.shelter.Stay;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The backlog file of {@code shelter check-in --data}: JSON lines, one household per line (docs/shelter.md). A line
 * that cannot be read — not JSON, an unknown key, an impossible date, a missing name — is flagged with its line number
 * and what is wrong (never a value); the other lines are read. Persons get a new person id; they were typed from paper.
 */
final class ShelterBacklog {

    /** A household read from one line. */
    record Row(int line, Arrival arrival) {}

    /** A line that was not read, and why (no personal data). */
    record Flagged(int line, String problem) {}

    record Read(List<Row> rows, List<Flagged> flagged) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> HOUSEHOLD_KEYS = Set.of("household", "stay", "space", "pets", "vehicle",
            "members");
    private static final Set<String> MEMBER_KEYS = Set.of("name", "kana", "birthDate", "sex", "address", "phone",
            "flags", "consent", "injury");
    private static final Set<String> PET_KEYS = Set.of("species", "count", "where");
    private static final Set<String> CONSENT_KEYS = Set.of("family", "acquaintances", "others");

    private ShelterBacklog() {
    }

    static Read read(BufferedReader in) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<Flagged> flagged = new ArrayList<>();
        String text;
        int line = 0;
        while ((text = in.readLine()) != null) {
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                continue;
            }
            try {
                rows.add(new Row(line, household(MAPPER.readTree(text))));
            } catch (IOException e) {
                flagged.add(new Flagged(line, "not a JSON object"));
            } catch (IllegalArgumentException e) {
                flagged.add(new Flagged(line, e.getMessage()));
            }
        }
        return new Read(rows, flagged);
    }

    private static Arrival household(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        keys(n, HOUSEHOLD_KEYS, "");
        String household = text(n, "household");
        if (household.isBlank() || household.length() > 40) {
            throw new IllegalArgumentException("household: 1 to 40 characters");
        }
        Stay stay = code(Stay.class, n.path("stay").isMissingNode() ? "shelter" : n.path("stay").asText(), "stay");
        List<Pet> pets = new ArrayList<>();
        for (JsonNode p : n.path("pets")) {
            keys(p, PET_KEYS, "pets.");
            try {
                pets.add(new Pet(text(p, "species"), p.path("count").asInt(1), text(p, "where")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("pets: " + e.getMessage());
            }
        }
        if (!n.path("members").isArray() || n.path("members").isEmpty()) {
            throw new IllegalArgumentException("members: at least one person");
        }
        List<Evacuee> members = new ArrayList<>();
        int i = 0;
        for (JsonNode m : n.path("members")) {
            i++;
            members.add(member(m, "members[" + i + "]."));
        }
        return new Arrival(household, stay, text(n, "space"), pets, text(n, "vehicle"), members);
    }

    private static Evacuee member(JsonNode m, String where) {
        keys(m, MEMBER_KEYS, where);
        String name = text(m, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException(where + "name: missing");
        }
        LocalDate birth = null;
        String birthText = text(m, "birthDate");
        if (!birthText.isBlank()) {
            try {
                birth = LocalDate.parse(birthText);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + "birthDate: not a date (YYYY-MM-DD)");
            }
            if (birth.isAfter(LocalDate.now()) || birth.getYear() < 1880) {
                throw new IllegalArgumentException(where + "birthDate: impossible date");
            }
        }
        Sex sex = switch (text(m, "sex")) {
            case "M" -> Sex.MALE;
            case "F" -> Sex.FEMALE;
            case "N", "" -> Sex.NOT_APPLICABLE;
            default -> throw new IllegalArgumentException(where + "sex: M, F or N");
        };
        List<CareFlag> flags = new ArrayList<>();
        for (JsonNode f : m.path("flags")) {
            try {
                flags.add(CareFlag.parse(f.asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "flags: " + e.getMessage());
            }
        }
        JsonNode c = m.path("consent");
        if (!c.isMissingNode() && !c.isNull()) {
            keys(c, CONSENT_KEYS, where + "consent.");
        }
        Consent consent = new Consent(c.path("family").asBoolean(false), c.path("acquaintances").asBoolean(false),
                c.path("others").asBoolean(false));
        return new Evacuee(UUID.randomUUID().toString(), name, text(m, "kana"), birth, sex, text(m, "address"),
                text(m, "phone"), "", IdentifiedBy.PAPER, flags, text(m, "injury"), consent);
    }

    private static void keys(JsonNode n, Set<String> allowed, String where) {
        if (!n.isObject()) {
            throw new IllegalArgumentException(where + ": not an object");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown key " + where + key);
            }
        }
    }

    private static <E extends Enum<E> & Coded> E code(Class<E> type, String value, String field) {
        try {
            return Coded.parse(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage().replaceAll("'.*'", "value"));
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? "" : v.asText();
    }
}
