package dev.madoguchi.demo;

import static dev.madoguchi.demo.Fixtures.DEFAULT;
import static dev.madoguchi.demo.Fixtures.RESIDENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.domain.MyNumber;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NumbersAndIdsTest {

    @Test
    void myNumbersAreTwelveAsciiDigitsWithAValidCheckDigitAndUnique() {
        assertThat(RESIDENTS).extracting(Resident::myNumber).doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(n).matches("[0-9]{12}"))
                .allMatch(MyNumber::isValid);
    }

    @Test
    void residentCodesAreElevenDigitsAndUnique() {
        assertThat(RESIDENTS).extracting(Resident::residentCode).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[0-9]{11}"));
    }

    @Test
    void residentCodesCarryAValidCheckDigit() {
        // worked by hand: 1234567890 from the right 0·2 + 9·3 + 8·4 + 7·5 + 6·6 + 5·7 + 4·2 + 3·3 + 2·4 + 1·5 = 195,
        // 195 mod 11 = 8 → 3; 0000000006: 12 mod 11 = 1 → 0; 1000000000: 5 → 6
        assertThat(Digits.withResidentCodeCheckDigit("1234567890")).isEqualTo("12345678903");
        assertThat(Digits.withResidentCodeCheckDigit("0000000006")).isEqualTo("00000000060");
        assertThat(Digits.withResidentCodeCheckDigit("1000000000")).isEqualTo("10000000006");
        assertThat(RESIDENTS).extracting(Resident::residentCode)
                .allSatisfy(code -> assertThat(checkDigitOf(code)).isEqualTo(code.charAt(10) - '0'));
        // not all equal: the first ten digits spread the check digit over its values
        assertThat(RESIDENTS.stream().map(r -> r.residentCode().charAt(10)).distinct().count()).isEqualTo(10);
    }

    /** The check digit computed again from a table of weights, independent of the generator's loop. */
    private static int checkDigitOf(String code) {
        int[] weightsFromTheLeft = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (code.charAt(i) - '0') * weightsFromTheLeft[i];
        }
        return sum % 11 <= 1 ? 0 : 11 - sum % 11;
    }

    @Test
    void idsCountUpFromOneWithSixDigits() {
        assertThat(IntStream.range(0, RESIDENTS.size()))
                .allSatisfy(i -> assertThat(RESIDENTS.get(i).id()).isEqualTo(String.format(Locale.ROOT, "R%06d", i + 1)));
        assertThat(IntStream.range(0, DEFAULT.households().size())).allSatisfy(
                i -> assertThat(DEFAULT.households().get(i).id()).isEqualTo(String.format(Locale.ROOT, "H%06d", i + 1)));
    }

    @Test
    void numbersStayUniqueAndValidInAHundredThousandResidents() {
        DemoMunicipality large = DemoMunicipality.generate(99L, 100_000);
        List<Resident> residents = large.residents();

        assertThat(residents).hasSizeGreaterThanOrEqualTo(100_000);
        assertThat(residents).extracting(Resident::myNumber).doesNotHaveDuplicates().allMatch(MyNumber::isValid);
        assertThat(residents).extracting(Resident::residentCode).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(checkDigitOf(code)).isEqualTo(code.charAt(10) - '0'));
        assertThat(residents.stream().filter(Resident::isForeign)
                .map(r -> r.foreignResidency().residenceCardNumber()).filter(Objects::nonNull).toList())
                .hasSizeGreaterThan(2_000).doesNotHaveDuplicates();
        assertThat(large.resident(residents.get(99_999).id())).containsSame(residents.get(99_999));
    }
}
