package dev.madoguchi.demo;

import static dev.madoguchi.demo.Fixtures.DEFAULT;
import static dev.madoguchi.demo.Fixtures.RESIDENTS;
import static dev.madoguchi.demo.Fixtures.TODAY;
import static dev.madoguchi.demo.Fixtures.age;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoCardTest {

    private static List<Resident> holders() {
        return DEFAULT.cardHolders();
    }

    @Test
    void aboutSeventyEightPercentHoldACard() {
        assertThat((double) holders().size() / RESIDENTS.size()).isBetween(0.75, 0.81);
    }

    @Test
    void babiesRarelyHoldACardAndSomeAdultsHoldNone() {
        List<Resident> babies = RESIDENTS.stream().filter(r -> age(r) == 0).toList();
        long babiesWithCard = babies.stream().filter(r -> r.card() != null).count();

        assertThat(babies).hasSizeGreaterThan(20);
        assertThat((double) babiesWithCard / babies.size()).isLessThan(0.3);
        assertThat(RESIDENTS).anySatisfy(r -> {
            assertThat(age(r)).isGreaterThan(18);
            assertThat(r.card()).isNull();
        });
    }

    @Test
    void cardHoldersAreExactlyTheResidentsWithACard() {
        assertThat(holders()).isEqualTo(RESIDENTS.stream().filter(r -> r.card() != null).toList());
    }

    @Test
    void japaneseCardsExpireOnABirthdayFiveOrTenBirthdaysAfterIssue() {
        assertThat(holders()).filteredOn(r -> !r.isForeign()).allSatisfy(r -> {
            LocalDate expiry = r.card().expiryDate();
            MonthDay birthday = MonthDay.from(r.birthDate());
            if (birthday.equals(MonthDay.of(2, 29)) && !expiry.isLeapYear()) {
                birthday = MonthDay.of(2, 28);
            }
            long ageAtExpiry = Fixtures.yearsBetween(r.birthDate(), expiry);
            assertThat(MonthDay.from(expiry)).isEqualTo(birthday);
            // a minor's card (issued under 18) ends at 5 birthdays, by age 22; an adult's at 10, from age 28
            assertThat(ageAtExpiry).isGreaterThanOrEqualTo(1L).satisfiesAnyOf(
                    years -> assertThat(years).isLessThanOrEqualTo(22L),
                    years -> assertThat(years).isGreaterThanOrEqualTo(28L));
            assertThat(expiry).isAfter(LocalDate.of(2016, 1, 1)).isBeforeOrEqualTo(TODAY.plusYears(10));
        });
    }

    @Test
    void someCardsHaveAlreadyExpired() {
        long expired = holders().stream().filter(r -> r.card().expiryDate().isBefore(TODAY)).count();

        assertThat(expired).isPositive().isLessThan(holders().size() / 5);
    }

    @Test
    void codesAndPinsAreFourDigitsAndPasswordsSixToSixteenLettersAndDigits() {
        assertThat(holders()).allSatisfy(r -> {
            DemoCard card = r.card();
            assertThat(card.securityCode()).matches("[0-9]{4}");
            assertThat(card.textPin()).matches("[0-9]{4}");
            assertThat(card.authPin()).matches("[0-9]{4}");
            if (card.signPassword() != null) {
                assertThat(card.signPassword()).matches("[A-Z0-9]{6,16}").containsPattern("[A-Z]")
                        .containsPattern("[0-9]");
            }
        });
    }

    @Test
    void holdersUnderFifteenHaveNoSignaturePassword() {
        assertThat(holders()).filteredOn(r -> age(r) < 15).isNotEmpty()
                .allSatisfy(r -> assertThat(r.card().signPassword()).isNull());
        assertThat(holders()).filteredOn(r -> age(r) >= 30)
                .allSatisfy(r -> assertThat(r.card().signPassword()).isNotNull());
    }

    @Test
    void triesLeftAreMostlyFullWithSomeLowAndAtLeastOneBlockedTextPin() {
        long full = holders().stream().map(Resident::card).filter(c -> c.textPinTriesLeft() == 3
                && c.authPinTriesLeft() == 3 && c.signPasswordTriesLeft() == 5).count();

        assertThat((double) full / holders().size()).isGreaterThan(0.9);
        assertThat(holders()).anySatisfy(r -> assertThat(r.card().textPinTriesLeft()).isEqualTo(1));
        assertThat(holders()).anySatisfy(r -> assertThat(r.card().authPinTriesLeft()).isEqualTo(1));
        assertThat(holders()).anySatisfy(r -> assertThat(r.card().textPinTriesLeft()).isZero());
    }

    @Test
    void fixedDemoCasesSitInTheFirstHouseholdsOfAnySeed() {
        DemoMunicipality small = DemoMunicipality.generate(12345L, 40);
        Resident blocked = small.membersOf("H000002").get(0);
        Resident lastTry = small.membersOf("H000004").get(0);

        assertThat(small.households()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(blocked.card().textPinTriesLeft()).isZero();
        assertThat(lastTry.card().textPinTriesLeft()).isEqualTo(1);
        assertThat(lastTry.card().authPinTriesLeft()).isEqualTo(1);
        assertThat(small.membersOf("H000003")).anyMatch(Resident::isForeign).anyMatch(r -> !r.isForeign());
        assertThat(small.membersOf("H000006")).singleElement().matches(Resident::isForeign);
        assertThat(List.of("H000005", "H000007", "H000009", "H000011", "H000013", "H000015"))
                .map(id -> small.membersOf(id).get(0))
                .allSatisfy(head -> assertThat(head.card().nameOnCard()).isNotEqualTo(head.fullName()))
                .extracting(Resident::familyName)
                .containsExactly("髙橋", "山﨑", "\uD842\uDFB7田", "德永", "渡邉", "宮﨑");
    }

    @Test
    void rejectsMalformedCardData() {
        LocalDate expiry = LocalDate.of(2030, 1, 1);
        assertThatThrownBy(() -> new DemoCard("名", "住所", expiry, "12a4", "1234", "1234", null, 3, 3, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemoCard("名", "住所", expiry, "1234", "1234", "1234", "abc123", 3, 3, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemoCard("名", "住所", expiry, "1234", "1234", "1234", null, 4, 3, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsNoSecret() {
        DemoCard card = new DemoCard("名", "住所", LocalDate.of(2030, 1, 1), "2285", "4711", "8152", "SECRET42", 3, 3, 5);

        assertThat(card.toString()).doesNotContain("2285", "4711", "8152", "SECRET42");
    }
}
