package dev.madoguchi.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fictional municipality, 架空県窓口市, for the demo mode, the simulated card reader, tests and benchmarks.
 *
 * <p>{@link #generate(long, int)} is deterministic: the same arguments give an equal municipality on any JDK and on any
 * day (ages and card expiry are computed against {@link #REFERENCE_DATE}, not today). A smaller municipality
 * of the same seed is a prefix of a larger one. All people, numbers and addresses are made up.
 *
 * <p>Fixed demo cases, present once a municipality has 16 households (about 40 residents): the head of H000002 holds a card whose text PIN
 * is blocked; the head of H000004 has one try left for the text and the authentication PIN; H000003 is a mixed
 * marriage; H000006 is a foreign resident living alone; the heads of H000005, H000007 … H000015 hold cards and carry
 * the family names 髙橋, 山﨑, 𠮷田, 德永, 渡邉 and 宮﨑, which the card prints with 代替文字.
 *
 * @param seed the seed it was generated from
 * @param localGovernmentCode 地方公共団体コード; {@code 999997} is fictional (prefecture code 99 does not exist) with a
 *     correct check digit
 * @param prefecture {@code 架空県}
 * @param city {@code 窓口市}
 * @param households households in id order
 * @param residents residents grouped by household in household order, head first
 */
public record DemoMunicipality(long seed, String localGovernmentCode, String prefecture, String city,
        List<Household> households, List<Resident> residents) {

    public static final long DEFAULT_SEED = 20261123L;
    public static final int DEFAULT_RESIDENTS = 5_000;
    /**
     * The day the generated data describes, used instead of today: ages, card expiry and periods of stay are fixed
     * against it, so the output never changes with the calendar.
     */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 1);
    /** The largest {@code minimumResidents} accepted by {@link #generate(long, int)}. */
    public static final int MAX_RESIDENTS = 10_000_000;

    public DemoMunicipality {
        Objects.requireNonNull(localGovernmentCode, "localGovernmentCode");
        Objects.requireNonNull(prefecture, "prefecture");
        Objects.requireNonNull(city, "city");
        households = List.copyOf(households);
        if (!(residents instanceof HouseholdOrderedResidents)) {
            residents = List.copyOf(residents);
        }
    }

    /**
     * Generates whole households until there are at least {@code minimumResidents} residents (a few more, as the last
     * household is complete). 5,000 residents take milliseconds; a million need roughly 0.5 GB of heap.
     *
     * @throws IllegalArgumentException if {@code minimumResidents} is negative or above {@link #MAX_RESIDENTS}
     */
    public static DemoMunicipality generate(long seed, int minimumResidents) {
        if (minimumResidents < 0 || minimumResidents > MAX_RESIDENTS) {
            throw new IllegalArgumentException("minimumResidents must be between 0 and " + MAX_RESIDENTS);
        }
        return new MunicipalityGenerator(seed).generate(minimumResidents);
    }

    /** {@code generate(DEFAULT_SEED, DEFAULT_RESIDENTS)}. */
    public static DemoMunicipality generateDefault() {
        return generate(DEFAULT_SEED, DEFAULT_RESIDENTS);
    }

    public Optional<Resident> resident(String residentId) {
        Objects.requireNonNull(residentId, "residentId");
        int index = sequenceIndex(residentId, 'R', residents.size());
        if (index >= 0 && residents.get(index).id().equals(residentId)) {
            return Optional.of(residents.get(index));
        }
        for (Resident resident : residents) {
            if (resident.id().equals(residentId)) {
                return Optional.of(resident);
            }
        }
        return Optional.empty();
    }

    /** The members of a household, head first; empty for an unknown id. */
    public List<Resident> membersOf(String householdId) {
        Objects.requireNonNull(householdId, "householdId");
        int index = sequenceIndex(householdId, 'H', households.size());
        if (index >= 0 && households.get(index).id().equals(householdId)
                && residents instanceof HouseholdOrderedResidents ordered && ordered.isOrderedBy(households)) {
            return ordered.membersOfHouseholdAt(index);
        }
        Optional<Household> household = households.stream().filter(h -> h.id().equals(householdId)).findFirst();
        if (household.isEmpty()) {
            return List.of();
        }
        String headId = household.get().headResidentId();
        List<Resident> members = new ArrayList<>();
        for (Resident resident : residents) {
            if (resident.householdId().equals(householdId)) {
                if (resident.id().equals(headId)) {
                    members.add(0, resident);
                } else {
                    members.add(resident);
                }
            }
        }
        return List.copyOf(members);
    }

    /** Residents who hold a My Number Card, in register order. */
    public List<Resident> cardHolders() {
        return residents.stream().filter(r -> r.card() != null).toList();
    }

    /** The zero-based position that an id like {@code R000123} has in generated data, or -1. */
    private static int sequenceIndex(String id, char prefix, int size) {
        if (id.length() < 2 || id.length() > 12 || id.charAt(0) != prefix) {
            return -1;
        }
        long number = 0;
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number >= 1 && number <= size ? (int) (number - 1) : -1;
    }
}
