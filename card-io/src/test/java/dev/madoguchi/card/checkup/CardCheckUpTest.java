package dev.madoguchi.card.checkup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.mynumber.FirstGenerationProfile;
import dev.madoguchi.card.mynumber.PinKind;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.simulated.MyNumberCardContent;
import dev.madoguchi.card.simulated.ResidenceCardContent;
import dev.madoguchi.card.simulated.SimulatedCard;
import dev.madoguchi.card.simulated.TestCards;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The volunteer's check-up and the resident's self-test through the simulated reader, with the APDU log checked. */
class CardCheckUpTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** A card whose certificate is fine on {@link #TODAY} (valid 2024-02-17 through 2029-02-17). */
    static MyNumberCardContent fine() {
        return TestCards.kokutou().withAuthCertificate(LocalDate.of(2024, 2, 17), LocalDate.of(2029, 2, 17));
    }

    private static LoggedReaders reader(MyNumberCardContent content) {
        return new LoggedReaders(new SimulatedCard("c1", "test card", content));
    }

    private static CardCheckUp checkUp(LoggedReaders readers) {
        return new CardCheckUp(readers, List.of(new FirstGenerationProfile()),
                Clock.fixed(TODAY.atTime(10, 0).atZone(TOKYO).toInstant(), TOKYO));
    }

    @Test
    void aCardWithEveryPinAtFullTriesReadsAllFourAndTheDatesWithoutAnyVerifyWithData() throws Exception {
        LoggedReaders readers = reader(fine());
        CheckUp result = checkUp(readers).checkUp(null);
        assertThat(result.cardType()).isInstanceOf(CardType.MyNumberCard.class);
        assertThat(result.myNumberCard()).isTrue();
        assertThat(result.checkedOn()).isEqualTo(TODAY);
        assertThat(result.pins()).containsExactly(new PinTries(PinKind.TEXT_PIN, 3, 3),
                new PinTries(PinKind.AUTH_PIN, 3, 3), new PinTries(PinKind.SIGN_PASSWORD, 5, 5),
                new PinTries(PinKind.RESIDENT_REGISTRY_PIN, 3, 3));
        assertThat(result.pins()).allMatch(PinTries::full);
        assertThat(result.authCertificate()).contains(new CertificateValidity(LocalDate.of(2024, 2, 17),
                LocalDate.of(2029, 2, 17), ValidityStatus.FINE, LocalDate.of(2028, 11, 17)));
        assertThat(result.card()).contains(new CardValidity(LocalDate.of(2035, 2, 17), ValidityStatus.FINE,
                LocalDate.of(2034, 11, 17)));
        assertThat(readers.verifiesWithData()).isEmpty();
        assertThat(readers.log).contains("00200080");
        assertThat(result.apdus()).isEqualTo(readers.log.size());
        assertThat(readers.resets).isZero();
    }

    @Test
    void theCheckUpHoldsNothingPersonal() throws Exception {
        CheckUp result = checkUp(reader(fine())).checkUp(null);
        String shown = result.toString();
        assertThat(shown).doesNotContain(TestCards.MY_NUMBER, "400000012719843", "13221", "黒桐", "1980",
                TestCards.PIN, TestCards.AUTH_PIN);
        for (var component : CheckUp.class.getRecordComponents()) {
            assertThat(component.getName()).doesNotContainIgnoringCase("serial").doesNotContainIgnoringCase("name");
        }
    }

    @Test
    void aLockedAuthPinIsReportedAsZeroOfThree() throws Exception {
        LoggedReaders readers = reader(fine().withAuthPinTriesLeft(0));
        CheckUp result = checkUp(readers).checkUp(null);
        assertThat(result.pin(PinKind.AUTH_PIN)).contains(new PinTries(PinKind.AUTH_PIN, 0, 3));
        assertThat(result.pin(PinKind.AUTH_PIN).orElseThrow().locked()).isTrue();
        assertThat(result.pin(PinKind.SIGN_PASSWORD).orElseThrow().full()).isTrue();
        assertThat(readers.verifiesWithData()).isEmpty();
    }

    @Test
    void aTextPinAtOneTryIsReportedAndNotFull() throws Exception {
        LoggedReaders readers = reader(fine().withTextPinTriesLeft(1));
        CheckUp result = checkUp(readers).checkUp(null);
        PinTries text = result.pin(PinKind.TEXT_PIN).orElseThrow();
        assertThat(text.triesLeft()).isEqualTo(1);
        assertThat(text.full()).isFalse();
        assertThat(text.locked()).isFalse();
        assertThat(readers.verifiesWithData()).isEmpty();
    }

    @Test
    void aLockedResidentRegistryPinIsReadFromTheJukiAp() throws Exception {
        LoggedReaders readers = reader(fine().withResidentRegistryPinTriesLeft(0));
        CheckUp result = checkUp(readers).checkUp(null);
        assertThat(result.pin(PinKind.RESIDENT_REGISTRY_PIN).orElseThrow().locked()).isTrue();
        assertThat(readers.log).contains("00A4040C0AD3921000310001010401", "00A4020C02001C");
    }

    @Test
    void anExpiredCertificateIsExpired() throws Exception {
        LoggedReaders readers = reader(TestCards.kokutou()
                .withAuthCertificate(LocalDate.of(2021, 6, 1), LocalDate.of(2026, 6, 1)));
        CheckUp result = checkUp(readers).checkUp(null);
        assertThat(result.authCertificate()).map(CertificateValidity::status).contains(ValidityStatus.EXPIRED);
        assertThat(result.authCertificate()).map(CertificateValidity::validUntil).contains(LocalDate.of(2026, 6, 1));
        assertThat(readers.verifiesWithData()).isEmpty();
    }

    @Test
    void aCertificateInItsLastThreeMonthsIsInTheRenewalWindow() throws Exception {
        CheckUp result = checkUp(reader(TestCards.kokutou()
                .withAuthCertificate(LocalDate.of(2022, 2, 10), LocalDate.of(2027, 2, 10)))).checkUp(null);
        CertificateValidity certificate = result.authCertificate().orElseThrow();
        assertThat(certificate.status()).isEqualTo(ValidityStatus.RENEWAL_WINDOW);
        assertThat(certificate.renewalOpens()).isEqualTo(LocalDate.of(2026, 11, 10));
    }

    @Test
    void aCardWithoutACertificateSaysSoInsteadOfMakingOneUp() throws Exception {
        CheckUp result = checkUp(reader(TestCards.kokutou())).checkUp(null);
        assertThat(result.authCertificate()).isEmpty();
        assertThat(result.card()).isPresent();
    }

    @Test
    void aCorruptCommonRecordIsATypedError() {
        LoggedReaders readers = reader(fine().withCorruptCommonRecord());
        assertThatThrownBy(() -> checkUp(readers).checkUp(null))
                .isInstanceOfSatisfying(CardIoException.class,
                        e -> assertThat(e.error()).isEqualTo(CardIoError.CORRUPT_DATA));
        assertThat(readers.verifiesWithData()).isEmpty();
    }

    @Test
    void aCardPulledMidCheckUpIsATypedErrorAtEveryStep() throws Exception {
        int total = checkUp(reader(fine())).checkUp(null).apdus();
        for (int after = 1; after < total; after++) {
            LoggedReaders readers = reader(fine());
            readers.removeAfter = after;
            assertThatThrownBy(() -> checkUp(readers).checkUp(null)).as("removed after %d", after)
                    .isInstanceOfSatisfying(CardIoException.class,
                            e -> assertThat(e.error()).isEqualTo(CardIoError.CARD_REMOVED));
            assertThat(readers.verifiesWithData()).isEmpty();
        }
    }

    @Test
    void aCardWithoutAChipThisProgramReadsIsNamedUnknown() throws Exception {
        LoggedReaders readers = new LoggedReaders(new SimulatedCard("transit", "a transit card"));
        CheckUp result = checkUp(readers).checkUp(null);
        assertThat(result.cardType().kind()).isEqualTo(CardType.Kind.UNKNOWN);
        assertThat(result.myNumberCard()).isFalse();
        assertThat(result.pins()).isEmpty();
        assertThat(result.authCertificate()).isEmpty();
        assertThat(result.card()).isEmpty();
        assertThat(readers.log).noneMatch(c -> c.startsWith("0020"));
    }

    private static SimulatedCard demo(String id) {
        return dev.madoguchi.card.simulated.VolunteerDemoCards.deck(TODAY).stream().filter(c -> c.id().equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void theDemoDecksPhonesAreNamedAsPhonesWithoutAVerifyOrACertificateRead() throws Exception {
        // a phone serves the JPKI AP only and names itself by its token label (docs/volunteer.md §8); its certificate
        // needs the PIN first on a phone, so nothing but the label is read, and its PINs' tries are not asked
        LoggedReaders android = new LoggedReaders(demo(dev.madoguchi.card.simulated.VolunteerDemoCards.SMARTPHONE));
        CheckUp result = checkUp(android).checkUp(null);
        assertThat(result.cardType()).isEqualTo(new CardType.Smartphone(CardType.Platform.ANDROID));
        assertThat(result.cardType().kind()).isEqualTo(CardType.Kind.SMARTPHONE);
        assertThat(result.myNumberCard()).isFalse();
        assertThat(result.pins()).isEmpty();
        assertThat(result.authCertificate()).isEmpty();
        assertThat(result.card()).isEmpty();
        assertThat(result.apdus()).isEqualTo(5);
        assertThat(android.log).noneMatch(c -> c.startsWith("0020")) // no VERIFY, not even a query
                .noneMatch(c -> c.startsWith("00A4020C02000A")) // the certificate is not selected
                .contains("00A4020C020006");
        LoggedReaders iphone = new LoggedReaders(demo(dev.madoguchi.card.simulated.VolunteerDemoCards.IPHONE));
        CheckUp onIphone = checkUp(iphone).checkUp(null);
        assertThat(onIphone.cardType()).isEqualTo(new CardType.Smartphone(CardType.Platform.IPHONE));
        assertThat(onIphone.pins()).isEmpty();
        assertThat(iphone.log).noneMatch(c -> c.startsWith("0020"));
    }

    @Test
    void aDeviceThatAnswersNothingStaysUnknownInFourCommands() throws Exception {
        LoggedReaders readers = new LoggedReaders(
                demo(dev.madoguchi.card.simulated.VolunteerDemoCards.NOT_A_MY_NUMBER_CARD));
        CheckUp result = checkUp(readers).checkUp(null);
        assertThat(result.cardType().kind()).isEqualTo(CardType.Kind.UNKNOWN);
        assertThat(result.apdus()).isEqualTo(4); // the detector's 3, then the profile's SELECT
        assertThat(readers.log).noneMatch(c -> c.startsWith("0020"));
    }

    @Test
    void anOldJukiCardIsNamedAndNothingElseIsAsked() throws Exception {
        dev.madoguchi.card.simulated.CardModel juki = new dev.madoguchi.card.simulated.CardModel();
        byte[] label = java.util.Arrays.copyOf("JPKIAPICCTOKEN                  ".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII), 160);
        juki.application(FirstGenerationProfile.JPKI_AP).file(0x0006, label)
                .pin(0x0018, "1234".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 3, 3);
        CheckUp result = checkUp(null).checkUpOn(juki);
        assertThat(result.cardType()).isEqualTo(new CardType.JukiCard());
        assertThat(result.pins()).isEmpty();
        assertThat(result.apdus()).isEqualTo(5);
    }

    @Test
    void aResidenceCardGivesOnlyItsType() throws Exception {
        LoggedReaders readers = new LoggedReaders(new SimulatedCard("rc", "residence card",
                ResidenceCardContent.demoSecondGeneration("XY00000001ZZ")));
        CheckUp result = checkUp(readers).checkUp(null);
        assertThat(result.cardType().kind()).isEqualTo(CardType.Kind.RESIDENCE_CARD);
        assertThat(result.pins()).isEmpty();
        assertThat(result.apdus()).isEqualTo(2);
        assertThat(readers.log).noneMatch(c -> c.startsWith("0020"));
    }

    @Test
    void aLaterGenerationThatTheDetectorDoesNotKnowIsRecognisedByItsProfile() throws Exception {
        byte[] nextAp = dev.madoguchi.card.apdu.Commands.hex("D3921000310001019999"); // a made-up AID
        dev.madoguchi.card.simulated.CardModel model = new dev.madoguchi.card.simulated.CardModel();
        model.application(nextAp).pin(0x0011, "1234".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 3, 2);
        dev.madoguchi.card.mynumber.CardProfile next = new dev.madoguchi.card.mynumber.CardProfile() {
            @Override
            public String name() {
                return "next generation (test)";
            }

            @Override
            public boolean detect(dev.madoguchi.card.reader.ApduChannel card) throws CardIoException {
                return card.transmit(dev.madoguchi.card.apdu.Commands.selectDf(nextAp)).ok();
            }

            @Override
            public dev.madoguchi.card.mynumber.PinStatus textKeyStatus(dev.madoguchi.card.reader.ApduChannel card,
                    TextCredentialKind kind) {
                throw new UnsupportedOperationException();
            }

            @Override
            public dev.madoguchi.card.mynumber.TextRead readText(dev.madoguchi.card.reader.CardConnection card,
                    dev.madoguchi.card.mynumber.TextCredential credential,
                    dev.madoguchi.card.mynumber.ReadOptions options) {
                throw new UnsupportedOperationException();
            }

            @Override
            public dev.madoguchi.card.mynumber.CardHealth health(dev.madoguchi.card.reader.ApduChannel card)
                    throws CardIoException {
                card.transmit(dev.madoguchi.card.apdu.Commands.selectEf(0x0011));
                int sw = card.transmit(dev.madoguchi.card.apdu.Commands.verifyQuery()).sw();
                return new dev.madoguchi.card.mynumber.CardHealth(new dev.madoguchi.card.mynumber.PinStatus(sw & 0x0F),
                        java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.empty(), java.util.Optional.empty());
            }

            @Override
            public java.util.Optional<dev.madoguchi.card.mynumber.PinStatus> pinStatus(
                    dev.madoguchi.card.reader.ApduChannel card, PinKind kind) {
                return java.util.Optional.empty();
            }

            @Override
            public void verifyPin(dev.madoguchi.card.reader.ApduChannel card, PinKind kind, byte[] ascii) {
                throw new UnsupportedOperationException();
            }
        };
        CardCheckUp service = new CardCheckUp(null, List.of(next, new FirstGenerationProfile()),
                Clock.fixed(TODAY.atTime(10, 0).atZone(TOKYO).toInstant(), TOKYO));
        CheckUp result = service.checkUpOn(model);
        assertThat(result.cardType().kind()).isEqualTo(CardType.Kind.MY_NUMBER_CARD);
        assertThat(result.pins()).containsExactly(new PinTries(PinKind.TEXT_PIN, 2, 3));
        assertThat(result.authCertificate()).isEmpty();
    }

    @Test
    void validityStatusBoundaries() {
        LocalDate until = LocalDate.of(2027, 2, 10);
        assertThat(ValidityStatus.of(until, LocalDate.of(2026, 11, 9))).isEqualTo(ValidityStatus.FINE);
        assertThat(ValidityStatus.of(until, LocalDate.of(2026, 11, 10))).isEqualTo(ValidityStatus.RENEWAL_WINDOW);
        assertThat(ValidityStatus.of(until, until)).isEqualTo(ValidityStatus.RENEWAL_WINDOW);
        assertThat(ValidityStatus.of(until, until.plusDays(1))).isEqualTo(ValidityStatus.EXPIRED);
        assertThat(ValidityStatus.renewalOpens(LocalDate.of(2027, 5, 31))).isEqualTo(LocalDate.of(2027, 2, 28));
    }
}
