package dev.madoguchi.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.AgeBand;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.Pet;
import dev.madoguchi.domain.shelter.Present;
import dev.madoguchi.domain.shelter.PresentPerson;
import dev.madoguchi.domain.shelter.SexCounts;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.ShelterReport;
import dev.madoguchi.domain.shelter.Stay;
import java.util.Map;

/** The JSON shapes of the shelter commands (docs/shelter.md): present list, daily report, shelter list. */
final class ShelterShapes {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private ShelterShapes() {
    }

    static ObjectNode present(Present p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("shelter", p.shelterId());
        n.put("present", p.present());
        n.put("households", p.households());
        n.put("day", p.day());
        n.put("night", p.night());
        ArrayNode people = n.putArray("people");
        for (PresentPerson person : p.people()) {
            people.add(person(person));
        }
        return n;
    }

    static ObjectNode person(PresentPerson p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("personId", p.personId());
        n.put("household", p.householdId());
        n.put("name", p.person().name());
        n.put("kana", p.person().kana());
        n.put("birthDate", p.person().birthDate() == null ? null : p.person().birthDate().toString());
        n.put("sex", sex(p.person().sex()));
        n.put("address", p.person().address());
        n.put("phone", p.person().phone());
        n.put("residentId", p.person().residentId());
        n.put("identifiedBy", p.person().identifiedBy().code());
        ArrayNode flags = n.putArray("flags");
        p.person().flags().stream().map(CareFlag::code).forEach(flags::add);
        n.put("injury", p.person().injury());
        ObjectNode consent = n.putObject("consent");
        consent.put("family", p.person().consent().family());
        consent.put("acquaintances", p.person().consent().acquaintances());
        consent.put("others", p.person().consent().others());
        n.put("stay", p.stay().code());
        n.put("space", p.space());
        ArrayNode pets = n.putArray("pets");
        for (Pet pet : p.pets()) {
            pets.addObject().put("species", pet.species()).put("count", pet.count()).put("where", pet.where());
        }
        n.put("vehicle", p.vehicle().isEmpty() ? null : p.vehicle());
        n.put("since", p.since().toString());
        n.put("day", p.day());
        n.put("night", p.night());
        return n;
    }

    static ObjectNode report(ShelterReport r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("shelter", r.shelterId());
        n.put("date", r.date().toString());
        n.put("present", r.present());
        n.put("households", r.households());
        n.put("day", r.day());
        n.put("night", r.night());
        ObjectNode ages = n.putObject("ageBands");
        for (Map.Entry<AgeBand, SexCounts> e : r.ageBands().entrySet()) {
            ages.set(e.getKey().code(), counts(e.getValue()));
        }
        n.set("bySex", counts(r.bySex()));
        ObjectNode flags = n.putObject("byFlag");
        for (Map.Entry<CareKind, Integer> e : r.byFlag().entrySet()) {
            flags.put(e.getKey().code(), e.getValue());
        }
        n.put("injured", r.injured());
        n.put("pets", r.pets());
        ObjectNode species = n.putObject("petsBySpecies");
        r.petsBySpecies().forEach(species::put);
        n.put("vehicles", r.vehicles());
        ObjectNode stays = n.putObject("byStay");
        for (Map.Entry<Stay, Integer> e : r.byStay().entrySet()) {
            stays.put(e.getKey().code(), e.getValue());
        }
        ObjectNode meals = n.putObject("allergyMeals");
        r.allergyMeals().forEach((k, v) -> meals.put(k.isEmpty() ? "unspecified" : k, v));
        ObjectNode languages = n.putObject("languages");
        r.languages().forEach((k, v) -> languages.put(k.isEmpty() ? "unspecified" : k, v));
        return n;
    }

    static ObjectNode shelter(Shelter s) {
        ObjectNode n = MAPPER.createObjectNode();
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

    private static ObjectNode counts(SexCounts c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("M", c.male());
        n.put("F", c.female());
        n.put("N", c.other());
        n.put("total", c.total());
        return n;
    }

    static String sex(Sex sex) {
        return switch (sex) {
            case MALE -> "M";
            case FEMALE -> "F";
            case NOT_APPLICABLE -> "N";
        };
    }

    static String write(Object node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }
}
