package dev.madoguchi.demo;

import static dev.madoguchi.demo.Fixtures.DEFAULT;
import static dev.madoguchi.demo.Fixtures.RESIDENTS;
import static dev.madoguchi.demo.Fixtures.withRelationship;
import static dev.madoguchi.demo.Fixtures.yearsBetween;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HouseholdStructureTest {

    private static final Set<String> REGISTER_RELATIONSHIPS = Set.of("世帯主", "妻", "夫", "子", "父", "母", "孫", "兄",
            "姉", "弟", "妹", "同居人", "妻の母", "妻の父", "夫の母", "子の妻");

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 137, 2_500})
    void generatesAtLeastTheRequestedResidentsInWholeHouseholds(int minimum) {
        DemoMunicipality municipality = DemoMunicipality.generate(7L, minimum);

        assertThat(municipality.residents()).hasSizeBetween(minimum, minimum + 9);
        assertThat(municipality.households()).allSatisfy(h -> assertThat(municipality.membersOf(h.id())).isNotEmpty());
    }

    @Test
    void defaultMunicipalityHasFiveThousandResidents() {
        assertThat(RESIDENTS).hasSizeBetween(5_000, 5_009);
    }

    @Test
    void everyHouseholdHasExactlyOneHeadWhoIsAnAdultAndComesFirst() {
        for (Household household : DEFAULT.households()) {
            List<Resident> members = DEFAULT.membersOf(household.id());

            assertThat(withRelationship(members, "世帯主")).hasSize(1);
            assertThat(members.get(0).relationship()).isEqualTo("世帯主");
            assertThat(members.get(0).id()).isEqualTo(household.headResidentId());
            assertThat(Fixtures.age(members.get(0))).isGreaterThanOrEqualTo(18);
        }
    }

    @Test
    void membersOfListsExactlyTheResidentsOfTheHousehold() {
        long listed = DEFAULT.households().stream().mapToLong(h -> DEFAULT.membersOf(h.id()).stream()
                .filter(r -> r.householdId().equals(h.id())).count()).sum();

        assertThat(listed).isEqualTo(RESIDENTS.size());
    }

    @Test
    void membersShareTheHouseholdAddressAndPostalCode() {
        for (Household household : DEFAULT.households()) {
            assertThat(DEFAULT.membersOf(household.id())).allSatisfy(member -> {
                assertThat(member.address()).isEqualTo(household.address());
                assertThat(member.postalCode()).isEqualTo(household.postalCode());
            });
        }
    }

    @Test
    void relationshipsAreWordsTheRegisterUses() {
        assertThat(RESIDENTS).extracting(Resident::relationship).allMatch(REGISTER_RELATIONSHIPS::contains);
    }

    @Test
    void childrenAreEighteenToFortyFiveYearsYoungerThanBothParents() {
        for (Household household : DEFAULT.households()) {
            List<Resident> members = DEFAULT.membersOf(household.id());
            Resident head = members.get(0);
            List<Resident> parents = members.stream()
                    .filter(r -> r == head || r.relationship().equals("妻") || r.relationship().equals("夫"))
                    .toList();
            for (Resident child : withRelationship(members, "子")) {
                assertThat(parents).allSatisfy(parent -> assertGap(parent.birthDate(), child.birthDate()));
            }
            List<Resident> grandchildrensParents = members.stream()
                    .filter(r -> r.relationship().equals("子") || r.relationship().equals("子の妻")).toList();
            for (Resident grandchild : withRelationship(members, "孫")) {
                assertThat(grandchildrensParents).isNotEmpty()
                        .allSatisfy(parent -> assertGap(parent.birthDate(), grandchild.birthDate()));
            }
        }
    }

    @Test
    void parentsAndParentsInLawAreEighteenToFortyFiveYearsOlder() {
        int checked = 0;
        for (Household household : DEFAULT.households()) {
            List<Resident> members = DEFAULT.membersOf(household.id());
            Resident head = members.get(0);
            for (Resident elder : members) {
                Resident younger = switch (elder.relationship()) {
                    case "父", "母" -> head;
                    case "妻の母", "妻の父" -> withRelationship(members, "妻").get(0);
                    case "夫の母" -> withRelationship(members, "夫").get(0);
                    default -> null;
                };
                if (younger != null) {
                    assertGap(elder.birthDate(), younger.birthDate());
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void householdsRangeFromSinglesToThreeGenerations() {
        assertThat(share(members -> members.size() == 1)).isBetween(0.28, 0.45);
        assertThat(count(members -> members.size() == 2 && hasAny(members, "妻", "夫"))).isGreaterThan(100);
        assertThat(count(members -> hasAny(members, "子"))).isGreaterThan(300);
        assertThat(count(members -> hasAny(members, "子") && hasAny(members, "父", "母", "妻の母", "夫の母")))
                .isGreaterThan(10);
        assertThat(count(members -> hasAny(members, "妻の母"))).isPositive();
        assertThat(count(members -> hasAny(members, "孫") && hasAny(members, "子の妻"))).isPositive();
        assertThat(count(members -> hasAny(members, "同居人"))).isPositive();
        assertThat(count(members -> hasAny(members, "兄", "姉", "弟", "妹"))).isPositive();
        double averageSize = (double) RESIDENTS.size() / DEFAULT.households().size();
        assertThat(averageSize).isBetween(2.0, 2.6);
        assertThat(DEFAULT.households()).allSatisfy(h -> assertThat(DEFAULT.membersOf(h.id())).hasSizeLessThan(9));
    }

    @Test
    void birthDatesLieBetween1925AndTheReferenceDate() {
        assertThat(RESIDENTS).allSatisfy(r -> assertThat(r.birthDate())
                .isBetween(LocalDate.of(1925, 1, 1), Fixtures.TODAY));
        assertThat(RESIDENTS).anySatisfy(r -> assertThat(r.birthDate().getYear()).isLessThan(1930));
        assertThat(RESIDENTS).anySatisfy(r -> assertThat(r.birthDate().getYear()).isEqualTo(2026));
    }

    @Test
    void residentsMovedInAfterBirthAndNotAfterTheReferenceDate() {
        assertThat(RESIDENTS).allSatisfy(r -> assertThat(r.movedInOn())
                .isBetween(r.birthDate(), Fixtures.TODAY));
        assertThat(RESIDENTS).anySatisfy(r -> assertThat(r.movedInOn()).isEqualTo(r.birthDate()));
    }

    @Test
    void householdMembersHaveDistinctGivenNames() {
        for (Household household : DEFAULT.households()) {
            List<String> givenNames = DEFAULT.membersOf(household.id()).stream().map(Resident::givenName).toList();
            assertThat(givenNames).doesNotHaveDuplicates();
        }
    }

    private static void assertGap(LocalDate parent, LocalDate child) {
        assertThat(yearsBetween(parent, child)).as("years from %s to %s", parent, child).isBetween(18L, 45L);
    }

    private static boolean hasAny(List<Resident> members, String... relationships) {
        return members.stream().anyMatch(r -> Set.of(relationships).contains(r.relationship()));
    }

    private static long count(Predicate<List<Resident>> shape) {
        return DEFAULT.households().stream().map(h -> DEFAULT.membersOf(h.id())).filter(shape).count();
    }

    private static double share(Predicate<List<Resident>> shape) {
        return (double) count(shape) / DEFAULT.households().size();
    }
}
