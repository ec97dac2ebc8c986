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
        assertThat(residents).extracting(Resident::residentCode).doesNotHaveDuplicates();
        assertThat(residents.stream().filter(Resident::isForeign)
                .map(r -> r.foreignResidency().residenceCardNumber()).filter(Objects::nonNull).toList())
                .hasSizeGreaterThan(2_000).doesNotHaveDuplicates();
        assertThat(large.resident(residents.get(99_999).id())).containsSame(residents.get(99_999));
    }
}
