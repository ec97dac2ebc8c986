package dev.madoguchi.card.pcsc;

import static dev.madoguchi.card.pcsc.PcscTestSupport.FIRST_READER;
import static dev.madoguchi.card.pcsc.PcscTestSupport.MY_NUMBER_CARD_ATR;
import static dev.madoguchi.card.pcsc.PcscTestSupport.SECOND_READER;
import static dev.madoguchi.card.pcsc.PcscTestSupport.SECOND_READER_PORT;
import static dev.madoguchi.card.pcsc.PcscTestSupport.awaitCard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.card.mynumber.BasicFour;
import dev.madoguchi.card.mynumber.CardProfile;
import dev.madoguchi.card.mynumber.Check;
import dev.madoguchi.card.mynumber.MyNumberCardService;
import dev.madoguchi.card.mynumber.MyNumberRead;
import dev.madoguchi.card.mynumber.ReadOptions;
import dev.madoguchi.card.mynumber.TextCredential;
import dev.madoguchi.card.mynumber.TextRead;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.simulated.CardModel;
import dev.madoguchi.card.simulated.MyNumberCardContent;
import dev.madoguchi.card.simulated.MyNumberCardModel;
import dev.madoguchi.card.simulated.TestCards;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The My Number Card read through the real stack: jnasmartcardio → libpcsclite → pcscd → vpcd → {@link CardModel}
 * behind a {@link VpcdVirtualCard}.
 */
class MyNumberCardThroughPcscdTest {

    private final PcscCardReaders readers = PcscCardReaders.system();
    private final MyNumberCardService service = new MyNumberCardService(readers);

    @BeforeAll
    static void requirePcscd() {
        PcscTestSupport.requirePcscd();
    }

    /** A card model on a vpcd reader, with every command it received. */
    private static final class VirtualMyNumberCard implements AutoCloseable {
        final CardModel model;
        final List<String> commands = new CopyOnWriteArrayList<>();
        final VpcdVirtualCard vpcd;

        VirtualMyNumberCard(int port, MyNumberCardContent content) throws Exception {
            model = MyNumberCardModel.of(content, TestCards.keys());
            vpcd = VpcdVirtualCard.insert(port, MY_NUMBER_CARD_ATR, apdu -> {
                commands.add(hex(apdu));
                return model.process(apdu);
            }, model::reset);
        }

        List<String> verifiesWithData() {
            return commands.stream().filter(c -> c.startsWith("00200080") && c.length() > 8).toList();
        }

        @Override
        public void close() throws Exception {
            vpcd.close();
        }
    }

    private VirtualMyNumberCard insert(int port, String reader, MyNumberCardContent content) throws Exception {
        VirtualMyNumberCard card = new VirtualMyNumberCard(port, content);
        awaitCard(readers, reader, true);
        return card;
    }

    private void remove(VirtualMyNumberCard card, String reader) throws Exception {
        card.close();
        awaitCard(readers, reader, false);
    }

    @Test
    void readsWithThePinThroughPcscd() throws Exception {
        VirtualMyNumberCard card = insert(VpcdVirtualCard.FIRST_READER_PORT, FIRST_READER, TestCards.kokutou());
        try {
            TextRead read = service.read(FIRST_READER, new TextCredential.Pin(TestCards.PIN),
                    new ReadOptions(true, true, true));
            assertThat(read.basicFour().name()).isEqualTo("黒桐\u3000幹也");
            assertThat(read.basicFour().address()).isEqualTo("東京都清瀬市観布子南１２－７－２０２");
            assertThat(read.myNumber()).map(MyNumberRead::digits).contains(TestCards.MY_NUMBER);
            assertThat(read.genuineness().basicFourHash()).isEqualTo(Check.PASSED);
            assertThat(read.genuineness().myNumberHash()).isEqualTo(Check.PASSED);
            assertThat(read.genuineness().challenge()).isEqualTo(Check.PASSED);
        } finally {
            remove(card, FIRST_READER);
        }
    }

    @Test
    void readsWithCollationNumberBThroughPcscd() throws Exception {
        VirtualMyNumberCard card = insert(VpcdVirtualCard.FIRST_READER_PORT, FIRST_READER, TestCards.kokutou());
        try {
            TextRead read = service.read(FIRST_READER,
                    TextCredential.CollationNumberB.of(LocalDate.of(1980, 2, 17), 2035, TestCards.SECURITY_CODE),
                    ReadOptions.basicFour());
            assertThat(read.basicFour().birthDate()).isEqualTo(LocalDate.of(1980, 2, 17));
            assertThat(card.commands).contains("00A4020C020015");
        } finally {
            remove(card, FIRST_READER);
        }
    }

    @Test
    void aWrongPinDecrementsExactlyOneTryAndIsReportedThroughPcscd() throws Exception {
        VirtualMyNumberCard card = insert(VpcdVirtualCard.FIRST_READER_PORT, FIRST_READER, TestCards.kokutou());
        try {
            assertThat(service.triesLeft(FIRST_READER, CardProfile.TextCredentialKind.PIN).triesLeft()).isEqualTo(3);
            assertThatThrownBy(() -> service.read(FIRST_READER, new TextCredential.Pin("0000"), ReadOptions.minimal()))
                    .isInstanceOfSatisfying(CardIoException.class, e -> {
                        assertThat(e.error()).isEqualTo(CardIoError.WRONG_PIN);
                        assertThat(e.triesLeft()).hasValue(2);
                    });
            assertThat(card.verifiesWithData()).hasSize(1);
            assertThat(card.model.triesLeft(dev.madoguchi.card.mynumber.FirstGenerationProfile.TEXT_AP, 0x0011))
                    .isEqualTo(2);
            assertThat(service.triesLeft(FIRST_READER, CardProfile.TextCredentialKind.PIN).triesLeft()).isEqualTo(2);
        } finally {
            remove(card, FIRST_READER);
        }
    }

    @Test
    void aBlockedCardIsReportedWithoutAVerifyWithDataThroughPcscd() throws Exception {
        VirtualMyNumberCard card = insert(VpcdVirtualCard.FIRST_READER_PORT, FIRST_READER,
                TestCards.kokutou().withTextPinTriesLeft(0));
        try {
            assertThatThrownBy(() -> service.read(FIRST_READER, new TextCredential.Pin(TestCards.PIN),
                    ReadOptions.minimal()))
                    .isInstanceOfSatisfying(CardIoException.class,
                            e -> assertThat(e.error()).isEqualTo(CardIoError.PIN_BLOCKED));
            assertThat(card.commands).contains("00200080");
            assertThat(card.verifiesWithData()).isEmpty();
        } finally {
            remove(card, FIRST_READER);
        }
    }

    @Test
    void readsTwoCardsOnTwoReaders() throws Exception {
        MyNumberCardContent second = new MyNumberCardContent(
                new BasicFour("窓口\u3000花子", "架空県窓口市本町１－２－３", LocalDate.of(1990, 5, 1), "2"),
                "123456789018", LocalDate.of(2031, 5, 1), "4321", "2468", "1357", null, 3, 3, 5, "99999",
                "400000000000001");
        VirtualMyNumberCard first = insert(VpcdVirtualCard.FIRST_READER_PORT, FIRST_READER, TestCards.kokutou());
        VirtualMyNumberCard other = insert(SECOND_READER_PORT, SECOND_READER, second);
        try {
            assertThat(service.read(SECOND_READER, new TextCredential.Pin("2468"), ReadOptions.basicFour())
                    .basicFour().name()).isEqualTo("窓口\u3000花子");
            assertThat(service.read(FIRST_READER, new TextCredential.Pin(TestCards.PIN), ReadOptions.basicFour())
                    .basicFour().name()).isEqualTo("黒桐\u3000幹也");
            assertThat(service.check(SECOND_READER).cardInfo().orElseThrow().municipalityCode()).isEqualTo("99999");
        } finally {
            remove(other, SECOND_READER);
            remove(first, FIRST_READER);
        }
    }

    @Test
    void aCardHeldExclusivelyByAnotherProgramIsReportedBusy() throws Exception {
        VirtualMyNumberCard card = insert(VpcdVirtualCard.FIRST_READER_PORT, FIRST_READER, TestCards.kokutou());
        try {
            // another program takes the card exclusively
            javax.smartcardio.CardTerminals terminals = javax.smartcardio.TerminalFactory
                    .getInstance("PC/SC", null, new jnasmartcardio.Smartcardio()).terminals();
            javax.smartcardio.Card other = terminals.getTerminal(FIRST_READER).connect("EXCLUSIVE;*");
            try {
                assertThatThrownBy(() -> service.check(FIRST_READER)).isInstanceOfSatisfying(CardIoException.class,
                        e -> assertThat(e.error()).isEqualTo(CardIoError.CARD_BUSY));
            } finally {
                other.disconnect(false);
                ((jnasmartcardio.Smartcardio.JnaCardTerminals) terminals).close();
            }
            assertThat(service.check(FIRST_READER).textPin().triesLeft()).isEqualTo(3);
        } finally {
            remove(card, FIRST_READER);
        }
    }

    @Test
    void aCardWithoutTheTextApIsNotAMyNumberCardThroughPcscd() throws Exception {
        VpcdVirtualCard card = VpcdVirtualCard.insert(VpcdVirtualCard.FIRST_READER_PORT, MY_NUMBER_CARD_ATR,
                apdu -> new byte[] {0x6A, (byte) 0x82});
        awaitCard(readers, FIRST_READER, true);
        try {
            assertThatThrownBy(() -> service.check(FIRST_READER)).isInstanceOfSatisfying(CardIoException.class,
                    e -> assertThat(e.error()).isEqualTo(CardIoError.NOT_MY_NUMBER_CARD));
        } finally {
            card.close();
            awaitCard(readers, FIRST_READER, false);
        }
    }

    @Test
    void aCardRemovedMidReadIsReportedAsRemovedAndTheNextCardReadsNormally() throws Exception {
        VirtualMyNumberCard card = insert(VpcdVirtualCard.FIRST_READER_PORT, FIRST_READER, TestCards.kokutou());
        try {
            card.vpcd.leaveAfter(4); // SELECT AP, SELECT EF, query, VERIFY answered; then the card is gone
            assertThatThrownBy(() -> service.read(FIRST_READER, new TextCredential.Pin(TestCards.PIN),
                    ReadOptions.basicFour()))
                    .isInstanceOfSatisfying(CardIoException.class,
                            e -> assertThat(e.error()).isEqualTo(CardIoError.CARD_REMOVED));
        } finally {
            remove(card, FIRST_READER);
        }
        assertThatThrownBy(() -> service.check(FIRST_READER)).isInstanceOfSatisfying(CardIoException.class,
                e -> assertThat(e.error()).isEqualTo(CardIoError.NO_CARD));
        // a vanished card is disconnected without a reset; resetting it left vpcd unable to see the next card
        VirtualMyNumberCard next = insert(VpcdVirtualCard.FIRST_READER_PORT, FIRST_READER, TestCards.kokutou());
        try {
            assertThat(service.read(FIRST_READER, new TextCredential.Pin(TestCards.PIN), ReadOptions.basicFour())
                    .basicFour().sexCode()).isEqualTo("1");
        } finally {
            remove(next, FIRST_READER);
        }
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02X", x));
        }
        return s.toString();
    }
}
