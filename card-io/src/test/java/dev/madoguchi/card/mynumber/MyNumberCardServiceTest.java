package dev.madoguchi.card.mynumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.card.apdu.Response;
import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import dev.madoguchi.card.simulated.CardModel;
import dev.madoguchi.card.simulated.MyNumberCardContent;
import dev.madoguchi.card.simulated.MyNumberCardModel;
import dev.madoguchi.card.simulated.SimulatedCard;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.card.simulated.TestCards;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The protocol against the in-process card model, through a reader that records every command. */
class MyNumberCardServiceTest {

    private static final TextCredential PIN = new TextCredential.Pin(TestCards.PIN);
    private static final TextCredential COLLATION_B =
            TextCredential.CollationNumberB.of(LocalDate.of(1980, 2, 17), 2035, TestCards.SECURITY_CODE);

    /** One reader holding one card model; records commands, exclusive sections and resets. */
    static final class RecordingReader implements CardReaders {
        final CardModel card;
        final List<String> log = new ArrayList<>();
        int removeAfter = Integer.MAX_VALUE;

        RecordingReader(CardModel card) {
            this.card = card;
        }

        @Override
        public ReaderSource source() {
            return ReaderSource.SIMULATED;
        }

        @Override
        public ReaderSnapshot snapshot() {
            return new ReaderSnapshot(ReaderSource.SIMULATED, List.of(new ReaderSnapshot.Reader("R", true)));
        }

        @Override
        public CardConnection connect(String readerName) {
            card.reset();
            log.add("connect");
            return new CardConnection() {
                boolean reset;
                int sent;

                @Override
                public String readerName() {
                    return "R";
                }

                @Override
                public Response transmit(byte[] command) throws CardIoException {
                    if (sent++ >= removeAfter) {
                        throw new CardIoException(CardIoError.CARD_REMOVED, "taken away");
                    }
                    log.add(hex(command));
                    return card.transmit(command);
                }

                @Override
                public void beginExclusive() {
                    log.add("begin");
                }

                @Override
                public void endExclusive() {
                    log.add("end");
                }

                @Override
                public void resetWhenClosed() {
                    reset = true;
                }

                @Override
                public void close() {
                    log.add(reset ? "disconnect(reset)" : "disconnect");
                    if (reset) {
                        card.reset();
                    }
                }
            };
        }

        List<String> verifiesWithData() {
            return log.stream().filter(s -> s.startsWith("00200080") && s.length() > 8).toList();
        }
    }

    private static RecordingReader reader(MyNumberCardContent content) {
        return new RecordingReader(MyNumberCardModel.of(content, TestCards.keys()));
    }

    @Test
    void readsBasicFourWithThePinAndExactStrings() throws Exception {
        RecordingReader reader = reader(TestCards.kokutou());
        TextRead read = new MyNumberCardService(reader).read(null, PIN, ReadOptions.basicFour());
        assertThat(read.basicFour().name()).isEqualTo("黒桐\u3000幹也");
        assertThat(read.basicFour().address()).isEqualTo("東京都清瀬市観布子南１２－７－２０２");
        assertThat(read.basicFour().birthDate()).isEqualTo(LocalDate.of(1980, 2, 17));
        assertThat(read.basicFour().sexCode()).isEqualTo("1");
        assertThat(read.myNumber()).isEmpty();
        assertThat(read.genuineness().basicFourHash()).isEqualTo(Check.PASSED);
        assertThat(read.genuineness().issuerSignature()).isEqualTo(Check.NOT_CHECKED);
    }

    @Test
    void readsBasicFourWithCollationNumberB() throws Exception {
        TextRead read = new MyNumberCardService(reader(TestCards.kokutou())).read(null, COLLATION_B, ReadOptions.minimal());
        assertThat(read.basicFour().name()).isEqualTo("黒桐\u3000幹也");
    }

    @Test
    void readsTheMyNumberOnlyWhenAskedAndChecksItsDigit() throws Exception {
        RecordingReader reader = reader(TestCards.kokutou());
        TextRead without = new MyNumberCardService(reader).read(null, PIN, ReadOptions.minimal());
        assertThat(without.myNumber()).isEmpty();
        assertThat(reader.log).noneMatch(c -> c.startsWith("00B081"));
        TextRead with = new MyNumberCardService(reader).read(null, PIN, new ReadOptions(true, true, false));
        assertThat(with.myNumber()).map(MyNumberRead::digits).contains(TestCards.MY_NUMBER);
        assertThat(with.myNumber()).map(MyNumberRead::checkDigitValid).contains(true);
        assertThat(with.genuineness().myNumberHash()).isEqualTo(Check.PASSED);
    }

    @Test
    void theMinimalReadTakesFiveCommandsAndNoFileSelect() throws Exception {
        RecordingReader reader = reader(TestCards.kokutou());
        TextRead read = new MyNumberCardService(reader).read(null, PIN, ReadOptions.minimal());
        assertThat(read.commands()).isEqualTo(5);
        assertThat(reader.log).containsExactly("connect", "begin",
                "00A4040C0AD3921000310001010408", "00A4020C020011", "00200080", "002000800431323334", "00B0820000",
                "end", "disconnect(reset)");
    }

    @Test
    void theIntegrityCheckAddsTwoReadsAndTheMyNumberOne() throws Exception {
        MyNumberCardService service = new MyNumberCardService(reader(TestCards.kokutou()));
        assertThat(service.read(null, PIN, ReadOptions.basicFour()).commands()).isEqualTo(7);
        assertThat(service.read(null, PIN, new ReadOptions(true, true, false)).commands()).isEqualTo(8);
    }

    @Test
    void queriesTriesLeftBeforeVerifyingAndResetsAfterPinWork() throws Exception {
        RecordingReader reader = reader(TestCards.kokutou());
        new MyNumberCardService(reader).read(null, PIN, ReadOptions.basicFour());
        int query = reader.log.indexOf("00200080");
        int verify = reader.log.indexOf("002000800431323334");
        assertThat(query).isPositive().isLessThan(verify);
        assertThat(reader.log.indexOf("begin")).isLessThan(query);
        assertThat(reader.log.indexOf("end")).isGreaterThan(verify);
        assertThat(reader.log).last().isEqualTo("disconnect(reset)");
    }

    @Test
    void triesLeftAreReportedWithoutConsumingOne() throws Exception {
        RecordingReader reader = reader(TestCards.kokutou());
        MyNumberCardService service = new MyNumberCardService(reader);
        assertThat(service.triesLeft(null, CardProfile.TextCredentialKind.PIN).triesLeft()).isEqualTo(3);
        assertThat(service.triesLeft(null, CardProfile.TextCredentialKind.PIN).triesLeft()).isEqualTo(3);
        assertThat(reader.verifiesWithData()).isEmpty();
    }

    @Test
    void aWrongPinDecrementsExactlyOneTryAndIsReportedWithTheTriesLeft() throws Exception {
        RecordingReader reader = reader(TestCards.kokutou());
        MyNumberCardService service = new MyNumberCardService(reader);
        assertThatThrownBy(() -> service.read(null, new TextCredential.Pin("9999"), ReadOptions.minimal()))
                .isInstanceOfSatisfying(CardIoException.class, e -> {
                    assertThat(e.error()).isEqualTo(CardIoError.WRONG_PIN);
                    assertThat(e.triesLeft()).hasValue(2);
                    assertThat(e.getMessage()).doesNotContain("9999");
                });
        assertThat(reader.verifiesWithData()).hasSize(1);
        assertThat(service.triesLeft(null, CardProfile.TextCredentialKind.PIN).triesLeft()).isEqualTo(2);
    }

    @Test
    void theLastWrongPinReportsTheBlock() throws Exception {
        MyNumberCardService service = new MyNumberCardService(reader(TestCards.kokutou().withTextPinTriesLeft(1)));
        assertThatThrownBy(() -> service.read(null, new TextCredential.Pin("9999"), ReadOptions.minimal()))
                .isInstanceOfSatisfying(CardIoException.class, e -> {
                    assertThat(e.error()).isEqualTo(CardIoError.PIN_BLOCKED);
                    assertThat(e.triesLeft()).hasValue(0);
                });
    }

    @Test
    void aBlockedPinIsReportedWithoutSendingTheCredential() {
        RecordingReader reader = reader(TestCards.kokutou().withTextPinTriesLeft(0));
        assertThatThrownBy(() -> new MyNumberCardService(reader).read(null, PIN, ReadOptions.minimal()))
                .isInstanceOfSatisfying(CardIoException.class,
                        e -> assertThat(e.error()).isEqualTo(CardIoError.PIN_BLOCKED));
        assertThat(reader.verifiesWithData()).isEmpty();
        assertThat(reader.log).contains("00200080", "end");
    }

    @Test
    void aCardWithoutTheTextApIsNotAMyNumberCard() {
        RecordingReader reader = new RecordingReader(new CardModel());
        assertThatThrownBy(() -> new MyNumberCardService(reader).read(null, PIN, ReadOptions.minimal()))
                .isInstanceOfSatisfying(CardIoException.class,
                        e -> assertThat(e.error()).isEqualTo(CardIoError.NOT_MY_NUMBER_CARD));
        assertThat(reader.log).contains("end", "disconnect");
    }

    @Test
    void aCardTakenAwayMidReadIsReportedAsRemovedAndTheSessionEnds() {
        RecordingReader reader = reader(TestCards.kokutou());
        reader.removeAfter = 5;
        assertThatThrownBy(() -> new MyNumberCardService(reader).read(null, PIN, ReadOptions.basicFour()))
                .isInstanceOfSatisfying(CardIoException.class,
                        e -> assertThat(e.error()).isEqualTo(CardIoError.CARD_REMOVED));
        assertThat(reader.log).endsWith("end", "disconnect(reset)");
    }

    @Test
    void garbledTextOnTheCardIsCorruptData() {
        RecordingReader reader = reader(TestCards.kokutou());
        reader.card.replaceFile(FirstGenerationProfile.TEXT_AP, 0x0002,
                dev.madoguchi.card.apdu.Commands.hex("FF2010DF2108000E0020005900"));
        assertThatThrownBy(() -> new MyNumberCardService(reader).read(null, PIN, ReadOptions.minimal()))
                .isInstanceOfSatisfying(CardIoException.class,
                        e -> assertThat(e.error()).isEqualTo(CardIoError.CORRUPT_DATA));
    }

    @Test
    void aCardWithTheTextApButNoPinKeyIsUnsupported() {
        CardModel odd = new CardModel();
        odd.application(FirstGenerationProfile.TEXT_AP).file(0x0002, new byte[] {0x00});
        assertThatThrownBy(() -> new MyNumberCardService(new RecordingReader(odd)).read(null, PIN, ReadOptions.minimal()))
                .isInstanceOfSatisfying(CardIoException.class,
                        e -> assertThat(e.error()).isEqualTo(CardIoError.UNSUPPORTED_CARD));
    }

    @Test
    void anUnknownReaderNameIsNoReader() {
        SimulatedCardReaders readers = new SimulatedCardReaders(
                List.of(new SimulatedCard("r1", "demo", TestCards.kokutou())), TestCards::keys);
        readers.place("r1");
        assertThatThrownBy(() -> new MyNumberCardService(readers).check("No Such Reader"))
                .isInstanceOfSatisfying(CardIoException.class,
                        e -> assertThat(e.error()).isEqualTo(CardIoError.NO_READER));
    }

    @Test
    void tamperedTextIsDetectedByTheIntegrityRecord() throws Exception {
        RecordingReader reader = reader(TestCards.kokutou());
        MyNumberCardContent forged = new MyNumberCardContent(
                new dev.madoguchi.card.mynumber.BasicFour("黒桐\u3000幹也", "東京都清瀬市観布子南１２－７－２０３",
                        LocalDate.of(1980, 2, 17), "1"), TestCards.MY_NUMBER, LocalDate.of(2035, 2, 17), "2285", "1234",
                "5678", null, 3, 3, 5, "13221", "400000012719843");
        reader.card.replaceFile(FirstGenerationProfile.TEXT_AP, 0x0002,
                BasicFourFile.encode(forged.basicFour()));
        TextRead read = new MyNumberCardService(reader).read(null, PIN, ReadOptions.basicFour());
        assertThat(read.genuineness().basicFourHash()).isEqualTo(Check.FAILED);
        assertThat(read.genuineness().anyFailed()).isTrue();
    }

    @Test
    void thePinLessChallengeIsVerifiedWithTheApKey() throws Exception {
        TextRead read = new MyNumberCardService(reader(TestCards.kokutou()))
                .read(null, PIN, new ReadOptions(false, true, true));
        assertThat(read.genuineness().challenge()).isEqualTo(Check.PASSED);
    }

    @Test
    void aCardAnsweringWithAnotherKeyFailsTheChallenge() throws Exception {
        RecordingReader reader = reader(TestCards.kokutou());
        // a card that holds a different key than the one EF 0007 publishes
        CardModel other = MyNumberCardModel.of(TestCards.kokutou(), dev.madoguchi.card.simulated.CardKeys.generate());
        byte[] otherKeyFile = readApKeyFile(other);
        reader.card.replaceFile(FirstGenerationProfile.TEXT_AP, 0x0007, otherKeyFile);
        TextRead read = new MyNumberCardService(reader).read(null, PIN, new ReadOptions(false, false, true));
        assertThat(read.genuineness().challenge()).isEqualTo(Check.FAILED);
    }

    @Test
    void theHealthCheckReadsTriesExpiryAndMunicipalityWithoutAnyPin() throws Exception {
        RecordingReader reader = reader(TestCards.kokutou());
        CardHealth health = new MyNumberCardService(reader).check(null);
        assertThat(health.textPin().triesLeft()).isEqualTo(3);
        assertThat(health.authPin()).map(PinStatus::triesLeft).contains(3);
        assertThat(health.signPassword()).map(PinStatus::triesLeft).contains(5);
        assertThat(health.cardInfo()).map(CardInfo::municipalityCode).contains("13221");
        assertThat(health.cardInfo()).map(CardInfo::expiry).contains(LocalDate.of(2035, 2, 17));
        assertThat(health.authCertificateValidUntil()).isEqualTo(Optional.empty());
        assertThat(reader.verifiesWithData()).isEmpty();
    }

    @Test
    void theSimulatedReaderReadsADemoCardAndKeepsItsCounters() throws Exception {
        SimulatedCardReaders readers = new SimulatedCardReaders(
                List.of(new SimulatedCard("r1", "demo", TestCards.kokutou())), TestCards::keys);
        readers.place("r1");
        MyNumberCardService service = new MyNumberCardService(readers);
        assertThatThrownBy(() -> service.read(null, new TextCredential.Pin("0000"), ReadOptions.minimal()))
                .isInstanceOf(CardIoException.class);
        readers.remove();
        readers.place("r1");
        assertThat(service.triesLeft(null, CardProfile.TextCredentialKind.PIN).triesLeft()).isEqualTo(2);
        assertThat(service.read(null, PIN, ReadOptions.basicFour()).basicFour().sexCode()).isEqualTo("1");
        readers.remove();
        assertThatThrownBy(() -> service.check(null)).isInstanceOfSatisfying(CardIoException.class,
                e -> assertThat(e.error()).isEqualTo(CardIoError.NO_CARD));
    }

    private static byte[] readApKeyFile(CardModel card) throws CardIoException {
        card.transmit(dev.madoguchi.card.apdu.Commands.selectDf(FirstGenerationProfile.TEXT_AP));
        card.transmit(dev.madoguchi.card.apdu.Commands.selectEf(0x0011));
        card.transmit(dev.madoguchi.card.apdu.Commands.verify("1234".getBytes()));
        return FirstGenerationProfile.readFile(card, 0x07);
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02X", x));
        }
        return s.toString();
    }
}
