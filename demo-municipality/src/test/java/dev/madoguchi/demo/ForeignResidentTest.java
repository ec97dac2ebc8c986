package dev.madoguchi.demo;

import static dev.madoguchi.demo.Fixtures.DEFAULT;
import static dev.madoguchi.demo.Fixtures.RESIDENTS;
import static dev.madoguchi.demo.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForeignResidentTest {

    private static final Set<String> STATUSES = Set.of("永住者", "特別永住者", "技能実習", "留学", "技術・人文知識・国際業務",
            "家族滞在", "日本人の配偶者等", "永住者の配偶者等", "定住者", "特定技能");
    private static final Set<String> CATEGORIES = Set.of("中長期在留者", "特別永住者", "一時庇護許可者", "仮滞在許可者",
            "出生による経過滞在者", "国籍喪失による経過滞在者");
    private static final Set<String> NATIONALITIES = Set.of("ベトナム", "中国", "韓国", "朝鮮", "フィリピン", "ブラジル",
            "ネパール", "インドネシア", "米国", "タイ");

    private static List<Resident> foreign() {
        return RESIDENTS.stream().filter(Resident::isForeign).toList();
    }

    @Test
    void aboutThreePercentOfResidentsAreForeign() {
        assertThat((double) foreign().size() / RESIDENTS.size()).isBetween(0.02, 0.04);
    }

    @Test
    void foreignResidentsLiveInWholeForeignHouseholdsAndInMixedMarriages() {
        long foreignHouseholds = DEFAULT.households().stream()
                .filter(h -> DEFAULT.membersOf(h.id()).stream().allMatch(Resident::isForeign)).count();
        List<Resident> foreignSpousesOfJapanese = foreign().stream()
                .filter(r -> !DEFAULT.membersOf(r.householdId()).get(0).isForeign()).toList();

        assertThat(foreignHouseholds).isGreaterThan(20);
        assertThat(DEFAULT.households()).anySatisfy(h -> assertThat(DEFAULT.membersOf(h.id()))
                .hasSizeGreaterThan(2).allMatch(Resident::isForeign));
        assertThat(foreignSpousesOfJapanese).hasSizeGreaterThan(5).allSatisfy(spouse -> {
            assertThat(spouse.relationship()).isIn("妻", "夫");
            assertThat(spouse.foreignResidency().statusOfResidence()).isIn("日本人の配偶者等", "永住者");
        });
    }

    @Test
    void residencyDataIsConsistent() {
        assertThat(foreign()).allSatisfy(r -> {
            ForeignResidency residency = r.foreignResidency();
            assertThat(residency.nationality()).isIn(NATIONALITIES);
            assertThat(residency.category()).isIn(CATEGORIES);
            String status = residency.statusOfResidence();
            if (residency.category().equals("出生による経過滞在者")) {
                assertThat(status).isNull();
                assertThat(residency.residenceCardNumber()).isNull();
                assertThat(ChronoUnit.DAYS.between(r.birthDate(), TODAY)).isLessThan(60);
                return;
            }
            assertThat(status).isIn(STATUSES);
            assertThat(residency.category().equals("特別永住者")).isEqualTo(status.equals("特別永住者"));
            assertThat(residency.periodOfStayEnd() == null)
                    .isEqualTo(status.equals("永住者") || status.equals("特別永住者"));
            if (residency.periodOfStayEnd() != null) {
                assertThat(residency.periodOfStayEnd()).isAfter(TODAY).isBefore(TODAY.plusYears(5).plusDays(2));
            }
        });
        assertThat(foreign()).extracting(r -> r.foreignResidency().category())
                .contains("中長期在留者", "特別永住者");
    }

    @Test
    void dependantsStayAsLongAsTheirSupporter() {
        for (Resident dependant : foreign()) {
            if ("家族滞在".equals(dependant.foreignResidency().statusOfResidence())) {
                Resident head = DEFAULT.membersOf(dependant.householdId()).get(0);
                assertThat(dependant.foreignResidency().periodOfStayEnd())
                        .isEqualTo(head.foreignResidency().periodOfStayEnd());
            }
        }
    }

    @Test
    void residenceCardNumbersHaveTheRightShapeAndAreUnique() {
        List<String> numbers = foreign().stream().map(r -> r.foreignResidency().residenceCardNumber())
                .filter(n -> n != null).toList();

        assertThat(numbers).hasSizeGreaterThan(100).doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(n).matches("[A-Z]{2}\\d{8}[A-Z]{2}"));
    }

    @Test
    void foreignResidentsJoinedTheRegisterNoEarlierThanJuly2012() {
        assertThat(foreign()).allSatisfy(r -> assertThat(r.movedInOn())
                .isAfterOrEqualTo(LocalDate.of(2012, 7, 9)));
    }

    @Test
    void fewerForeignThanJapaneseResidentsHoldACard() {
        double foreignShare = (double) foreign().stream().filter(r -> r.card() != null).count() / foreign().size();

        assertThat(foreignShare).isBetween(0.35, 0.75);
    }

    @Test
    void foreignHoldersCardsEndNoLaterThanTheirPeriodOfStay() {
        assertThat(foreign()).filteredOn(r -> r.card() != null && r.foreignResidency().periodOfStayEnd() != null)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.card().expiryDate())
                        .isBeforeOrEqualTo(r.foreignResidency().periodOfStayEnd()));
    }
}
