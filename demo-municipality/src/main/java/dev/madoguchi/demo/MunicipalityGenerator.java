package dev.madoguchi.demo;

import dev.madoguchi.demo.NameCatalog.Name;
import dev.madoguchi.domain.MyNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link DemoMunicipality} household by household. Each household draws from its own random stream (seed and
 * household number), so a smaller municipality of a seed is a prefix of a larger one; ids and numbers come from
 * bijections of the resident's position, so they are unique without remembering the ones already used. The members of
 * each kind of household come from {@link JapaneseHouseholds} and {@link ForeignHouseholds} (births from
 * {@link Births}), their cards from {@link DemoCards}.
 */
final class MunicipalityGenerator {

    /** "Today" for the generated data: ages, card expiry and periods of stay are fixed against it. */
    static final LocalDate REFERENCE_DATE = DemoMunicipality.REFERENCE_DATE;
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1925, 1, 1);
    /** My Number Cards were first issued in January 2016. */
    static final LocalDate FIRST_CARD_ISSUE = LocalDate.of(2016, 1, 1);
    /** Foreign residents entered the resident register on 2012-07-09. */
    static final LocalDate FOREIGN_REGISTER_START = LocalDate.of(2012, 7, 9);
    /** 特定技能 exists since April 2019. */
    static final LocalDate SPECIFIED_SKILLED_START = LocalDate.of(2019, 4, 1);
    static final String LOCAL_GOVERNMENT_CODE = "999997";

    static final String HEAD = "世帯主";
    static final String WIFE = "妻";
    static final String HUSBAND = "夫";
    static final String CHILD = "子";
    static final String FATHER = "父";
    static final String MOTHER = "母";
    static final String GRANDCHILD = "孫";
    static final String ELDER_BROTHER = "兄";
    static final String ELDER_SISTER = "姉";
    static final String YOUNGER_BROTHER = "弟";
    static final String YOUNGER_SISTER = "妹";
    static final String LODGER = "同居人";
    static final String WIFES_MOTHER = "妻の母";
    static final String HUSBANDS_MOTHER = "夫の母";
    static final String CHILDS_WIFE = "子の妻";

    static final String PERMANENT = "永住者";
    static final String SPECIAL_PERMANENT = "特別永住者";
    static final String TECHNICAL_INTERN = "技能実習";
    static final String STUDENT = "留学";
    static final String ENGINEER = "技術・人文知識・国際業務";
    static final String DEPENDENT = "家族滞在";
    static final String SPOUSE_OF_JAPANESE = "日本人の配偶者等";
    static final String SPOUSE_OF_PERMANENT = "永住者の配偶者等";
    static final String LONG_TERM = "定住者";
    static final String SPECIFIED_SKILLED = "特定技能";

    static final NameCatalog NAMES = new NameCatalog();
    private static final long SHARED_DAYS_START = EARLIEST_BIRTH.toEpochDay();
    private static final long SHARED_DAYS_END = LocalDate.of(2040, 1, 1).toEpochDay();

    private enum Kind {
        SINGLE, COUPLE, COUPLE_WITH_CHILDREN, SINGLE_PARENT, THREE_GENERATIONS, GRANDPARENTS_WITH_GRANDCHILDREN,
        SIBLINGS, WITH_LODGER, CHILD_WITH_ELDERLY_PARENT, FOREIGN_SINGLE, FOREIGN_FAMILY, SPECIAL_PERMANENT_FAMILY,
        MIXED_MARRIAGE
    }

    private static final Weighted<Kind> JAPANESE_KINDS = new Weighted<Kind>()
            .add(340, Kind.SINGLE)
            .add(200, Kind.COUPLE)
            .add(220, Kind.COUPLE_WITH_CHILDREN)
            .add(70, Kind.SINGLE_PARENT)
            .add(40, Kind.THREE_GENERATIONS)
            .add(20, Kind.GRANDPARENTS_WITH_GRANDCHILDREN)
            .add(20, Kind.SIBLINGS)
            .add(15, Kind.WITH_LODGER)
            .add(30, Kind.CHILD_WITH_ELDERLY_PARENT);

    private static final Weighted<Kind> FOREIGN_KINDS = new Weighted<Kind>()
            .add(26, Kind.FOREIGN_SINGLE)
            .add(9, Kind.FOREIGN_FAMILY)
            .add(3, Kind.SPECIAL_PERMANENT_FAMILY)
            .add(8, Kind.MIXED_MARRIAGE);

    /** Share of households of a foreign resident (whole foreign households and mixed marriages). */
    private static final double FOREIGN_HOUSEHOLD_SHARE = 0.046;

    /** Households with demo cases fixed by position, so every municipality of a few hundred residents has them. */
    private static final int BLOCKED_TEXT_PIN_HOUSEHOLD = 1;
    private static final int MIXED_MARRIAGE_HOUSEHOLD = 2;
    private static final int ONE_TRY_LEFT_HOUSEHOLD = 3;
    private static final int FOREIGN_SINGLE_HOUSEHOLD = 5;
    private static final int FIRST_RARE_NAME_HOUSEHOLD = 4;
    private static final int FIXED_HOUSEHOLDS = 16;

    private final long seed;
    private final AddressBook addresses;
    private final long[] residentCodeKeys;
    private final long[] myNumberKeys;
    private final long[] residenceCardKeys;
    private final List<Household> households = new ArrayList<>();
    private final List<Resident> residents = new ArrayList<>();
    private int[] householdStarts = new int[1024];
    private int foreignResidents;
    /** One shared instance per day, so a million residents do not hold three million date objects. */
    private final LocalDate[] days = new LocalDate[(int) (SHARED_DAYS_END - SHARED_DAYS_START)];

    MunicipalityGenerator(long seed) {
        this.seed = seed;
        this.addresses = new AddressBook(seed);
        this.residentCodeKeys = keys(seed, 3);
        this.myNumberKeys = keys(seed, 4);
        this.residenceCardKeys = keys(seed, 5);
    }

    DemoMunicipality generate(int minimumResidents) {
        while (residents.size() < minimumResidents) {
            generateHousehold(households.size());
        }
        List<Household> householdList = List.copyOf(households);
        int[] starts = Arrays.copyOf(householdStarts, households.size() + 1);
        starts[households.size()] = residents.size();
        Resident[] residentArray = residents.toArray(new Resident[0]);
        return new DemoMunicipality(seed, LOCAL_GOVERNMENT_CODE, AddressBook.PREFECTURE, AddressBook.CITY,
                householdList, new HouseholdOrderedResidents(residentArray, starts, householdList));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // households

    private void generateHousehold(int index) {
        DemoRandom random = DemoRandom.forItem(seed, 1, index);
        Kind kind = kind(index, random);
        Name familyName = familyName(index, random);
        List<HouseholdMember> members = switch (kind) {
            case SINGLE -> JapaneseHouseholds.single(random, familyName);
            case COUPLE -> JapaneseHouseholds.couple(random, familyName);
            case COUPLE_WITH_CHILDREN -> JapaneseHouseholds.coupleWithChildren(random, familyName);
            case SINGLE_PARENT -> JapaneseHouseholds.singleParent(random, familyName);
            case THREE_GENERATIONS -> JapaneseHouseholds.threeGenerations(random, familyName);
            case GRANDPARENTS_WITH_GRANDCHILDREN -> JapaneseHouseholds.grandparentsWithGrandchildren(random, familyName);
            case SIBLINGS -> JapaneseHouseholds.siblings(random, familyName);
            case WITH_LODGER -> JapaneseHouseholds.withLodger(random, familyName);
            case CHILD_WITH_ELDERLY_PARENT -> JapaneseHouseholds.childWithElderlyParent(random, familyName);
            case FOREIGN_SINGLE -> ForeignHouseholds.foreignSingle(random);
            case FOREIGN_FAMILY -> ForeignHouseholds.foreignFamily(random);
            case SPECIAL_PERMANENT_FAMILY -> ForeignHouseholds.specialPermanentFamily(random);
            case MIXED_MARRIAGE -> ForeignHouseholds.mixedMarriage(random, familyName);
        };
        giveDistinctGivenNames(random, members);
        HouseholdMember head = members.get(0);
        if (index == BLOCKED_TEXT_PIN_HOUSEHOLD) {
            head.forceCard = true;
            head.forcedTextTries = 0;
        } else if (index == ONE_TRY_LEFT_HOUSEHOLD) {
            head.forceCard = true;
            head.forcedTextTries = 1;
            head.forcedAuthTries = 1;
        } else if (rareNameIndex(index) >= 0) {
            head.forceCard = true;
        }

        AddressBook.Address address = addresses.pick(random, random.chance(apartmentShare(kind, members.size())));
        assignMovedIn(random, members);

        if (households.size() + 1 >= householdStarts.length) {
            householdStarts = Arrays.copyOf(householdStarts, householdStarts.length * 2);
        }
        householdStarts[index] = residents.size();
        String householdId = Digits.prefixed("H", index + 1L, 6);
        households.add(new Household(householdId, residentId(residents.size()), address.text(),
                address.postalCode()));
        for (HouseholdMember person : members) {
            residents.add(resident(random, person, householdId, address));
        }
    }

    /** Parents do not give a child the given name of someone else in the household. */
    private static void giveDistinctGivenNames(DemoRandom random, List<HouseholdMember> members) {
        for (int i = 1; i < members.size(); i++) {
            HouseholdMember person = members.get(i);
            List<Name> choices = person.nationality != null ? person.nationality.givenNames(person.sex)
                    : NAMES.givenNames(person.sex, person.birth.getYear());
            for (int attempt = 0; attempt < choices.size() && sharesGivenName(members, i); attempt++) {
                person.givenName = choices.get((choices.indexOf(person.givenName) + 1 + random.nextInt(3))
                        % choices.size());
            }
        }
    }

    private static boolean sharesGivenName(List<HouseholdMember> members, int index) {
        String given = members.get(index).givenName.written();
        for (int i = 0; i < index; i++) {
            if (members.get(i).givenName.written().equals(given)) {
                return true;
            }
        }
        return false;
    }

    private static Kind kind(int index, DemoRandom random) {
        if (index == MIXED_MARRIAGE_HOUSEHOLD) {
            return Kind.MIXED_MARRIAGE;
        }
        if (index == FOREIGN_SINGLE_HOUSEHOLD) {
            return Kind.FOREIGN_SINGLE;
        }
        if (index < FIXED_HOUSEHOLDS) {
            return JAPANESE_KINDS.pick(random);
        }
        return random.chance(FOREIGN_HOUSEHOLD_SHARE) ? FOREIGN_KINDS.pick(random) : JAPANESE_KINDS.pick(random);
    }

    private static Name familyName(int index, DemoRandom random) {
        int rare = rareNameIndex(index);
        return rare >= 0 ? NameCatalog.RARE_FAMILY_NAMES.get(rare) : NAMES.familyName(random);
    }

    /** Positions 4, 6 … 14 (H000005, H000007 … H000015) carry 髙橋, 山﨑, 𠮷田, 德永, 渡邉, 宮﨑 in that order. */
    private static int rareNameIndex(int index) {
        int offset = index - FIRST_RARE_NAME_HOUSEHOLD;
        if (offset < 0 || offset % 2 != 0 || offset / 2 >= NameCatalog.RARE_FAMILY_NAMES.size()) {
            return -1;
        }
        return offset / 2;
    }

    private static double apartmentShare(Kind kind, int size) {
        return switch (kind) {
            case FOREIGN_SINGLE -> 0.85;
            case SINGLE -> 0.55;
            case FOREIGN_FAMILY, WITH_LODGER, SIBLINGS -> 0.45;
            case THREE_GENERATIONS, GRANDPARENTS_WITH_GRANDCHILDREN, SPECIAL_PERMANENT_FAMILY -> 0.05;
            default -> size <= 2 ? 0.3 : 0.22;
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // moving in

    private static void assignMovedIn(DemoRandom random, List<HouseholdMember> members) {
        HouseholdMember head = members.get(0);
        LocalDate first = Births.max(head.birth.plusYears(18), LocalDate.of(1965, 4, 1));
        boolean foreignHead = head.nationality != null;
        if (foreignHead) {
            first = Births.max(first, FOREIGN_REGISTER_START);
            if (TECHNICAL_INTERN.equals(head.status)) {
                first = Births.max(first, REFERENCE_DATE.minusYears(3));
            } else if (STUDENT.equals(head.status)) {
                first = Births.max(first, REFERENCE_DATE.minusYears(4));
            } else if (SPECIFIED_SKILLED.equals(head.status)) {
                first = Births.max(first, SPECIFIED_SKILLED_START);
            }
        }
        LocalDate household = first.isAfter(REFERENCE_DATE) ? REFERENCE_DATE : random.dayBetween(first, REFERENCE_DATE);
        if (foreignHead && head.periodEnd == null && random.chance(0.3)) {
            household = FOREIGN_REGISTER_START;
        }
        for (HouseholdMember person : members) {
            LocalDate movedIn = Births.max(household, person.birth);
            if (person.joinsLater) {
                movedIn = random.dayBetween(movedIn, REFERENCE_DATE);
            }
            if (person.nationality != null) {
                movedIn = Births.max(movedIn, FOREIGN_REGISTER_START);
            }
            person.movedIn = movedIn;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // residents and cards

    private Resident resident(DemoRandom random, HouseholdMember person, String householdId, AddressBook.Address address) {
        int index = residents.size();
        String residentCode = Digits.residentCode(permute(index, residentCodeKeys, 100_000L, 100_000L));
        String myNumber = MyNumber.fromFirstElevenDigits(
                Digits.pad(permute(index, myNumberKeys, 100_000L, 1_000_000L), 11)).digits();
        ForeignResidency residency = null;
        String fullName;
        if (person.nationality != null) {
            String cardNumber = null;
            if (!ForeignResidency.TRANSITIONAL_BY_BIRTH.equals(person.category)) {
                cardNumber = residenceCardNumber(random, foreignResidents);
            }
            foreignResidents++;
            residency = new ForeignResidency(person.nationality.name(), person.status, shared(person.periodEnd),
                    cardNumber, person.category);
            fullName = person.familyName.written() + " " + person.givenName.written();
        } else {
            fullName = person.familyName.written() + "\u3000" + person.givenName.written();
        }
        DemoCard card = DemoCards.card(random, person, fullName, address.text(), this::shared);
        return new Resident(residentId(index), residentCode, myNumber, householdId, person.relationship,
                person.familyName.written(), person.givenName.written(), person.familyName.kana(),
                person.givenName.kana(), shared(person.birth), person.sex, address.text(), address.postalCode(),
                shared(person.movedIn), residency, card);
    }

    private LocalDate shared(LocalDate day) {
        if (day == null) {
            return null;
        }
        long slot = day.toEpochDay() - SHARED_DAYS_START;
        if (slot < 0 || slot >= days.length) {
            return day;
        }
        LocalDate known = days[(int) slot];
        if (known == null) {
            days[(int) slot] = day;
            return day;
        }
        return known;
    }

    private static String residentId(int index) {
        return Digits.prefixed("R", index + 1L, 6);
    }

    private String residenceCardNumber(DemoRandom random, int foreignIndex) {
        return "" + letter(random) + letter(random) + Digits.pad(permute(foreignIndex, residenceCardKeys, 10_000L,
                10_000L), 8) + letter(random) + letter(random);
    }

    private static char letter(DemoRandom random) {
        return (char) ('A' + random.nextInt(26));
    }

    /**
     * A bijection of [0, high × low): a few Feistel-like rounds with modular addition, so that consecutive positions
     * give unrelated-looking but never repeated numbers.
     */
    static long permute(long value, long[] keys, long highSize, long lowSize) {
        long high = value / lowSize;
        long low = value % lowSize;
        for (long key : keys) {
            low = (low + Math.floorMod(DemoRandom.mix64(high ^ key), lowSize)) % lowSize;
            high = (high + Math.floorMod(DemoRandom.mix64(low ^ ~key), highSize)) % highSize;
        }
        return high * lowSize + low;
    }

    private static long[] keys(long seed, int stream) {
        DemoRandom random = DemoRandom.forItem(seed, stream, 0);
        long[] keys = new long[4];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong();
        }
        return keys;
    }

}
