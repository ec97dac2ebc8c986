package dev.madoguchi.domain.shelter;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The daily report of one shelter to the disaster headquarters: who was present at the end of {@code date}, in
 * numbers only (no names).
 *
 * @param present people checked in and not checked out, wherever they stay
 * @param households distinct households among them
 * @param day present by day
 * @param night present by night
 * @param ageBands people by age band (every band, in order) and sex
 * @param bySex people by sex
 * @param byFlag people with a care flag, per kind (every kind, in order; 要配慮者)
 * @param injured people with an injury or illness recorded (⑧⑨)
 * @param pets animals (the sum of the households' pet counts)
 * @param petsBySpecies animals per species
 * @param vehicles households with a vehicle
 * @param byStay people by where they stay (every stay, in order)
 * @param allergyMeals allergy-safe meals needed, per allergen as recorded (the flag's detail; "" when not said)
 * @param languages people needing language support, per language as recorded
 */
public record ShelterReport(String shelterId, LocalDate date, int present, int households, int day, int night,
        Map<AgeBand, SexCounts> ageBands, SexCounts bySex, Map<CareKind, Integer> byFlag, int injured, int pets,
        Map<String, Integer> petsBySpecies, int vehicles, Map<Stay, Integer> byStay, Map<String, Integer> allergyMeals,
        Map<String, Integer> languages) {

    public ShelterReport {
        Objects.requireNonNull(shelterId, "shelterId");
        Objects.requireNonNull(date, "date");
        ageBands = frozen(ageBands);
        byFlag = frozen(byFlag);
        petsBySpecies = frozen(petsBySpecies);
        byStay = frozen(byStay);
        allergyMeals = frozen(allergyMeals);
        languages = frozen(languages);
    }

    private static <K, V> Map<K, V> frozen(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
