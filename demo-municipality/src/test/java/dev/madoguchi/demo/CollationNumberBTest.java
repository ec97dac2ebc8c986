package dev.madoguchi.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.temporal.ChronoField;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollationNumberBTest {

    private static DemoCard cardExpiringIn(int year, String securityCode) {
        return new DemoCard("名", "住所", LocalDate.of(year, 6, 1), securityCode, "1111", "2222", null, 3, 3, 5);
    }

    @Test
    void matchesTheWorkedExampleOfTheProtocolNotes() {
        assertThat(cardExpiringIn(2035, "2285").collationNumberB(LocalDate.of(1980, 2, 17)))
                .isEqualTo("55021720352285");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1912-07-29, 45", // 明治45
        "1912-07-30, 01", // 大正元年
        "1925-03-10, 14", // 大正14
        "1926-12-24, 15", // 大正15
        "1926-12-25, 01", // 昭和元年
        "1989-01-07, 64", // 昭和64
        "1989-01-08, 01", // 平成元年
        "2019-04-30, 31", // 平成31
        "2019-05-01, 01", // 令和元年
        "2026-11-01, 08", // 令和8
    })
    void startsWithTheTwoDigitJapaneseEraYear(LocalDate birthDate, String eraYear) {
        String number = cardExpiringIn(2031, "0042").collationNumberB(birthDate);

        assertThat(number).startsWith(eraYear);
        assertThat(number.substring(2, 6))
                .isEqualTo(String.format(Locale.ROOT, "%02d%02d", birthDate.getMonthValue(), birthDate.getDayOfMonth()));
        assertThat(number).endsWith("20310042").hasSize(14);
    }

    @Test
    void eraYearAgreesWithTheJdkJapaneseCalendarForEveryDaySince1925() {
        for (LocalDate day = LocalDate.of(1925, 1, 1); day.getYear() < 2031; day = day.plusDays(1)) {
            int expected = JapaneseDate.from(day).get(ChronoField.YEAR_OF_ERA);
            assertThat(JapaneseEraYear.of(day)).as("%s", day).isEqualTo(expected);
        }
    }

    @Test
    void rejectsBirthDatesBeforeMeiji() {
        assertThatThrownBy(() -> cardExpiringIn(2030, "1234").collationNumberB(LocalDate.of(1868, 9, 7)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isFourteenAsciiDigitsForEveryCardHolder() {
        assertThat(Fixtures.DEFAULT.cardHolders()).allSatisfy(r -> {
            String number = r.card().collationNumberB(r.birthDate());
            assertThat(number).matches("[0-9]{14}");
            assertThat(number.substring(6, 10)).isEqualTo(Integer.toString(r.card().expiryDate().getYear()));
            assertThat(number.substring(10)).isEqualTo(r.card().securityCode());
        });
    }
}
