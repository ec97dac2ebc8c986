package dev.madoguchi.demo;

import static dev.madoguchi.demo.MunicipalityGenerator.CHILD;
import static dev.madoguchi.demo.MunicipalityGenerator.CHILDS_WIFE;
import static dev.madoguchi.demo.MunicipalityGenerator.ELDER_BROTHER;
import static dev.madoguchi.demo.MunicipalityGenerator.ELDER_SISTER;
import static dev.madoguchi.demo.MunicipalityGenerator.FATHER;
import static dev.madoguchi.demo.MunicipalityGenerator.GRANDCHILD;
import static dev.madoguchi.demo.MunicipalityGenerator.HEAD;
import static dev.madoguchi.demo.MunicipalityGenerator.HUSBAND;
import static dev.madoguchi.demo.MunicipalityGenerator.HUSBANDS_MOTHER;
import static dev.madoguchi.demo.MunicipalityGenerator.LODGER;
import static dev.madoguchi.demo.MunicipalityGenerator.MOTHER;
import static dev.madoguchi.demo.MunicipalityGenerator.REFERENCE_DATE;
import static dev.madoguchi.demo.MunicipalityGenerator.WIFE;
import static dev.madoguchi.demo.MunicipalityGenerator.WIFES_MOTHER;
import static dev.madoguchi.demo.MunicipalityGenerator.YOUNGER_BROTHER;
import static dev.madoguchi.demo.MunicipalityGenerator.YOUNGER_SISTER;

import dev.madoguchi.demo.NameCatalog.Name;
import dev.madoguchi.domain.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The members of each kind of Japanese household the generator makes (single, couple, with children, three
 * generations, siblings, with a lodger, …), head first, with their relationships (続柄) and births. Every call draws from
 * the household's own random stream in a fixed order, so a seed always gives the same municipality.
 */
final class JapaneseHouseholds {

    private JapaneseHouseholds() {
    }

    static List<HouseholdMember> single(DemoRandom random, Name familyName) {
        int band = random.nextInt(100);
        LocalDate birth = band < 35 ? Births.birthAged(random, 18, 34)
                : band < 55 ? Births.birthAged(random, 35, 64) : Births.birthAged(random, 65, 100);
        Sex sex = random.chance(band < 55 ? 0.45 : 0.62) ? Sex.FEMALE : Sex.MALE;
        return list(HouseholdMember.japanese(random, HEAD, sex, birth, familyName));
    }

    static List<HouseholdMember> couple(DemoRandom random, Name familyName) {
        LocalDate husbandBirth = random.chance(0.35) ? Births.birthAged(random, 23, 50) : Births.birthAged(random, 55, 95);
        LocalDate wifeBirth = Births.spouseBirth(random, husbandBirth, true);
        return marriedCouple(random, familyName, husbandBirth, wifeBirth, random.chance(0.9));
    }

    static List<HouseholdMember> coupleWithChildren(DemoRandom random, Name familyName) {
        LocalDate wifeBirth = Births.birthAged(random, 24, 56);
        LocalDate husbandBirth = Births.spouseBirth(random, wifeBirth, false);
        List<HouseholdMember> members = marriedCouple(random, familyName, husbandBirth, wifeBirth, random.chance(0.92));
        int children = pickCount(random, 40, 42, 18);
        addChildren(random, members, children, 30, familyName, husbandBirth, wifeBirth);
        return members;
    }

    static List<HouseholdMember> singleParent(DemoRandom random, Name familyName) {
        Sex sex = random.chance(0.85) ? Sex.FEMALE : Sex.MALE;
        LocalDate birth = Births.birthAged(random, 25, 58);
        List<HouseholdMember> members = list(HouseholdMember.japanese(random, HEAD, sex, birth, familyName));
        addChildren(random, members, random.chance(0.6) ? 1 : 2, 25, familyName, birth);
        return members;
    }

    static List<HouseholdMember> threeGenerations(DemoRandom random, Name familyName) {
        boolean husbandIsHead = random.chance(0.8);
        LocalDate husbandBirth = Births.birthAged(random, 35, 58);
        LocalDate wifeBirth = Births.spouseBirth(random, husbandBirth, true);
        List<HouseholdMember> members = marriedCouple(random, familyName, husbandBirth, wifeBirth, husbandIsHead);
        HouseholdMember head = members.get(0);
        HouseholdMember spouse = members.get(1);
        addChildren(random, members, pickCount(random, 20, 40, 30, 10) - 1, 30, familyName, husbandBirth,
                wifeBirth);
        int elders = random.nextInt(100);
        LocalDate elderBirth = Births.parentBirth(random, elders < 80 ? head.birth : spouse.birth, 0);
        if (elderBirth == null) {
            return members;
        }
        if (elders < 25) {
            members.add(HouseholdMember.japanese(random, FATHER, Sex.MALE, Births.spouseBirth(random, elderBirth, false, head.birth),
                    familyName));
            members.add(HouseholdMember.japanese(random, MOTHER, Sex.FEMALE, elderBirth, familyName));
        } else if (elders < 65) {
            members.add(HouseholdMember.japanese(random, MOTHER, Sex.FEMALE, elderBirth, familyName));
        } else if (elders < 80) {
            members.add(HouseholdMember.japanese(random, FATHER, Sex.MALE, elderBirth, familyName));
        } else {
            String relationship = husbandIsHead ? WIFES_MOTHER : HUSBANDS_MOTHER;
            members.add(HouseholdMember.japanese(random, relationship, Sex.FEMALE, elderBirth, MunicipalityGenerator.NAMES.familyName(random)));
        }
        for (int i = 2; i < members.size(); i++) {
            if (!members.get(i).relationship.equals(CHILD)) {
                members.get(i).joinsLater = random.chance(0.5);
            }
        }
        return members;
    }

    static List<HouseholdMember> grandparentsWithGrandchildren(DemoRandom random, Name familyName) {
        LocalDate husbandBirth = Births.birthAged(random, 62, 85);
        LocalDate wifeBirth = Births.spouseBirth(random, husbandBirth, true);
        List<HouseholdMember> members = marriedCouple(random, familyName, husbandBirth, wifeBirth, true);
        LocalDate sonBirth = Births.childBirth(random, REFERENCE_DATE.minusYears(27), 55, husbandBirth, wifeBirth);
        if (sonBirth == null) {
            return members;
        }
        members.add(HouseholdMember.japanese(random, CHILD, Sex.MALE, sonBirth, familyName));
        LocalDate daughterInLawBirth = Births.spouseBirth(random, sonBirth, true);
        members.add(HouseholdMember.japanese(random, CHILDS_WIFE, Sex.FEMALE, daughterInLawBirth, familyName));
        addChildren(random, members, random.chance(0.5) ? 1 : 2, 25, GRANDCHILD, familyName, sonBirth,
                daughterInLawBirth);
        return members;
    }

    static List<HouseholdMember> siblings(DemoRandom random, Name familyName) {
        LocalDate headBirth = Births.birthAged(random, 25, 75);
        Sex headSex = random.chance(0.5) ? Sex.FEMALE : Sex.MALE;
        List<HouseholdMember> members = list(HouseholdMember.japanese(random, HEAD, headSex, headBirth, familyName));
        LocalDate siblingBirth = headBirth.plusDays(random.between(-12 * 365, 12 * 365));
        siblingBirth = Births.clampBirth(random, siblingBirth, 18);
        if (Math.abs(siblingBirth.toEpochDay() - headBirth.toEpochDay()) < 300) {
            siblingBirth = siblingBirth.minusYears(2);
        }
        Sex siblingSex = random.chance(0.5) ? Sex.FEMALE : Sex.MALE;
        boolean older = siblingBirth.isBefore(headBirth);
        String relationship = siblingSex == Sex.MALE ? (older ? ELDER_BROTHER : YOUNGER_BROTHER)
                : (older ? ELDER_SISTER : YOUNGER_SISTER);
        members.add(HouseholdMember.japanese(random, relationship, siblingSex, siblingBirth, familyName));
        return members;
    }

    static List<HouseholdMember> withLodger(DemoRandom random, Name familyName) {
        LocalDate headBirth = Births.birthAged(random, 25, 75);
        Sex headSex = random.chance(0.6) ? Sex.MALE : Sex.FEMALE;
        List<HouseholdMember> members = list(HouseholdMember.japanese(random, HEAD, headSex, headBirth, familyName));
        Name lodgerName = MunicipalityGenerator.NAMES.familyName(random);
        while (lodgerName.written().equals(familyName.written())) {
            lodgerName = MunicipalityGenerator.NAMES.familyName(random);
        }
        Sex lodgerSex = random.chance(0.5) ? Sex.FEMALE : Sex.MALE;
        HouseholdMember lodger = HouseholdMember.japanese(random, LODGER, lodgerSex, Births.birthAged(random, 20, 80), lodgerName);
        lodger.joinsLater = true;
        members.add(lodger);
        return members;
    }

    static List<HouseholdMember> childWithElderlyParent(DemoRandom random, Name familyName) {
        LocalDate headBirth = Births.birthAged(random, 40, 66);
        Sex headSex = random.chance(0.55) ? Sex.MALE : Sex.FEMALE;
        List<HouseholdMember> members = list(HouseholdMember.japanese(random, HEAD, headSex, headBirth, familyName));
        boolean mother = random.chance(0.75);
        LocalDate parentBirth = Births.parentBirth(random, headBirth, 65);
        if (parentBirth != null) {
            HouseholdMember parent = HouseholdMember.japanese(random, mother ? MOTHER : FATHER, mother ? Sex.FEMALE : Sex.MALE, parentBirth,
                    familyName);
            parent.joinsLater = random.chance(0.5);
            members.add(parent);
        }
        return members;
    }

    private static List<HouseholdMember> marriedCouple(DemoRandom random, Name familyName, LocalDate husbandBirth,
            LocalDate wifeBirth, boolean husbandIsHead) {
        HouseholdMember husband = HouseholdMember.japanese(random, husbandIsHead ? HEAD : HUSBAND, Sex.MALE, husbandBirth, familyName);
        HouseholdMember wife = HouseholdMember.japanese(random, husbandIsHead ? WIFE : HEAD, Sex.FEMALE, wifeBirth, familyName);
        return husbandIsHead ? list(husband, wife) : list(wife, husband);
    }


    static void addChildren(DemoRandom random, List<HouseholdMember> members, int count, int maxAge, Name familyName,
            LocalDate... parents) {
        addChildren(random, members, count, maxAge, CHILD, familyName, parents);
    }

    static void addChildren(DemoRandom random, List<HouseholdMember> members, int count, int maxAge,
            String relationship, Name familyName, LocalDate... parents) {
        for (LocalDate birth : Births.childBirths(random, count, maxAge, parents)) {
            Sex sex = random.chance(0.5) ? Sex.FEMALE : Sex.MALE;
            members.add(HouseholdMember.japanese(random, relationship, sex, birth, familyName));
        }
    }

    static int pickCount(DemoRandom random, int... weightsFromOne) {
        Weighted<Integer> counts = new Weighted<>();
        for (int i = 0; i < weightsFromOne.length; i++) {
            counts.add(weightsFromOne[i], i + 1);
        }
        return counts.pick(random);
    }

    @SafeVarargs
    static <T> List<T> list(T... items) {
        return new ArrayList<>(Arrays.asList(items));
    }
}
