package dev.madoguchi.store.shelter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.Coded;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.domain.shelter.Pet;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.ShelterFeature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The JSON of shelters, persons and events, as stored, sent to the backend and written into exchange files. An event's
 * {@link #payload} is built from the event alone, so every laptop that holds it sends the same bytes.
 *
 * <p>Event data by kind: CHECK_IN {@code household, stay, space, pets, vehicle, person, recordedAt} (and {@code from}
 * for a transfer); CHECK_OUT {@code destination, target, recordedAt}; CORRECT {@code person, recordedAt} (and
 * {@code stay, space} when those were corrected); LEAVE_HOUSEHOLD {@code household, recordedAt}; PRESENCE
 * {@code day, night, recordedAt}.
 */
public final class ShelterJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private ShelterJson() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ObjectNode person(Evacuee e) {
        ObjectNode n = object();
        n.put("personId", e.personId());
        n.put("name", e.name());
        n.put("kana", e.kana());
        n.put("birthDate", e.birthDate() == null ? null : e.birthDate().toString());
        n.put("sex", sexCode(e.sex()));
        n.put("address", e.address());
        n.put("phone", e.phone());
        n.put("residentId", e.residentId());
        n.put("identifiedBy", e.identifiedBy().code());
        ArrayNode flags = n.putArray("flags");
        e.flags().forEach(f -> flags.add(f.code()));
        n.put("injury", e.injury());
        ObjectNode consent = n.putObject("consent");
        consent.put("family", e.consent().family());
        consent.put("acquaintances", e.consent().acquaintances());
        consent.put("others", e.consent().others());
        return n;
    }

    public static Evacuee person(JsonNode n) {
        List<CareFlag> flags = new ArrayList<>();
        n.path("flags").forEach(f -> flags.add(CareFlag.parse(f.asText())));
        JsonNode consent = n.path("consent");
        String birth = text(n, "birthDate");
        return new Evacuee(n.path("personId").asText(), n.path("name").asText(), text(n, "kana"),
                birth.isEmpty() ? null : LocalDate.parse(birth), sex(text(n, "sex")), text(n, "address"),
                text(n, "phone"), text(n, "residentId"),
                Coded.parse(IdentifiedBy.class, n.path("identifiedBy").asText("manual")), flags, text(n, "injury"),
                new Consent(consent.path("family").asBoolean(false), consent.path("acquaintances").asBoolean(false),
                        consent.path("others").asBoolean(false)));
    }

    public static String sexCode(Sex sex) {
        return switch (sex) {
            case MALE -> "M";
            case FEMALE -> "F";
            case NOT_APPLICABLE -> "N";
        };
    }

    /** {@code M}, {@code F} or {@code N} (or empty: not recorded). */
    public static Sex sex(String code) {
        return switch (code) {
            case "M" -> Sex.MALE;
            case "F" -> Sex.FEMALE;
            case "N", "" -> Sex.NOT_APPLICABLE;
            default -> throw new IllegalArgumentException("a sex is M, F or N");
        };
    }

    public static ArrayNode pets(List<Pet> pets) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Pet p : pets) {
            a.addObject().put("species", p.species()).put("count", p.count()).put("where", p.where());
        }
        return a;
    }

    public static List<Pet> pets(JsonNode a) {
        List<Pet> pets = new ArrayList<>();
        a.forEach(p -> pets.add(new Pet(p.path("species").asText(), p.path("count").asInt(1), text(p, "where"))));
        return pets;
    }

    public static ObjectNode shelter(Shelter s) {
        ObjectNode n = object();
        n.put("id", s.id());
        n.put("name", s.name());
        n.put("address", s.address());
        n.put("dayCapacity", s.dayCapacity());
        n.put("nightCapacity", s.nightCapacity());
        ArrayNode spaces = n.putArray("spaces");
        s.spaces().forEach(spaces::add);
        ArrayNode features = n.putArray("features");
        s.features().stream().sorted().forEach(f -> features.add(f.code()));
        return n;
    }

    public static Shelter shelter(JsonNode n) {
        List<String> spaces = new ArrayList<>();
        n.path("spaces").forEach(s -> spaces.add(s.asText()));
        Set<ShelterFeature> features = EnumSet.noneOf(ShelterFeature.class);
        n.path("features").forEach(f -> features.add(Coded.parse(ShelterFeature.class, f.asText())));
        return new Shelter(n.path("id").asText(), n.path("name").asText(), text(n, "address"),
                n.path("dayCapacity").asInt(0), n.path("nightCapacity").asInt(0), spaces, features);
    }

    /** The event as one JSON object: the outbox payload and an exchange file's line. */
    public static String payload(ShelterEvent e) {
        ObjectNode n = object();
        n.put("eventId", e.eventId().toString());
        n.put("kind", e.kind().wire());
        n.put("shelterId", e.shelterId());
        n.put("personId", e.personId());
        n.put("residentId", e.residentId());
        ObjectNode hlc = n.putObject("hlc");
        hlc.put("wall", e.hlcWall());
        hlc.put("counter", e.hlcCounter());
        hlc.put("terminal", e.originTerminal());
        n.put("recordedBy", e.recordedBy());
        n.set("data", e.data());
        return write(n);
    }

    /** Reads a {@link #payload}; an {@link IllegalArgumentException} when it is not one. */
    public static ShelterEvent event(String payload) {
        return event(read(payload));
    }

    /** Reads a {@link #payload} already parsed; an {@link IllegalArgumentException} when it is not one. */
    public static ShelterEvent event(JsonNode n) {
        JsonNode hlc = n.path("hlc");
        if (!n.path("data").isObject() || !hlc.path("wall").canConvertToLong() || !hlc.path("counter").isInt()) {
            throw new IllegalArgumentException("not a shelter event");
        }
        if (!n.path("shelterId").asText().matches("[A-Za-z0-9_-]{1,40}") || n.path("personId").asText().isEmpty()
                || n.path("personId").asText().length() > 40 || text(n, "residentId").length() > 20
                || hlc.path("terminal").asText().isEmpty() || hlc.path("terminal").asText().length() > 80
                || hlc.path("counter").asInt() < 0) {
            throw new IllegalArgumentException("a shelter event's ids are out of range");
        }
        return new ShelterEvent(UUID.fromString(n.path("eventId").asText()), n.path("shelterId").asText(),
                n.path("personId").asText(), text(n, "residentId"), ShelterEventKind.ofWire(n.path("kind").asText()),
                hlc.path("wall").asLong(), hlc.path("counter").asInt(), hlc.path("terminal").asText(),
                n.path("recordedBy").asText(), (ObjectNode) n.path("data"));
    }

    public static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    public static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? "" : v.asText();
    }
}
