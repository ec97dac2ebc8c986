package dev.madoguchi.store.shelter;

import dev.madoguchi.domain.shelter.AgeBand;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.Pet;
import dev.madoguchi.domain.shelter.PresentPerson;
import dev.madoguchi.domain.shelter.SexCounts;
import dev.madoguchi.domain.shelter.ShelterReport;
import dev.madoguchi.domain.shelter.Stay;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The daily report's arithmetic over the people present (numbers only). */
final class ShelterReports {

    /** Report dates are days in Japan. */
    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private ShelterReports() {
    }

    static Instant recordedAt(ShelterEvent e) {
        String at = ShelterJson.text(e.data(), "recordedAt");
        return at.isEmpty() ? Instant.ofEpochMilli(e.hlcWall()) : java.time.OffsetDateTime.parse(at).toInstant();
    }

    static ShelterReport report(String shelterId, LocalDate date, List<PresentPerson> people) {
        Map<AgeBand, SexCounts> ages = new EnumMap<>(AgeBand.class);
        for (AgeBand b : AgeBand.values()) {
            ages.put(b, SexCounts.ZERO);
        }
        Map<CareKind, Integer> flags = new EnumMap<>(CareKind.class);
        for (CareKind k : CareKind.values()) {
            flags.put(k, 0);
        }
        Map<Stay, Integer> stays = new EnumMap<>(Stay.class);
        for (Stay s : Stay.values()) {
            stays.put(s, 0);
        }
        Map<String, Integer> allergens = new TreeMap<>();
        Map<String, Integer> languages = new TreeMap<>();
        Map<String, Integer> species = new TreeMap<>();
        Map<String, PresentPerson> households = new HashMap<>();
        SexCounts bySex = SexCounts.ZERO;
        int day = 0;
        int night = 0;
        int injured = 0;
        for (PresentPerson p : people) {
            AgeBand band = AgeBand.of(p.person().birthDate(), date);
            ages.put(band, ages.get(band).plus(p.person().sex()));
            bySex = bySex.plus(p.person().sex());
            Set<CareKind> kinds = new HashSet<>();
            for (CareFlag f : p.person().flags()) {
                kinds.add(f.kind());
                if (f.kind() == CareKind.ALLERGY) {
                    allergens.merge(f.detail(), 1, Integer::sum);
                }
                if (f.kind() == CareKind.LANGUAGE) {
                    languages.merge(f.detail(), 1, Integer::sum);
                }
            }
            kinds.forEach(k -> flags.merge(k, 1, Integer::sum));
            stays.merge(p.stay(), 1, Integer::sum);
            injured += p.person().injury().isBlank() ? 0 : 1;
            day += p.day() ? 1 : 0;
            night += p.night() ? 1 : 0;
            households.putIfAbsent(p.householdId(), p);
        }
        int pets = 0;
        int vehicles = 0;
        for (PresentPerson p : households.values()) {
            for (Pet pet : p.pets()) {
                pets += pet.count();
                species.merge(pet.species(), pet.count(), Integer::sum);
            }
            vehicles += p.vehicle().isBlank() ? 0 : 1;
        }
        return new ShelterReport(shelterId, date, people.size(), households.size(), day, night, ages, bySex, flags,
                injured, pets, species, vehicles, stays, allergens, languages);
    }
}
