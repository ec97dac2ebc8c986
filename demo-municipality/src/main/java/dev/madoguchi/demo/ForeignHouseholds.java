package dev.madoguchi.demo;

import static dev.madoguchi.demo.MunicipalityGenerator.CHILD;
import static dev.madoguchi.demo.MunicipalityGenerator.DEPENDENT;
import static dev.madoguchi.demo.MunicipalityGenerator.ENGINEER;
import static dev.madoguchi.demo.MunicipalityGenerator.HEAD;
import static dev.madoguchi.demo.MunicipalityGenerator.HUSBAND;
import static dev.madoguchi.demo.MunicipalityGenerator.LONG_TERM;
import static dev.madoguchi.demo.MunicipalityGenerator.PERMANENT;
import static dev.madoguchi.demo.MunicipalityGenerator.REFERENCE_DATE;
import static dev.madoguchi.demo.MunicipalityGenerator.SPECIAL_PERMANENT;
import static dev.madoguchi.demo.MunicipalityGenerator.SPECIFIED_SKILLED;
import static dev.madoguchi.demo.MunicipalityGenerator.SPOUSE_OF_JAPANESE;
import static dev.madoguchi.demo.MunicipalityGenerator.SPOUSE_OF_PERMANENT;
import static dev.madoguchi.demo.MunicipalityGenerator.STUDENT;
import static dev.madoguchi.demo.MunicipalityGenerator.TECHNICAL_INTERN;
import static dev.madoguchi.demo.MunicipalityGenerator.WIFE;

import dev.madoguchi.demo.NameCatalog.Name;
import dev.madoguchi.demo.NameCatalog.Nationality;
import dev.madoguchi.domain.Sex;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The members of the households of foreign residents the generator makes — a foreigner living alone, a foreign family,
 * a family of special permanent residents, a marriage of a Japanese and a foreign resident — with their nationality,
 * status of residence (在留資格), category and period of stay. Draws from the household's random stream in a fixed order.
 */
final class ForeignHouseholds {

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

    private ForeignHouseholds() {
    }

    static List<HouseholdMember> foreignSingle(DemoRandom random) {
        Nationality nationality = SINGLE_NATIONALITIES.pick(random);
        String status = singleStatus(random, nationality);
        if (status.equals(SPECIAL_PERMANENT) && random.chance(0.15)) {
            nationality = NameCatalog.NORTH_KOREA_REGISTERED;
        }
        LocalDate birth = switch (status) {
            case TECHNICAL_INTERN -> Births.birthAged(random, 19, 35);
            case SPECIFIED_SKILLED -> Births.birthAged(random, 20, 40);
            case STUDENT -> Births.birthAged(random, 18, 30);
            case ENGINEER -> Births.birthAged(random, 23, 50);
            case LONG_TERM -> Births.birthAged(random, 25, 60);
            case SPECIAL_PERMANENT -> Births.birthAged(random, 40, 95);
            default -> Births.birthAged(random, 30, 75);
        };
        double female = status.equals(TECHNICAL_INTERN) || status.equals(SPECIFIED_SKILLED) ? 0.4 : 0.5;
        Sex sex = random.chance(female) ? Sex.FEMALE : Sex.MALE;
        HouseholdMember person = HouseholdMember.foreigner(random, HEAD, sex, birth, nationality, random.pick(nationality.familyNames()));
        setStatus(random, person, status, null);
        return JapaneseHouseholds.list(person);
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

    static List<HouseholdMember> foreignFamily(DemoRandom random) {
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
        LocalDate husbandBirth = Births.birthAged(random, 26, 55);
        LocalDate wifeBirth = Births.spouseBirth(random, husbandBirth, true);
        Name familyName = random.pick(nationality.familyNames());
        HouseholdMember husband = HouseholdMember.foreigner(random, HEAD, Sex.MALE, husbandBirth, nationality, familyName);
        setStatus(random, husband, status, null);
        Name wifeFamily = nationality.spousesKeepFamilyName() ? random.pick(nationality.familyNames()) : familyName;
        HouseholdMember wife = HouseholdMember.foreigner(random, WIFE, Sex.FEMALE, wifeBirth, nationality, wifeFamily);
        String familyStatus = switch (status) {
            case LONG_TERM -> LONG_TERM;
            case PERMANENT -> SPOUSE_OF_PERMANENT;
            default -> DEPENDENT;
        };
        setStatus(random, wife, status.equals(PERMANENT) && random.chance(0.5) ? PERMANENT : familyStatus,
                husband.periodEnd);
        List<HouseholdMember> members = JapaneseHouseholds.list(husband, wife);
        int children = JapaneseHouseholds.pickCount(random, 25, 35, 30, 10) - 1;
        for (LocalDate birth : Births.childBirths(random, children, 20, husbandBirth, wifeBirth)) {
            Sex sex = random.chance(0.5) ? Sex.FEMALE : Sex.MALE;
            HouseholdMember child = HouseholdMember.foreigner(random, CHILD, sex, birth, nationality, familyName);
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

    static List<HouseholdMember> specialPermanentFamily(DemoRandom random) {
        Nationality nationality = random.chance(0.85) ? NameCatalog.KOREA : NameCatalog.NORTH_KOREA_REGISTERED;
        LocalDate husbandBirth = Births.birthAged(random, 55, 90);
        LocalDate wifeBirth = Births.spouseBirth(random, husbandBirth, true);
        Name familyName = random.pick(nationality.familyNames());
        HouseholdMember husband = HouseholdMember.foreigner(random, HEAD, Sex.MALE, husbandBirth, nationality, familyName);
        HouseholdMember wife = HouseholdMember.foreigner(random, WIFE, Sex.FEMALE, wifeBirth, nationality,
                random.pick(nationality.familyNames()));
        List<HouseholdMember> members = JapaneseHouseholds.list(husband, wife);
        for (LocalDate birth : Births.childBirths(random, random.nextInt(3), 60, husbandBirth, wifeBirth)) {
            if (ChronoUnit.YEARS.between(birth, REFERENCE_DATE) >= 20) {
                Sex sex = random.chance(0.5) ? Sex.FEMALE : Sex.MALE;
                members.add(HouseholdMember.foreigner(random, CHILD, sex, birth, nationality, familyName));
            }
        }
        for (HouseholdMember member : members) {
            setStatus(random, member, SPECIAL_PERMANENT, null);
        }
        return members;
    }

    static List<HouseholdMember> mixedMarriage(DemoRandom random, Name familyName) {
        String status = random.chance(0.55) ? SPOUSE_OF_JAPANESE : PERMANENT;
        List<HouseholdMember> members;
        LocalDate husbandBirth;
        LocalDate wifeBirth;
        if (random.chance(0.75)) {
            husbandBirth = Births.birthAged(random, 30, 65);
            wifeBirth = Births.spouseBirth(random, husbandBirth, true);
            Nationality nationality = FOREIGN_WIVES.pick(random);
            HouseholdMember wife = HouseholdMember.foreigner(random, WIFE, Sex.FEMALE, wifeBirth, nationality,
                    random.pick(nationality.familyNames()));
            setStatus(random, wife, status, null);
            members = JapaneseHouseholds.list(HouseholdMember.japanese(random, HEAD, Sex.MALE, husbandBirth, familyName), wife);
        } else {
            wifeBirth = Births.birthAged(random, 28, 60);
            husbandBirth = Births.spouseBirth(random, wifeBirth, false);
            Nationality nationality = FOREIGN_HUSBANDS.pick(random);
            HouseholdMember husband = HouseholdMember.foreigner(random, HUSBAND, Sex.MALE, husbandBirth, nationality,
                    random.pick(nationality.familyNames()));
            setStatus(random, husband, status, null);
            members = JapaneseHouseholds.list(HouseholdMember.japanese(random, HEAD, Sex.FEMALE, wifeBirth, familyName), husband);
        }
        JapaneseHouseholds.addChildren(random, members, random.nextInt(3), 25, familyName, husbandBirth, wifeBirth);
        return members;
    }

    private static void setStatus(DemoRandom random, HouseholdMember person, String status, LocalDate supporterPeriodEnd) {
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
}
