package dev.madoguchi.app.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.resident.SelfTestChoice;
import dev.madoguchi.card.mynumber.PinKind;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident's self-test of the 署名用パスワード (6–16 of A–Z and 0–9, 5 tries) on the resident's pad with letters:
 * offered only at all 5 tries, the length checked before anything is sent, exactly one VERIFY, the buffer zeroed.
 */
class SignPasswordSelfTestTest {

    @TempDir
    Path dir;

    VolunteerFixture f;

    @BeforeEach
    void setUp() {
        f = new VolunteerFixture(dir.resolve("printed"));
    }

    private void type(String characters) {
        characters.chars().forEach(c -> f.resident.pressCharacter((char) c));
    }

    @Test
    void theRightPasswordTypedWithLettersAndDigitsIsSentOnceAndSaidCorrect() {
        f.put("full");
        assertThat(f.resident.choices()).extracting(SelfTestChoice::kind).contains(PinKind.SIGN_PASSWORD);
        f.resident.choose(PinKind.SIGN_PASSWORD);
        assertThat(f.resident.padShownProperty().get()).isTrue();
        assertThat(f.resident.lettersShownProperty().get()).isTrue();
        assertThat(f.resident.detailProperty().get()).contains("英大文字A〜Zと数字、6〜16文字");
        assertThat(f.steps.selfTest().volunteerNoteProperty().get()).contains("文字はこの画面に出ません");
        String password = VolunteerFixture.fine().signPassword();
        type(password.toLowerCase(java.util.Locale.ROOT)); // a lower-case letter counts as its capital
        assertThat(f.resident.pinDotsProperty().get()).isEqualTo("●".repeat(password.length())
                + "○".repeat(Math.max(0, 6 - password.length())));
        f.resident.enterPin();
        assertThat(f.verifiesWithData()).isEqualTo(1);
        byte[] verify = f.readers.log.stream().filter(c -> c.length > 5 && (c[1] & 0xff) == 0x20).findFirst()
                .orElseThrow();
        assertThat(new String(verify, 5, verify.length - 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo(password.toUpperCase(java.util.Locale.ROOT));
        assertThat(f.steps.selfTest().holdsNoDigits()).isTrue();
        assertThat(f.resident.detailProperty().get()).isEqualTo("正しい暗証番号です");
        assertThat(f.steps.selfTest().volunteerNoteProperty().get()).contains("正しい暗証番号です")
                .doesNotContain(password);
    }

    @Test
    void aWrongPasswordIsSentOnceAndSaysFourTriesLeftAndIsNotOfferedAgain() {
        f.put("full");
        f.resident.choose(PinKind.SIGN_PASSWORD);
        type("WRONG1PASS");
        f.resident.enterPin();
        f.resident.enterPin();
        assertThat(f.verifiesWithData()).isEqualTo(1);
        assertThat(f.resident.detailProperty().get()).startsWith("違います。あと 4 回です");
        assertThat(f.steps.selfTest().offered()).doesNotContain(PinKind.SIGN_PASSWORD);
        assertThat(f.steps.selfTest().holdsNoDigits()).isTrue();
    }

    @Test
    void tooShortIsNotSentAndSixteenIsTheLongestThatCanBeTyped() {
        f.put("full");
        f.resident.choose(PinKind.SIGN_PASSWORD);
        type("ABC12");
        f.resident.enterPin();
        assertThat(f.verifiesWithData()).as("5 characters: OK sends nothing").isZero();
        assertThat(f.steps.selfTest().complete()).isFalse();
        type("3456789ABCDEFGHIJK"); // 5 + 18: only up to 16 are taken
        assertThat(f.steps.selfTest().typedProperty().get()).isEqualTo(16);
        f.resident.pressCharacter('-'); // neither a letter nor a digit
        f.resident.pressCharacter('あ');
        assertThat(f.steps.selfTest().typedProperty().get()).isEqualTo(16);
        f.resident.cancel();
        assertThat(f.steps.selfTest().holdsNoDigits()).isTrue();
        assertThat(f.verifiesWithData()).isZero();
    }

    @Test
    void lettersAreRefusedOnAFourDigitPinPad() {
        f.put("full");
        f.resident.choose(PinKind.AUTH_PIN);
        assertThat(f.resident.lettersShownProperty().get()).isFalse();
        type("AB12");
        assertThat(f.steps.selfTest().typedProperty().get()).isEqualTo(2);
        f.resident.cancel();
    }

    @Test
    void aPasswordWithATryGoneIsNotOfferedAndTheResidentIsToldWhy() {
        f.put("sign-four");
        assertThat(f.steps.selfTest().offered()).doesNotContain(PinKind.SIGN_PASSWORD);
        f.resident.choose(PinKind.SIGN_PASSWORD);
        assertThat(f.resident.padShownProperty().get()).isFalse();
        assertThat(f.resident.lines()).extracting(l -> l.text())
                .contains("まちがえた記録があるので、ここでは確かめません（カードがロックされないためです）");
        assertThat(f.verifiesWithData()).isZero();
    }
}
