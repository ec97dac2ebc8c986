package dev.madoguchi.card.pcsc;

import static dev.madoguchi.card.pcsc.PcscTestSupport.FIRST_READER;
import static dev.madoguchi.card.pcsc.PcscTestSupport.MY_NUMBER_CARD_ATR;
import static dev.madoguchi.card.pcsc.PcscTestSupport.awaitCard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.card.checkup.CardCheckUp;
import dev.madoguchi.card.checkup.CertificateValidity;
import dev.madoguchi.card.checkup.CheckUp;
import dev.madoguchi.card.checkup.PinTries;
import dev.madoguchi.card.checkup.SelfTestResult;
import dev.madoguchi.card.checkup.ValidityStatus;
import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.mynumber.FirstGenerationProfile;
import dev.madoguchi.card.mynumber.PinKind;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.simulated.CardModel;
import dev.madoguchi.card.simulated.MyNumberCardContent;
import dev.madoguchi.card.simulated.MyNumberCardModel;
import dev.madoguchi.card.simulated.SmartphoneModel;
import dev.madoguchi.card.simulated.TestCards;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The volunteer's check-up through the real stack (jnasmartcardio → libpcsclite → pcscd → vpcd → {@link CardModel}),
 * with the APDU log of the virtual card checked: no VERIFY with data except the resident's self-test.
 */
class CheckUpThroughPcscdTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private final PcscCardReaders readers = PcscCardReaders.system();
    private final CardCheckUp checkUp = new CardCheckUp(readers, List.of(new FirstGenerationProfile()),
            Clock.fixed(TODAY.atTime(10, 0).atZone(TOKYO).toInstant(), TOKYO));

    @BeforeAll
    static void requirePcscd() {
        PcscTestSupport.requirePcscd();
    }

    /** A card on the first vpcd reader with the log of every command it received. */
    private final class OnReader implements AutoCloseable {
        final List<String> log = new CopyOnWriteArrayList<>();
        final VpcdVirtualCard vpcd;

        OnReader(CardModel model) throws Exception {
            vpcd = VpcdVirtualCard.insert(VpcdVirtualCard.FIRST_READER_PORT, MY_NUMBER_CARD_ATR, apdu -> {
                log.add(MyNumberCardThroughPcscdTest.hex(apdu));
                return model.process(apdu);
            }, model::reset);
            awaitCard(readers, FIRST_READER, true);
        }

        List<String> verifiesWithData() {
            return log.stream().filter(c -> c.startsWith("00200080") && c.length() > 8).toList();
        }

        @Override
        public void close() throws Exception {
            vpcd.close();
            awaitCard(readers, FIRST_READER, false);
        }
    }

    private static MyNumberCardContent fine() {
        return TestCards.kokutou().withAuthCertificate(LocalDate.of(2024, 2, 17), LocalDate.of(2029, 2, 17));
    }

    private OnReader insert(MyNumberCardContent content) throws Exception {
        return new OnReader(MyNumberCardModel.of(content, TestCards.keys()));
    }

    @Test
    void everyPinAtFullTriesAndTheDatesWithoutAVerifyWithData() throws Exception {
        try (OnReader card = insert(fine())) {
            CheckUp result = checkUp.checkUp(FIRST_READER);
            assertThat(result.pins()).allMatch(PinTries::full).hasSize(4);
            assertThat(result.authCertificate()).map(CertificateValidity::status).contains(ValidityStatus.FINE);
            assertThat(result.card()).map(c -> c.expiry()).contains(LocalDate.of(2035, 2, 17));
            assertThat(card.verifiesWithData()).isEmpty();
            assertThat(card.log).hasSize(result.apdus());
        }
    }

    @Test
    void aLockedAuthPinAndATextPinAtOneTry() throws Exception {
        try (OnReader card = insert(fine().withAuthPinTriesLeft(0).withTextPinTriesLeft(1))) {
            CheckUp result = checkUp.checkUp(FIRST_READER);
            assertThat(result.pin(PinKind.AUTH_PIN).orElseThrow().locked()).isTrue();
            assertThat(result.pin(PinKind.TEXT_PIN).orElseThrow().triesLeft()).isEqualTo(1);
            assertThat(card.verifiesWithData()).isEmpty();
        }
    }

    @Test
    void anExpiredCertificateAndOneInItsRenewalWindow() throws Exception {
        try (OnReader card = insert(TestCards.kokutou()
                .withAuthCertificate(LocalDate.of(2021, 6, 1), LocalDate.of(2026, 6, 1)))) {
            assertThat(checkUp.checkUp(FIRST_READER).authCertificate()).map(CertificateValidity::status)
                    .contains(ValidityStatus.EXPIRED);
            assertThat(card.verifiesWithData()).isEmpty();
        }
        try (OnReader card = insert(TestCards.kokutou()
                .withAuthCertificate(LocalDate.of(2022, 2, 10), LocalDate.of(2027, 2, 10)))) {
            CertificateValidity certificate = checkUp.checkUp(FIRST_READER).authCertificate().orElseThrow();
            assertThat(certificate.status()).isEqualTo(ValidityStatus.RENEWAL_WINDOW);
            assertThat(certificate.renewalOpens()).isEqualTo(LocalDate.of(2026, 11, 10));
            assertThat(card.verifiesWithData()).isEmpty();
        }
    }

    @Test
    void aCorruptCommonRecordIsCorruptData() throws Exception {
        try (OnReader card = insert(fine().withCorruptCommonRecord())) {
            assertThatThrownBy(() -> checkUp.checkUp(FIRST_READER)).isInstanceOfSatisfying(CardIoException.class,
                    e -> assertThat(e.error()).isEqualTo(CardIoError.CORRUPT_DATA));
            assertThat(card.verifiesWithData()).isEmpty();
        }
    }

    @Test
    void aCardPulledMidCheckUpIsCardRemoved() throws Exception {
        try (OnReader card = insert(fine())) {
            card.vpcd.leaveAfter(9); // gone in the middle of the JPKI AP
            assertThatThrownBy(() -> checkUp.checkUp(FIRST_READER)).isInstanceOfSatisfying(CardIoException.class,
                    e -> assertThat(e.error()).isEqualTo(CardIoError.CARD_REMOVED));
            assertThat(card.verifiesWithData()).isEmpty();
        }
    }

    @Test
    void aCardThatIsNoMyNumberCardIsNamed() throws Exception {
        try (OnReader card = new OnReader(new CardModel())) {
            CheckUp result = checkUp.checkUp(FIRST_READER);
            assertThat(result.cardType().kind()).isEqualTo(CardType.Kind.UNKNOWN);
            assertThat(result.pins()).isEmpty();
            assertThat(card.log).noneMatch(c -> c.startsWith("0020"));
        }
    }

    @Test
    void theSelfTestSendsOneVerifyWhenAllowedAndNoneWhenNot() throws Exception {
        try (OnReader card = insert(fine().withTextPinTriesLeft(2))) {
            SelfTestResult result = checkUp.selfTest(FIRST_READER, PinKind.AUTH_PIN, TestCards.AUTH_PIN.toCharArray());
            assertThat(result.correct()).isTrue();
            assertThat(card.verifiesWithData()).hasSize(1);
            assertThatThrownBy(() -> checkUp.selfTest(FIRST_READER, PinKind.TEXT_PIN, TestCards.PIN.toCharArray()))
                    .isInstanceOfSatisfying(CardIoException.class,
                            e -> assertThat(e.error()).isEqualTo(CardIoError.SELF_TEST_REFUSED));
            assertThat(card.verifiesWithData()).hasSize(1);
        }
    }

    @Test
    void aPhoneIsNamedByItsTokenLabelAndNothingElseIsAsked() throws Exception {
        for (CardType.Platform platform : CardType.Platform.values()) {
            try (OnReader phone = new OnReader(SmartphoneModel.of(platform, TestCards.keys()))) {
                CheckUp result = checkUp.checkUp(FIRST_READER);
                assertThat(result.cardType()).isEqualTo(new CardType.Smartphone(platform));
                assertThat(result.pins()).isEmpty();
                assertThat(result.authCertificate()).isEmpty();
                // no VERIFY at all (the phone's PINs are not the card's and its tries are not asked); the
                // certificate, which needs the PIN first on a phone, is never selected
                assertThat(phone.log).noneMatch(c -> c.startsWith("0020"))
                        .noneMatch(c -> c.startsWith("00A4020C02000A")).hasSize(result.apdus());
                assertThat(result.apdus()).isEqualTo(5);
            }
        }
    }
}
