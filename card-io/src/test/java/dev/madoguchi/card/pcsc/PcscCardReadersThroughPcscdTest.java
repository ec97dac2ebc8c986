package dev.madoguchi.card.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Through the real PC/SC stack: javax.smartcardio → libpcsclite → pcscd → vsmartcard's vpcd driver → a card in Java.
 * {@code ./run-tests} starts pcscd and sets {@code MADOGUCHI_PCSCD=required}, so there these tests run; a plain
 * {@code mvn verify} without pcscd skips them.
 */
class PcscCardReadersThroughPcscdTest {

    private static final String VIRTUAL_READER = "Virtual PCD 00 00";
    private static final byte[] MY_NUMBER_CARD_ATR = {
        0x3B, (byte) 0xE0, 0x00, (byte) 0xFF, (byte) 0x81, 0x31, (byte) 0xFE, 0x45, 0x14
    };

    private final PcscCardReaders readers = PcscCardReaders.system();

    @BeforeAll
    static void requirePcscd() {
        boolean required = "required".equals(System.getenv("MADOGUCHI_PCSCD"));
        boolean running = Files.exists(PcscTestSupport.SOCKET);
        if (required) {
            assertThat(running).as("./run-tests promised a running pcscd (/run/pcscd/pcscd.comm)").isTrue();
        }
        assumeTrue(running, "pcscd is not running; ./run-tests starts it");
    }

    @Test
    void listsTheVirtualReaderWithoutACard() throws Exception {
        ReaderSnapshot snapshot = readers.snapshot();
        assertThat(snapshot.source()).isEqualTo(ReaderSource.PCSC);
        assertThat(snapshot.readers()).extracting(ReaderSnapshot.Reader::name).contains(VIRTUAL_READER);
        // a card an earlier test class took away may still be reported for a moment: pcscd polls vpcd
        assertThat(awaitReader(r -> !r.cardPresent())).as("no card on the virtual reader").isTrue();
    }

    @Test
    void seesACardPutOnTheVirtualReaderAndTakenAway() throws Exception {
        try (VpcdVirtualCard card = VpcdVirtualCard.insert(VpcdVirtualCard.FIRST_READER_PORT, MY_NUMBER_CARD_ATR,
                apdu -> new byte[] {0x6D, 0x00})) {
            assertThat(awaitReader(ReaderSnapshot.Reader::cardPresent)).isTrue();
        }
        assertThat(awaitReader(r -> !r.cardPresent())).isTrue();
    }

    private boolean awaitReader(Predicate<ReaderSnapshot.Reader> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(reader(readers.snapshot()))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static ReaderSnapshot.Reader reader(ReaderSnapshot snapshot) {
        return snapshot.readers().stream()
                .filter(r -> r.name().equals(VIRTUAL_READER))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + VIRTUAL_READER + " in " + snapshot));
    }
}
