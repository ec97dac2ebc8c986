package dev.madoguchi.card.pcsc;

import static dev.madoguchi.card.pcsc.PcscTestSupport.FIRST_READER;
import static dev.madoguchi.card.pcsc.PcscTestSupport.MY_NUMBER_CARD_ATR;
import static dev.madoguchi.card.pcsc.PcscTestSupport.awaitCard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.card.mynumber.MyNumberCardService;
import dev.madoguchi.card.mynumber.ReadOptions;
import dev.madoguchi.card.mynumber.TextCredential;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.simulated.CardModel;
import dev.madoguchi.card.simulated.MyNumberCardModel;
import dev.madoguchi.card.simulated.TestCards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * pcscd restarted in the middle of a session (docs/adr/0006-pcsc-provider.md): the same {@link PcscCardReaders}
 * (jnasmartcardio) reads again once pcscd is back; the JDK's SunPCSC, whose static context died with the old pcscd,
 * does not. Runs only where pcscd may be stopped: {@code ./run-tests} runs it under a restart loop and sets
 * {@code MADOGUCHI_PCSCD_RESTARTABLE=1}.
 */
class PcscdRestartTest {

    private static final Path PID_FILE = Path.of("/run/pcscd/pcscd.pid");

    @BeforeAll
    static void requireRestartablePcscd() {
        PcscTestSupport.requirePcscd();
        assumeTrue("1".equals(System.getenv("MADOGUCHI_PCSCD_RESTARTABLE")),
                "pcscd is not under ./run-tests' restart loop");
    }

    @Test
    void theNextReadAfterAPcscdRestartSucceeds() throws Exception {
        PcscCardReaders readers = PcscCardReaders.system();
        PcscCardReaders jdk = PcscCardReaders.jdk();
        MyNumberCardService service = new MyNumberCardService(readers);
        TextCredential pin = new TextCredential.Pin(TestCards.PIN);

        try (VpcdVirtualCard card = insert()) {
            awaitCard(readers, FIRST_READER, true);
            assertThat(service.read(FIRST_READER, pin, ReadOptions.basicFour()).basicFour().sexCode()).isEqualTo("1");
            assertThat(jdk.snapshot().hasReaders()).isTrue();

            long before = restartPcscd();
            assertThat(pcscdPid()).isNotEqualTo(before);
        }

        try (VpcdVirtualCard card = insert()) {
            awaitCard(readers, FIRST_READER, true);
            assertThat(service.read(FIRST_READER, pin, ReadOptions.basicFour()).basicFour().name())
                    .isEqualTo("黒桐\u3000幹也");
            // what ADR 0006 rejects: the JDK provider keeps its dead context for the life of the JVM
            assertThatThrownBy(jdk::snapshot).isInstanceOfSatisfying(CardIoException.class,
                    e -> assertThat(e.error()).isEqualTo(CardIoError.READER_SERVICE_UNAVAILABLE));
        }
    }

    /** Stops pcscd (SIGTERM, by PID); the restart loop of ./run-tests starts a new one. Returns the old PID. */
    private static long restartPcscd() throws Exception {
        long old = pcscdPid();
        ProcessHandle process = ProcessHandle.of(old).orElseThrow();
        assertThat(process.destroy()).isTrue();
        process.onExit().get();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(PcscTestSupport.SOCKET) && Files.exists(PID_FILE) && pcscdPid() != old) {
                return old;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("pcscd did not come back");
    }

    private static long pcscdPid() throws IOException {
        // pcscd writes the number followed by a newline and NUL padding
        String digits = Files.readString(PID_FILE).chars().filter(Character::isDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return Long.parseLong(digits);
    }

    /** A new card on the first reader; vpcd listens again only once the new pcscd has loaded it. */
    private static VpcdVirtualCard insert() throws Exception {
        CardModel model = MyNumberCardModel.of(TestCards.kokutou(), TestCards.keys());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                return VpcdVirtualCard.insert(VpcdVirtualCard.FIRST_READER_PORT, MY_NUMBER_CARD_ATR, model::process,
                        model::reset);
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }
}
