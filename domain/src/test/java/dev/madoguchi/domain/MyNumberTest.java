package dev.madoguchi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MyNumberTest {

    @Test
    void computesTheCheckDigitOfThePublishedTestValue() {
        // docs/card-protocol.md §1.7: 537686677188, weighted sum 267, 267 mod 11 = 3, 11 - 3 = 8
        assertThat(MyNumber.checkDigit("53768667718")).isEqualTo(8);
        assertThat(MyNumber.isValid("537686677188")).isTrue();
    }

    @Test
    void remainderZeroOrOneGivesCheckDigitZero() {
        assertThat(MyNumber.checkDigit("00000000000")).isZero();
        // P1 = 5 (weight 2) -> sum 10 -> r 10 -> 1; P1 = 6 -> 12 mod 11 = 1 -> 0
        assertThat(MyNumber.checkDigit("00000000006")).isZero();
        assertThat(MyNumber.checkDigit("00000000005")).isEqualTo(1);
    }

    @Test
    void rejectsEveryWrongCheckDigit() {
        for (int d = 0; d <= 9; d++) {
            String candidate = "53768667718" + d;
            assertThat(MyNumber.isValid(candidate)).as(candidate).isEqualTo(d == 8);
        }
    }

    @Test
    void acceptsFullWidthDigitsAsOnTheCardFace() {
        MyNumber number = MyNumber.parse("５３７６８６６７７１８８");
        assertThat(number.digits()).isEqualTo("537686677188");
    }

    @Test
    void neverRevealsTheNumberInTextOrErrors() {
        MyNumber number = MyNumber.parse("537686677188");
        assertThat(number.toString()).doesNotContain("537686677188").doesNotContain("7188");
        assertThat(number.masked()).isEqualTo("********7188");
        assertThatThrownBy(() -> MyNumber.parse("537686677187"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("537686677187");
        assertThatThrownBy(() -> MyNumber.parse("12345"))
                .hasMessageNotContaining("12345");
    }

    @Test
    void fromElevenDigitsProducesAValidNumber() {
        assertThat(MyNumber.fromFirstElevenDigits("12345678901").digits()).satisfies(d -> {
            assertThat(d).hasSize(12);
            assertThat(MyNumber.isValid(d)).isTrue();
        });
    }
}
