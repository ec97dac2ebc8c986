package dev.madoguchi.card.residence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CardNumberTest {

    @Test
    void checksAsTyped() {
        assertThat(CardNumber.check("").state()).isEqualTo(CardNumber.State.EMPTY);
        assertThat(CardNumber.check(null).state()).isEqualTo(CardNumber.State.EMPTY);
        assertThat(CardNumber.check("A").state()).isEqualTo(CardNumber.State.INCOMPLETE);
        assertThat(CardNumber.check("AB1234").expected()).isEqualTo("digit");
        assertThat(CardNumber.check("AB12345678").expected()).isEqualTo("letter");
        assertThat(CardNumber.check("AB12345678CD").state()).isEqualTo(CardNumber.State.COMPLETE);
        CardNumber.Check wrong = CardNumber.check("A112345678CD");
        assertThat(wrong.state()).isEqualTo(CardNumber.State.INVALID);
        assertThat(wrong.firstWrong()).isEqualTo(1);
        assertThat(wrong.expected()).isEqualTo("letter");
        assertThat(CardNumber.check("AB1234567XCD").firstWrong()).isEqualTo(9);
        assertThat(CardNumber.check("AB12345678CDE").state()).isEqualTo(CardNumber.State.INVALID);
        assertThat(CardNumber.check("AB12345678C1").expected()).isEqualTo("letter");
        assertThat(CardNumber.check("ÄB12345678CD").state()).isEqualTo(CardNumber.State.INVALID);
    }

    @Test
    void lowerCaseFullWidthSpacesAndHyphensAreNormalised() {
        assertThat(CardNumber.parse("ab12345678cd").value()).isEqualTo("AB12345678CD");
        assertThat(CardNumber.parse("ＡＢ１２３４５６７８ＣＤ").value()).isEqualTo("AB12345678CD");
        assertThat(CardNumber.parse(" AB 1234-5678 CD ").value()).isEqualTo("AB12345678CD");
        assertThat(CardNumber.check("ａｂ１２").normalised()).isEqualTo("AB12");
    }

    @Test
    void neverShowsTheNumber() {
        CardNumber n = CardNumber.parse("AB12345678CD");
        assertThat(n.toString()).doesNotContain("1234");
        assertThat(n.masked()).endsWith("CD").doesNotContain("1234");
        assertThatThrownBy(() -> CardNumber.parse("AB1234567")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("1234");
        assertThatThrownBy(() -> new CardNumber("ab12345678cd")).isInstanceOf(IllegalArgumentException.class);
    }
}
