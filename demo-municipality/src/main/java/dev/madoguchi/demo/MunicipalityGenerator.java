package dev.madoguchi.demo;

import dev.madoguchi.demo.NameCatalog.Name;
import dev.madoguchi.demo.NameCatalog.Nationality;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.domain.Sex;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a {@link DemoMunicipality} household by household. Each household draws from its own random stream (seed and
 * household number), so a smaller municipality of a seed is a prefix of a larger one; ids and numbers come from
 * bijections of the resident's position, so they are unique without remembering the ones already used.
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

    private static final NameCatalog NAMES = new NameCatalog();
    private static final long SHARED_DAYS_START = EARLIEST_BIRTH.toEpochDay();
    private static final long SHARED_DAYS_END = LocalDate.of(2040, 1, 1).toEpochDay();
    private static final char[] SIGN_PASSWORD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

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

    private static final Weighted<Nationality> SINGLE_NATIONALITIES = new Weighted<Nationality>()
            .add(30, NameCatalog.VIETNAM)
            .add(20, NameCatalog.CHINA)
            .add(12, NameCatalog.NEPAL)
            .add(10, NameCatalog.INDONESIA)
            .add(10, NameCatalog.PHILIPPINES)
            .add(8, NameCatalog.KOREA)
            .add(5, NameCatalog.BRAZIL)
            .add(5, NameCatalog.USA);

    private static final Weighted<Nationality> FOREIGN_WIVES = new Weighted<Nationality>()
            .add(35, NameCatalog.PHILIPPINES)
            .add(30, NameCatalog.CHINA)
            .add(15, NameCatalog.KOREA)
            .add(10, NameCatalog.THAILAND)
            .add(10, NameCatalog.BRAZIL);

    private static final Weighted<Nationality> FOREIGN_HUSBANDS = new Weighted<Nationality>()
            .add(35, NameCatalog.USA)
            .add(20, NameCatalog.KOREA)
            .add(20, NameCatalog.CHINA)
            .add(15, NameCatalog.BRAZIL)
            .add(10, NameCatalog.NEPAL);

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
        List<Person> members = switch (kind) {
            case SINGLE -> single(random, familyName);
            case COUPLE -> couple(random, familyName);
            case COUPLE_WITH_CHILDREN -> coupleWithChildren(random, familyName);
            case SINGLE_PARENT -> singleParent(random, familyName);
            case THREE_GENERATIONS -> threeGenerations(random, familyName);
            case GRANDPARENTS_WITH_GRANDCHILDREN -> grandparentsWithGrandchildren(random, familyName);
            case SIBLINGS -> siblings(random, familyName);
            case WITH_LODGER -> withLodger(random, familyName);
            case CHILD_WITH_ELDERLY_PARENT -> childWithElderlyParent(random, familyName);
            case FOREIGN_SINGLE -> foreignSingle(random);
            case FOREIGN_FAMILY -> foreignFamily(random);
            case SPECIAL_PERMANENT_FAMILY -> specialPermanentFamily(random);
            case MIXED_MARRIAGE -> mixedMarriage(random, familyName);
        };
        giveDistinctGivenNames(random, members);
        Person head = members.get(0);
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
        for (Person person : members) {
            residents.add(resident(random, person, householdId, address));
        }
    }

    /** Parents do not give a child the given name of someone else in the household. */
    private static void giveDistinctGivenNames(DemoRandom random, List<Person> members) {
        for (int i = 1; i < members.size(); i++) {
            Person person = members.get(i);
            List<Name> choices = person.nationality != null ? person.nationality.givenNames(person.sex)
                    : NAMES.givenNames(person.sex, person.birth.getYear());
            for (int attempt = 0; attempt < choices.size() && sharesGivenName(members, i); attempt++) {
                person.givenName = choices.get((choices.indexOf(person.givenName) + 1 + random.nextInt(3))
                        % choices.size());
            }
        }
    }

    private static boolean sharesGivenName(List<Person> members, int index) {
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

    private List<Person> single(DemoRandom random, Name familyName) {
        int band = random.nextInt(100);
        LocalDate birth = band < 35 ? birthAged(random, 18, 34)
                : band < 55 ? birthAged(random, 35, 64) : birthAged(random, 65, 100);
        Sex sex = random.chance(band < 55 ? 0.45 : 0.62) ? Sex.FEMALE : Sex.MALE;
        return list(japanese(random, HEAD, sex, birth, familyName));
    }

    private List<Person> couple(DemoRandom random, Name familyName) {
        LocalDate husbandBirth = random.chance(0.35) ? birthAged(random, 23, 50) : birthAged(random, 55, 95);
        LocalDate wifeBirth = spouseBirth(random, husbandBirth, true);
        return marriedCouple(random, familyName, husbandBirth, wifeBirth, random.chance(0.9));
    }

    private List<Person> coupleWithChildren(DemoRandom random, Name familyName) {
        LocalDate wifeBirth = birthAged(random, 24, 56);
        LocalDate husbandBirth = spouseBirth(random, wifeBirth, false);
        List<Person> members = marriedCouple(random, familyName, husbandBirth, wifeBirth, random.chance(0.92));
        int children = pickCount(random, 40, 42, 18);
        addChildren(random, members, children, 30, familyName, husbandBirth, wifeBirth);
        return members;
    }

    private List<Person> singleParent(DemoRandom random, Name familyName) {
        Sex sex = random.chance(0.85) ? Sex.FEMALE : Sex.MALE;
        LocalDate birth = birthAged(random, 25, 58);
        List<Person> members = list(japanese(random, HEAD, sex, birth, familyName));
        addChildren(random, members, random.chance(0.6) ? 1 : 2, 25, familyName, birth);
        return members;
    }

    private List<Person> threeGenerations(DemoRandom random, Name familyName) {
        boolean husbandIsHead = random.chance(0.8);
        LocalDate husbandBirth = birthAged(random, 35, 58);
        LocalDate wifeBirth = spouseBirth(random, husbandBirth, true);
        List<Person> members = marriedCouple(random, familyName, husbandBirth, wifeBirth, husbandIsHead);
        Person head = members.get(0);
        Person spouse = members.get(1);
        addChildren(random, members, pickCount(random, 20, 40, 30, 10) - 1, 30, familyName, husbandBirth,
                wifeBirth);
        int elders = random.nextInt(100);
        LocalDate elderBirth = parentBirth(random, elders < 80 ? head.birth : spouse.birth, 0);
        if (elderBirth == null) {
            return members;
        }
        if (elders < 25) {
            members.add(japanese(random, FATHER, Sex.MALE, spouseBirth(random, elderBirth, false, head.birth),
                    familyName));
            members.add(japanese(random, MOTHER, Sex.FEMALE, elderBirth, familyName));
        } else if (elders < 65) {
            members.add(japanese(random, MOTHER, Sex.FEMALE, elderBirth, familyName));
        } else if (elders < 80) {
            members.add(japanese(random, FATHER, Sex.MALE, elderBirth, familyName));
        } else {
            String relationship = husbandIsHead ? WIFES_MOTHER : HUSBANDS_MOTHER;
            members.add(japanese(random, relationship, Sex.FEMALE, elderBirth, NAMES.familyName(random)));
        }
        for (int i = 2; i < members.size(); i++) {
            if (!members.get(i).relationship.equals(CHILD)) {
                members.get(i).joinsLater = random.chance(0.5);
            }
        }
        return members;
    }

    private List<Person> grandparentsWithGrandchildren(DemoRandom random, Name familyName) {
        LocalDate husbandBirth = birthAged(random, 62, 85);
        LocalDate wifeBirth = spouseBirth(random, husbandBirth, true);
        List<Person> members = marriedCouple(random, familyName, husbandBirth, wifeBirth, true);
        LocalDate sonBirth = childBirth(random, REFERENCE_DATE.minusYears(27), 55, husbandBirth, wifeBirth);
        if (sonBirth == null) {
            return members;
        }
        members.add(japanese(random, CHILD, Sex.MALE, sonBirth, familyName));
        LocalDate daughterInLawBirth = spouseBirth(random, sonBirth, true);
        members.add(japanese(random, CHILDS_WIFE, Sex.FEMALE, daughterInLawBirth, familyName));
        addChildren(random, members, random.chance(0.5) ? 1 : 2, 25, GRANDCHILD, familyName, sonBirth,
                daughterInLawBirth);
        return members;
    }

    private List<Person> siblings(DemoRandom random, Name familyName) {
        LocalDate headBirth = birthAged(random, 25, 75);
        Sex headSex = random.chance(0.5) ? Sex.FEMALE : Sex.MALE;
        List<Person> members = list(japanese(random, HEAD, headSex, headBirth, familyName));
        LocalDate siblingBirth = headBirth.plusDays(random.between(-12 * 365, 12 * 365));
        siblingBirth = clampBirth(random, siblingBirth, 18);
        if (Math.abs(siblingBirth.toEpochDay() - headBirth.toEpochDay()) < 300) {
            siblingBirth = siblingBirth.minusYears(2);
        }
        Sex siblingSex = random.chance(0.5) ? Sex.FEMALE : Sex.MALE;
        boolean older = siblingBirth.isBefore(headBirth);
        String relationship = siblingSex == Sex.MALE ? (older ? ELDER_BROTHER : YOUNGER_BROTHER)
                : (older ? ELDER_SISTER : YOUNGER_SISTER);
        members.add(japanese(random, relationship, siblingSex, siblingBirth, familyName));
        return members;
    }

    private List<Person> withLodger(DemoRandom random, Name familyName) {
        LocalDate headBirth = birthAged(random, 25, 75);
        Sex headSex = random.chance(0.6) ? Sex.MALE : Sex.FEMALE;
        List<Person> members = list(japanese(random, HEAD, headSex, headBirth, familyName));
        Name lodgerName = NAMES.familyName(random);
        while (lodgerName.written().equals(familyName.written())) {
            lodgerName = NAMES.familyName(random);
        }
        Sex lodgerSex = random.chance(0.5) ? Sex.FEMALE : Sex.MALE;
        Person lodger = japanese(random, LODGER, lodgerSex, birthAged(random, 20, 80), lodgerName);
        lodger.joinsLater = true;
        members.add(lodger);
        return members;
    }

    private List<Person> childWithElderlyParent(DemoRandom random, Name familyName) {
        LocalDate headBirth = birthAged(random, 40, 66);
        Sex headSex = random.chance(0.55) ? Sex.MALE : Sex.FEMALE;
        List<Person> members = list(japanese(random, HEAD, headSex, headBirth, familyName));
        boolean mother = random.chance(0.75);
        LocalDate parentBirth = parentBirth(random, headBirth, 65);
        if (parentBirth != null) {
            Person parent = japanese(random, mother ? MOTHER : FATHER, mother ? Sex.FEMALE : Sex.MALE, parentBirth,
                    familyName);
            parent.joinsLater = random.chance(0.5);
            members.add(parent);
        }
        return members;
    }

    private List<Person> marriedCouple(DemoRandom random, Name familyName, LocalDate husbandBirth,
            LocalDate wifeBirth, boolean husbandIsHead) {
        Person husband = japanese(random, husbandIsHead ? HEAD : HUSBAND, Sex.MALE, husbandBirth, familyName);
        Person wife = japanese(random, husbandIsHead ? WIFE : HEAD, Sex.FEMALE, wifeBirth, familyName);
        return husbandIsHead ? list(husband, wife) : list(wife, husband);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // foreign households

    private List<Person> foreignSingle(DemoRandom random) {
        Nationality nationality = SINGLE_NATIONALITIES.pick(random);
        String status = singleStatus(random, nationality);
        if (status.equals(SPECIAL_PERMANENT) && random.chance(0.15)) {
            nationality = NameCatalog.NORTH_KOREA_REGISTERED;
        }
        LocalDate birth = switch (status) {
            case TECHNICAL_INTERN -> birthAged(random, 19, 35);
            case SPECIFIED_SKILLED -> birthAged(random, 20, 40);
            case STUDENT -> birthAged(random, 18, 30);
            case ENGINEER -> birthAged(random, 23, 50);
            case LONG_TERM -> birthAged(random, 25, 60);
            case SPECIAL_PERMANENT -> birthAged(random, 40, 95);
            default -> birthAged(random, 30, 75);
        };
        double female = status.equals(TECHNICAL_INTERN) || status.equals(SPECIFIED_SKILLED) ? 0.4 : 0.5;
        Sex sex = random.chance(female) ? Sex.FEMALE : Sex.MALE;
        Person person = foreigner(random, HEAD, sex, birth, nationality, random.pick(nationality.familyNames()));
        setStatus(random, person, status, null);
        return list(person);
    }

    private static String singleStatus(DemoRandom random, Nationality nationality) {
        int roll = random.nextInt(100);
        return switch (nationality.name()) {
            case "ベトナム" -> roll < 40 ? TECHNICAL_INTERN : roll < 65 ? SPECIFIED_SKILLED
                    : roll < 85 ? STUDENT : ENGINEER;
            case "インドネシア" -> roll < 50 ? TECHNICAL_INTERN : roll < 90 ? SPECIFIED_SKILLED : ENGINEER;
            case "中国" -> roll < 40 ? ENGINEER : roll < 65 ? STUDENT : roll < 85 ? PERMANENT : TECHNICAL_INTERN;
            case "ネパール" -> roll < 50 ? STUDENT : roll < 80 ? ENGINEER : SPECIFIED_SKILLED;
            case "フィリピン" -> roll < 40 ? PERMANENT : roll < 70 ? SPECIFIED_SKILLED : TECHNICAL_INTERN;
            case "韓国" -> roll < 40 ? SPECIAL_PERMANENT : roll < 70 ? PERMANENT : ENGINEER;
            case "ブラジル" -> roll < 50 ? LONG_TERM : PERMANENT;
            default -> roll < 70 ? ENGINEER : PERMANENT;
        };
    }

    private List<Person> foreignFamily(DemoRandom random) {
        int roll = random.nextInt(100);
        Nationality nationality;
        String status;
        if (roll < 30) {
            nationality = NameCatalog.BRAZIL;
            status = LONG_TERM;
        } else if (roll < 50) {
            nationality = NameCatalog.PHILIPPINES;
            status = PERMANENT;
        } else if (roll < 70) {
            nationality = NameCatalog.CHINA;
            status = ENGINEER;
        } else if (roll < 85) {
            nationality = NameCatalog.NEPAL;
            status = ENGINEER;
        } else {
            nationality = NameCatalog.VIETNAM;
            status = ENGINEER;
        }
        LocalDate husbandBirth = birthAged(random, 26, 55);
        LocalDate wifeBirth = spouseBirth(random, husbandBirth, true);
        Name familyName = random.pick(nationality.familyNames());
        Person husband = foreigner(random, HEAD, Sex.MALE, husbandBirth, nationality, familyName);
        setStatus(random, husband, status, null);
        Name wifeFamily = nationality.spousesKeepFamilyName() ? random.pick(nationality.familyNames()) : familyName;
        Person wife = foreigner(random, WIFE, Sex.FEMALE, wifeBirth, nationality, wifeFamily);
        String familyStatus = switch (status) {
            case LONG_TERM -> LONG_TERM;
            case PERMANENT -> SPOUSE_OF_PERMANENT;
            default -> DEPENDENT;
        };
        setStatus(random, wife, status.equals(PERMANENT) && random.chance(0.5) ? PERMANENT : familyStatus,
                husband.periodEnd);
        List<Person> members = list(husband, wife);
        int children = pickCount(random, 25, 35, 30, 10) - 1;
        for (LocalDate birth : childBirths(random, children, 20, husbandBirth, wifeBirth)) {
            Sex sex = random.chance(0.5) ? Sex.FEMALE : Sex.MALE;
            Person child = foreigner(random, CHILD, sex, birth, nationality, familyName);
            if (ChronoUnit.DAYS.between(birth, REFERENCE_DATE) < 60) {
                child.category = ForeignResidency.TRANSITIONAL_BY_BIRTH;
                child.periodEnd = birth.plusDays(60);
            } else {
                setStatus(random, child, familyStatus, husband.periodEnd);
            }
            members.add(child);
        }
        return members;
    }

    private List<Person> specialPermanentFamily(DemoRandom random) {
        Nationality nationality = random.chance(0.85) ? NameCatalog.KOREA : NameCatalog.NORTH_KOREA_REGISTERED;
        LocalDate husbandBirth = birthAged(random, 55, 90);
        LocalDate wifeBirth = spouseBirth(random, husbandBirth, true);
        Name familyName = random.pick(nationality.familyNames());
        Person husband = foreigner(random, HEAD, Sex.MALE, husbandBirth, nationality, familyName);
        Person wife = foreigner(random, WIFE, Sex.FEMALE, wifeBirth, nationality,
                random.pick(nationality.familyNames()));
        List<Person> members = list(husband, wife);
        for (LocalDate birth : childBirths(random, random.nextInt(3), 60, husbandBirth, wifeBirth)) {
            if (ChronoUnit.YEARS.between(birth, REFERENCE_DATE) >= 20) {
                Sex sex = random.chance(0.5) ? Sex.FEMALE : Sex.MALE;
                members.add(foreigner(random, CHILD, sex, birth, nationality, familyName));
            }
        }
        for (Person member : members) {
            setStatus(random, member, SPECIAL_PERMANENT, null);
        }
        return members;
    }

    private List<Person> mixedMarriage(DemoRandom random, Name familyName) {
        String status = random.chance(0.55) ? SPOUSE_OF_JAPANESE : PERMANENT;
        List<Person> members;
        LocalDate husbandBirth;
        LocalDate wifeBirth;
        if (random.chance(0.75)) {
            husbandBirth = birthAged(random, 30, 65);
            wifeBirth = spouseBirth(random, husbandBirth, true);
            Nationality nationality = FOREIGN_WIVES.pick(random);
            Person wife = foreigner(random, WIFE, Sex.FEMALE, wifeBirth, nationality,
                    random.pick(nationality.familyNames()));
            setStatus(random, wife, status, null);
            members = list(japanese(random, HEAD, Sex.MALE, husbandBirth, familyName), wife);
        } else {
            wifeBirth = birthAged(random, 28, 60);
            husbandBirth = spouseBirth(random, wifeBirth, false);
            Nationality nationality = FOREIGN_HUSBANDS.pick(random);
            Person husband = foreigner(random, HUSBAND, Sex.MALE, husbandBirth, nationality,
                    random.pick(nationality.familyNames()));
            setStatus(random, husband, status, null);
            members = list(japanese(random, HEAD, Sex.FEMALE, wifeBirth, familyName), husband);
        }
        addChildren(random, members, random.nextInt(3), 25, familyName, husbandBirth, wifeBirth);
        return members;
    }

    private static void setStatus(DemoRandom random, Person person, String status, LocalDate supporterPeriodEnd) {
        person.status = status;
        person.category = status.equals(SPECIAL_PERMANENT) ? ForeignResidency.SPECIAL_PERMANENT
                : ForeignResidency.MID_TO_LONG_TERM;
        person.periodEnd = switch (status) {
            case PERMANENT, SPECIAL_PERMANENT -> null;
            case TECHNICAL_INTERN -> REFERENCE_DATE.plusDays(random.between(20, 730));
            case STUDENT -> REFERENCE_DATE.plusDays(random.between(20, 820));
            case SPECIFIED_SKILLED -> REFERENCE_DATE.plusDays(random.between(20, 1_095));
            case DEPENDENT -> supporterPeriodEnd != null ? supporterPeriodEnd
                    : REFERENCE_DATE.plusDays(random.between(20, 1_826));
            default -> REFERENCE_DATE.plusDays(random.between(20, 1_826));
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // people and dates

    private static Person japanese(DemoRandom random, String relationship, Sex sex, LocalDate birth,
            Name familyName) {
        Person person = new Person(relationship, sex, birth);
        person.familyName = familyName;
        person.givenName = NAMES.givenName(random, sex, birth.getYear());
        return person;
    }

    private static Person foreigner(DemoRandom random, String relationship, Sex sex, LocalDate birth,
            Nationality nationality, Name familyName) {
        Person person = new Person(relationship, sex, birth);
        person.nationality = nationality;
        person.familyName = familyName;
        person.givenName = nationality.givenName(random, sex);
        return person;
    }

    private static void addChildren(DemoRandom random, List<Person> members, int count, int maxAge, Name familyName,
            LocalDate... parents) {
        addChildren(random, members, count, maxAge, CHILD, familyName, parents);
    }

    private static void addChildren(DemoRandom random, List<Person> members, int count, int maxAge,
            String relationship, Name familyName, LocalDate... parents) {
        for (LocalDate birth : childBirths(random, count, maxAge, parents)) {
            Sex sex = random.chance(0.5) ? Sex.FEMALE : Sex.MALE;
            members.add(japanese(random, relationship, sex, birth, familyName));
        }
    }

    /** Up to {@code count} birth dates, oldest first, each 18–44 years after every parent and a year apart. */
    private static List<LocalDate> childBirths(DemoRandom random, int count, int maxAge, LocalDate... parents) {
        List<LocalDate> births = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            for (int attempt = 0; attempt < 6; attempt++) {
                LocalDate birth = childBirth(random, REFERENCE_DATE, maxAge, parents);
                if (birth != null && births.stream()
                        .allMatch(other -> Math.abs(other.toEpochDay() - birth.toEpochDay()) >= 365)) {
                    births.add(birth);
                    break;
                }
            }
        }
        births.sort(Comparator.naturalOrder());
        return births;
    }

    /** A birth 18–44 whole years after each parent's, not after {@code latest}, at most {@code maxAge} old. */
    private static LocalDate childBirth(DemoRandom random, LocalDate latest, int maxAge, LocalDate... parents) {
        LocalDate first = REFERENCE_DATE.minusYears(maxAge + 1L).plusDays(1);
        LocalDate last = latest;
        for (LocalDate parent : parents) {
            LocalDate earliest = parent.plusYears(18);
            if (ChronoUnit.YEARS.between(parent, earliest) < 18) {
                earliest = earliest.plusDays(1);
            }
            first = max(first, earliest);
            last = min(last, parent.plusYears(45).minusDays(1));
        }
        return first.isAfter(last) ? null : random.dayBetween(first, last);
    }

    /** A birth 18–44 whole years before {@code child}'s, not before 1925, at least {@code minAge} old; or null. */
    private static LocalDate parentBirth(DemoRandom random, LocalDate child, int minAge) {
        LocalDate first = max(EARLIEST_BIRTH, child.minusYears(45).plusDays(1));
        LocalDate last = min(child.minusYears(18), REFERENCE_DATE.minusYears(minAge));
        if (ChronoUnit.YEARS.between(last, child) < 18) {
            last = last.minusDays(1);
        }
        return first.isAfter(last) ? null : random.dayBetween(first, last);
    }

    /** A husband's birth for a wife's ({@code ofHusband} false) or a wife's for a husband's: mostly 0–8 years apart. */
    private static LocalDate spouseBirth(DemoRandom random, LocalDate partner, boolean ofHusband) {
        int daysYounger = random.between(-3 * 365, 8 * 365);
        LocalDate birth = partner.plusDays(ofHusband ? daysYounger : -daysYounger);
        return clampBirth(random, birth, 18);
    }

    /** A spouse's birth that also keeps 18–44 years before {@code child} (the father of a head, for example). */
    private static LocalDate spouseBirth(DemoRandom random, LocalDate partner, boolean ofHusband, LocalDate child) {
        for (int attempt = 0; attempt < 8; attempt++) {
            LocalDate birth = spouseBirth(random, partner, ofHusband);
            long gap = ChronoUnit.YEARS.between(birth, child);
            if (gap >= 18 && gap <= 44) {
                return birth;
            }
        }
        return partner;
    }

    private static LocalDate clampBirth(DemoRandom random, LocalDate birth, int minAge) {
        LocalDate latest = REFERENCE_DATE.minusYears(minAge);
        if (birth.isAfter(latest)) {
            return latest.minusDays(random.nextInt(365));
        }
        if (birth.isBefore(EARLIEST_BIRTH)) {
            return EARLIEST_BIRTH.plusDays(random.nextInt(365));
        }
        return birth;
    }

    /** A birth date whose age on the reference date is between the bounds (never before 1925). */
    private static LocalDate birthAged(DemoRandom random, int minAge, int maxAge) {
        LocalDate first = max(EARLIEST_BIRTH, REFERENCE_DATE.minusYears(maxAge + 1L).plusDays(1));
        return random.dayBetween(first, REFERENCE_DATE.minusYears(minAge));
    }

    private static int pickCount(DemoRandom random, int... weightsFromOne) {
        Weighted<Integer> counts = new Weighted<>();
        for (int i = 0; i < weightsFromOne.length; i++) {
            counts.add(weightsFromOne[i], i + 1);
        }
        return counts.pick(random);
    }

    private static void assignMovedIn(DemoRandom random, List<Person> members) {
        Person head = members.get(0);
        LocalDate first = max(head.birth.plusYears(18), LocalDate.of(1965, 4, 1));
        boolean foreignHead = head.nationality != null;
        if (foreignHead) {
            first = max(first, FOREIGN_REGISTER_START);
            if (TECHNICAL_INTERN.equals(head.status)) {
                first = max(first, REFERENCE_DATE.minusYears(3));
            } else if (STUDENT.equals(head.status)) {
                first = max(first, REFERENCE_DATE.minusYears(4));
            } else if (SPECIFIED_SKILLED.equals(head.status)) {
                first = max(first, SPECIFIED_SKILLED_START);
            }
        }
        LocalDate household = first.isAfter(REFERENCE_DATE) ? REFERENCE_DATE : random.dayBetween(first, REFERENCE_DATE);
        if (foreignHead && head.periodEnd == null && random.chance(0.3)) {
            household = FOREIGN_REGISTER_START;
        }
        for (Person person : members) {
            LocalDate movedIn = max(household, person.birth);
            if (person.joinsLater) {
                movedIn = random.dayBetween(movedIn, REFERENCE_DATE);
            }
            if (person.nationality != null) {
                movedIn = max(movedIn, FOREIGN_REGISTER_START);
            }
            person.movedIn = movedIn;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // residents and cards

    private Resident resident(DemoRandom random, Person person, String householdId, AddressBook.Address address) {
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
        DemoCard card = card(random, person, fullName, address.text());
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

    private DemoCard card(DemoRandom random, Person person, String fullName, String address) {
        int age = age(person.birth);
        double share = age == 0 ? 0.12 : age < 5 ? 0.6 : age < 15 ? 0.76 : age < 20 ? 0.78 : age < 70 ? 0.81
                : age < 85 ? 0.85 : 0.74;
        if (person.nationality != null) {
            share *= 0.7;
        }
        if (ForeignResidency.TRANSITIONAL_BY_BIRTH.equals(person.category)) {
            share = 0;
        }
        if (!person.forceCard && !random.chance(share)) {
            return null;
        }
        LocalDate earliest = max(FIRST_CARD_ISSUE, person.birth.plusDays(14));
        if (person.nationality != null) {
            earliest = max(earliest, person.movedIn);
        }
        LocalDate issued = issueDate(random, earliest);
        LocalDate expiry = expiry(person.birth, issued, person.periodEnd);
        while (expiry.isBefore(REFERENCE_DATE) && random.chance(0.55)) {
            issued = max(issued.plusDays(1), expiry.minusDays(random.nextInt(90)));
            expiry = expiry(person.birth, issued, person.periodEnd);
        }
        String signPassword = ChronoUnit.YEARS.between(person.birth, issued) < 15 ? null : signPassword(random);
        int textTries = person.forcedTextTries >= 0 ? person.forcedTextTries : tries(random, 5, 15, 35);
        int authTries = person.forcedAuthTries >= 0 ? person.forcedAuthTries : tries(random, 3, 13, 30);
        int signTries = signPassword == null ? 5 : signTries(random);
        String nameOnCard = person.nationality == null ? NameCatalog.cardText(fullName) : fullName;
        return new DemoCard(nameOnCard, address, shared(expiry), Digits.fourDigits(random.nextInt(10_000)),
                Digits.fourDigits(random.nextInt(10_000)), Digits.fourDigits(random.nextInt(10_000)), signPassword,
                textTries, authTries, signTries);
    }

    /** Issue dates cluster in 2021–2023, when most cards were made. */
    private static LocalDate issueDate(DemoRandom random, LocalDate earliest) {
        int band = random.nextInt(100);
        LocalDate first;
        LocalDate last;
        if (band < 25) {
            first = FIRST_CARD_ISSUE;
            last = LocalDate.of(2020, 12, 31);
        } else if (band < 80) {
            first = LocalDate.of(2021, 1, 1);
            last = LocalDate.of(2023, 9, 30);
        } else {
            first = LocalDate.of(2023, 10, 1);
            last = REFERENCE_DATE;
        }
        if (last.isBefore(earliest)) {
            return random.dayBetween(min(earliest, REFERENCE_DATE), REFERENCE_DATE);
        }
        return random.dayBetween(max(first, earliest), last);
    }

    /**
     * The 10th birthday after issue (the 5th when the holder was under 18 at issue), or the end of the period of stay
     * when that comes first.
     */
    static LocalDate expiry(LocalDate birth, LocalDate issued, LocalDate periodOfStayEnd) {
        int birthdays = ChronoUnit.YEARS.between(birth, issued) < 18 ? 5 : 10;
        int firstYear = birth.withYear(issued.getYear()).isAfter(issued) ? issued.getYear() : issued.getYear() + 1;
        LocalDate expiry = birth.withYear(firstYear + birthdays - 1);
        return periodOfStayEnd != null && periodOfStayEnd.isBefore(expiry) ? periodOfStayEnd : expiry;
    }

    private static int tries(DemoRandom random, int blockedPerMille, int oneLeftPerMille, int twoLeftPerMille) {
        int roll = random.nextInt(1000);
        return roll < blockedPerMille ? 0 : roll < oneLeftPerMille ? 1 : roll < twoLeftPerMille ? 2 : 3;
    }

    private static int signTries(DemoRandom random) {
        int roll = random.nextInt(1000);
        return roll < 3 ? 0 : roll < 10 ? 1 : roll < 30 ? random.between(2, 4) : 5;
    }

    /** 6–16 characters of A–Z and 0–9 with at least one letter and one digit. */
    private static String signPassword(DemoRandom random) {
        char[] password = new char[random.chance(0.7) ? random.between(8, 10) : random.between(6, 16)];
        for (int i = 0; i < password.length; i++) {
            password[i] = SIGN_PASSWORD_ALPHABET[random.nextInt(SIGN_PASSWORD_ALPHABET.length)];
        }
        int letterAt = random.nextInt(password.length);
        int digitAt = (letterAt + 1 + random.nextInt(password.length - 1)) % password.length;
        password[letterAt] = (char) ('A' + random.nextInt(26));
        password[digitAt] = (char) ('0' + random.nextInt(10));
        return new String(password);
    }

    static int age(LocalDate birth) {
        return (int) ChronoUnit.YEARS.between(birth, REFERENCE_DATE);
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

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    @SafeVarargs
    private static <T> List<T> list(T... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    /** A household member before ids, numbers and the card are assigned. */
    private static final class Person {
        final String relationship;
        final Sex sex;
        final LocalDate birth;
        Name familyName;
        Name givenName;
        Nationality nationality;
        String status;
        String category;
        LocalDate periodEnd;
        LocalDate movedIn;
        boolean joinsLater;
        boolean forceCard;
        int forcedTextTries = -1;
        int forcedAuthTries = -1;

        Person(String relationship, Sex sex, LocalDate birth) {
            this.relationship = relationship;
            this.sex = sex;
            this.birth = birth;
        }
    }
}
