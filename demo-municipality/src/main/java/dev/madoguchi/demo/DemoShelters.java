package dev.madoguchi.demo;

import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.domain.shelter.Pet;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.ShelterFeature;
import dev.madoguchi.domain.shelter.Stay;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Fictional shelters of a demo municipality and households from its register checked in to them: the demo shelter
 * mode and the shelter benchmarks. Deterministic for a municipality and a count. Persons keep their register id (as
 * if matched at check-in); ages come from {@link DemoMunicipality#REFERENCE_DATE}.
 *
 * @param arrivals per shelter id, the households to check in, in order
 */
public record DemoShelters(List<Shelter> shelters, Map<String, List<Arrival>> arrivals) {

    /** The demo shelter the demo mode opens with. */
    public static final String DEMO_SHELTER_ID = "demo-1";

    private static final String[] ALLERGENS = {"卵", "乳", "小麦", "えび", "そば"};
    private static final Stay[] STAYS = {Stay.SHELTER, Stay.SHELTER, Stay.SHELTER, Stay.SHELTER, Stay.CAR, Stay.HOME,
        Stay.TENT, Stay.RELATIVES};

    /** When the first household of each demo shelter arrived: {@link DemoMunicipality#REFERENCE_DATE} 18:00 JST. */
    public static final Instant FIRST_ARRIVAL = DemoMunicipality.REFERENCE_DATE.atTime(18, 0)
            .atZone(ZoneId.of("Asia/Tokyo")).toInstant();

    /**
     * When a shelter's {@code household}-th household (0 = first, in the order of {@link #arrivals}) arrived: two
     * minutes after the one before it, from {@link #FIRST_ARRIVAL}. Fixed, not the time a demo store is made, so that
     * every demo store seeded from the same demo holds the same check-ins (docs/shelter.md).
     */
    public static Instant arrivedAt(int household) {
        if (household < 0) {
            throw new IllegalArgumentException("a household's place is 0 or more");
        }
        return FIRST_ARRIVAL.plus(Duration.ofMinutes(2L * household));
    }

    /** {@code shelterCount} shelters and households of about {@code evacuees} people spread over them. */
    public static DemoShelters generate(DemoMunicipality m, int shelterCount, int evacuees) {
        Random random = new Random(m.seed() * 31 + evacuees);
        List<Shelter> shelters = new ArrayList<>();
        Map<String, List<Arrival>> arrivals = new LinkedHashMap<>();
        for (int s = 0; s < shelterCount; s++) {
            String id = "demo-" + (s + 1);
            shelters.add(new Shelter(id, m.city() + "立第" + (s + 1) + "小学校", m.prefecture() + m.city() + "本町"
                    + (s + 1) + "丁目1番1号", 400, 300, List.of("体育館", "教室1", "教室2"),
                    s == 0 ? Set.of(ShelterFeature.ACCESSIBLE_TOILET, ShelterFeature.PETS_ALLOWED)
                            : Set.of(ShelterFeature.ACCESSIBLE_TOILET)));
            arrivals.put(id, new ArrayList<>());
        }
        int people = 0;
        int h = 0;
        for (Household household : m.households()) {
            if (people >= evacuees) {
                break;
            }
            List<Resident> members = m.membersOf(household.id());
            List<Evacuee> persons = new ArrayList<>();
            for (Resident r : members) {
                persons.add(person(r, random));
            }
            Stay stay = STAYS[random.nextInt(STAYS.length)];
            List<Pet> pets = random.nextInt(8) == 0 ? List.of(new Pet(random.nextBoolean() ? "犬" : "猫",
                    1 + random.nextInt(2), "屋外ケージ")) : List.of();
            String vehicle = stay == Stay.CAR || random.nextInt(6) == 0
                    ? "品川500あ" + (1000 + random.nextInt(9000)) : "";
            arrivals.get(shelters.get(h % shelterCount).id()).add(new Arrival("H-" + household.id(), stay,
                    stay == Stay.SHELTER ? (random.nextInt(4) == 0 ? "教室1" : "体育館") : "", pets, vehicle, persons));
            people += persons.size();
            h++;
        }
        return new DemoShelters(shelters, arrivals);
    }

    private static Evacuee person(Resident r, Random random) {
        int age = Period.between(r.birthDate(), DemoMunicipality.REFERENCE_DATE).getYears();
        List<CareFlag> flags = new ArrayList<>();
        if (age >= 75) {
            flags.add(CareFlag.parse("elderly"));
        }
        if (age < 3) {
            flags.add(CareFlag.parse("infant"));
        }
        if (random.nextInt(15) == 0) {
            flags.add(CareFlag.parse("allergy:" + ALLERGENS[random.nextInt(ALLERGENS.length)]));
        }
        if (random.nextInt(20) == 0) {
            flags.add(CareFlag.parse("medication"));
        }
        if (r.foreignResidency() != null && random.nextBoolean()) {
            flags.add(CareFlag.parse("language:en"));
        }
        String kana = r.familyNameKana() + "\u3000" + r.givenNameKana();
        LocalDate birth = r.birthDate();
        return new Evacuee("demo-" + r.id(), r.familyName() + "\u3000" + r.givenName(), kana, birth, r.sex(),
                r.address(), "", r.id(), random.nextInt(3) == 0 ? IdentifiedBy.CARD : IdentifiedBy.MANUAL, flags,
                random.nextInt(40) == 0 ? "足首の捻挫" : "", new Consent(random.nextInt(5) != 0,
                        random.nextInt(3) == 0, random.nextInt(4) == 0));
    }
}
