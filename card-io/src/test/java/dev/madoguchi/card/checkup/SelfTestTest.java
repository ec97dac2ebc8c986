package dev.madoguchi.card.checkup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.card.mynumber.FirstGenerationProfile;
import dev.madoguchi.card.mynumber.PinKind;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.simulated.MyNumberCardContent;
import dev.madoguchi.card.simulated.SimulatedCard;
import dev.madoguchi.card.simulated.TestCards;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resident's "does my PIN work?": one VERIFY when every try is left, none otherwise, the PIN wiped. */
class SelfTestTest {

    private static LoggedReaders reader(MyNumberCardContent content) {
        return new LoggedReaders(new SimulatedCard("c1", "test card", content));
    }

    private static CardCheckUp service(LoggedReaders readers) {
        return new CardCheckUp(readers, List.of(new FirstGenerationProfile()), Clock.systemUTC());
    }

    @Test
    void aCorrectPinSendsExactlyOneVerifyIsWipedAndResetsTheCard() throws Exception {
        LoggedReaders readers = reader(CardCheckUpTest.fine());
        char[] pin = TestCards.AUTH_PIN.toCharArray();
        SelfTestResult result = service(readers).selfTest(null, PinKind.AUTH_PIN, pin);
        assertThat(result.correct()).isTrue();
        assertThat(result.triesLeft()).isEqualTo(3);
        assertThat(readers.verifiesWithData()).containsExactly("002000800435363738");
        assertThat(pin).containsOnly('\0');
        assertThat(readers.resets).isEqualTo(1);
        assertThat(result.apdus()).isEqualTo(readers.log.size());
        assertThat(result.toString()).doesNotContain(TestCards.AUTH_PIN);
    }

    @Test
    void aWrongPinSendsOneVerifyAndSaysHowManyTriesAreLeft() throws Exception {
        LoggedReaders readers = reader(CardCheckUpTest.fine());
        SelfTestResult result = service(readers).selfTest(null, PinKind.TEXT_PIN, "0000".toCharArray());
        assertThat(result.correct()).isFalse();
        assertThat(result.triesLeft()).isEqualTo(2);
        assertThat(result.maxTries()).isEqualTo(3);
        assertThat(readers.verifiesWithData()).hasSize(1);
        CheckUp after = service(readers).checkUp(null);
        assertThat(after.pin(PinKind.TEXT_PIN).orElseThrow().triesLeft()).isEqualTo(2);
    }

    @Test
    void theSignPasswordIsSentUpperCase() throws Exception {
        LoggedReaders readers = reader(CardCheckUpTest.fine());
        SelfTestResult result = service(readers).selfTest(null, PinKind.SIGN_PASSWORD, "abc123".toCharArray());
        assertThat(result.correct()).isTrue();
        assertThat(result.maxTries()).isEqualTo(5);
        assertThat(readers.verifiesWithData()).containsExactly("0020008006414243313233");
    }

    @Test
    void isRefusedWhenTriesAreBelowTheMaximumAndSendsNothing() {
        LoggedReaders readers = reader(CardCheckUpTest.fine().withTextPinTriesLeft(2));
        char[] pin = TestCards.PIN.toCharArray();
        assertThatThrownBy(() -> service(readers).selfTest(null, PinKind.TEXT_PIN, pin))
                .isInstanceOfSatisfying(CardIoException.class, e -> {
                    assertThat(e.error()).isEqualTo(CardIoError.SELF_TEST_REFUSED);
                    assertThat(e.triesLeft()).hasValue(2);
                });
        assertThat(readers.verifiesWithData()).isEmpty();
        assertThat(pin).containsOnly('\0');
    }

    @Test
    void isRefusedForALockedPin() {
        LoggedReaders readers = reader(CardCheckUpTest.fine().withAuthPinTriesLeft(0));
        assertThatThrownBy(() -> service(readers).selfTest(null, PinKind.AUTH_PIN, "5678".toCharArray()))
                .isInstanceOfSatisfying(CardIoException.class,
                        e -> assertThat(e.error()).isEqualTo(CardIoError.SELF_TEST_REFUSED));
        assertThat(readers.verifiesWithData()).isEmpty();
    }

    @Test
    void aPinOfTheWrongFormIsRefusedBeforeTheCardIsTouched() {
        LoggedReaders readers = reader(CardCheckUpTest.fine());
        char[] pin = "12a4".toCharArray();
        assertThatThrownBy(() -> service(readers).selfTest(null, PinKind.AUTH_PIN, pin))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("12a4");
        assertThat(readers.log).isEmpty();
        assertThat(pin).containsOnly('\0');
        assertThatThrownBy(() -> service(readers).selfTest(null, PinKind.SIGN_PASSWORD, "ABC12".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCardThatIsNoMyNumberCardIsRefused() {
        LoggedReaders readers = new LoggedReaders(new SimulatedCard("transit", "a transit card"));
        assertThatThrownBy(() -> service(readers).selfTest(null, PinKind.AUTH_PIN, "5678".toCharArray()))
                .isInstanceOfSatisfying(CardIoException.class,
                        e -> assertThat(e.error()).isEqualTo(CardIoError.NOT_MY_NUMBER_CARD));
        assertThat(readers.verifiesWithData()).isEmpty();
    }

    @Test
    void theSignPasswordOfSixteenCharactersIsSentOnceAndAWrongOneSaysFourTriesAreLeft() throws Exception {
        LoggedReaders readers = reader(CardCheckUpTest.fine());
        char[] wrong = "ABCDEFGH12345678".toCharArray(); // 16: the longest form
        SelfTestResult result = service(readers).selfTest(null, PinKind.SIGN_PASSWORD, wrong);
        assertThat(result.correct()).isFalse();
        assertThat(result.triesLeft()).isEqualTo(4);
        assertThat(result.maxTries()).isEqualTo(5);
        assertThat(readers.verifiesWithData()).containsExactly("0020008010" + "4142434445464748" + "3132333435363738");
        assertThat(wrong).containsOnly('\0');
        assertThat(readers.resets).isEqualTo(1);
        assertThat(service(readers).checkUp(null).pin(PinKind.SIGN_PASSWORD).orElseThrow().triesLeft()).isEqualTo(4);
    }

    @Test
    void theSignPasswordIsNotTestedOnceATryIsGoneNorInAWrongForm() {
        LoggedReaders reduced = reader(CardCheckUpTest.fine().withSignPasswordTriesLeft(4));
        char[] password = "ABC123".toCharArray();
        assertThatThrownBy(() -> service(reduced).selfTest(null, PinKind.SIGN_PASSWORD, password))
                .isInstanceOfSatisfying(CardIoException.class, e -> {
                    assertThat(e.error()).isEqualTo(CardIoError.SELF_TEST_REFUSED);
                    assertThat(e.triesLeft()).hasValue(4);
                });
        assertThat(reduced.verifiesWithData()).isEmpty();
        assertThat(password).containsOnly('\0');

        LoggedReaders full = reader(CardCheckUpTest.fine());
        for (String form : new String[] {"ABC12", "ABCDEFGH123456789", "ABC-123", "ＡＢＣ１２３"}) {
            char[] typed = form.toCharArray();
            assertThatThrownBy(() -> service(full).selfTest(null, PinKind.SIGN_PASSWORD, typed)).as(form)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(form);
            assertThat(typed).containsOnly('\0');
        }
        assertThat(full.log).as("nothing sent for a password of the wrong form").isEmpty();
    }
}
