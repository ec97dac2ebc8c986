package dev.madoguchi.domain.shelter;

import dev.madoguchi.domain.Sex;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Small fictional shelters, persons and households for tests of the shelter mode. */
public final class ShelterSamples {

    private ShelterSamples() {
    }

    public static Shelter shelter(String id) {
        return new Shelter(id, "避難所 " + id, "架空市本町1-2-3", 300, 200, List.of("体育館", "教室2"),
                Set.of(ShelterFeature.ACCESSIBLE_TOILET));
    }

    /** A person identified by hand, born 1980-01-01, with no flags and nothing consented. */
    public static Evacuee person(String personId, String name) {
        return new Evacuee(personId, name, "カナ " + name, LocalDate.of(1980, 1, 1), Sex.FEMALE, "架空市本町2-3", "",
                "", IdentifiedBy.MANUAL, List.of(), "", Consent.NONE);
    }

    public static Evacuee person(String personId, String name, LocalDate birthDate, Sex sex, CareFlag... flags) {
        return new Evacuee(personId, name, "カナ " + name, birthDate, sex, "架空市本町2-3", "", "", IdentifiedBy.MANUAL,
                List.of(flags), "", Consent.NONE);
    }

    /** A household staying in the shelter's gym, no pets, no vehicle. */
    public static Arrival household(String householdId, Evacuee... members) {
        return new Arrival(householdId, Stay.SHELTER, "体育館", List.of(), "", List.of(members));
    }
}
