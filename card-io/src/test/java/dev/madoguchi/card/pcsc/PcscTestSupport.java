package dev.madoguchi.card.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.ReaderSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Shared by the tests through the real pcscd. */
final class PcscTestSupport {

    static final String FIRST_READER = "Virtual PCD 00 00";
    static final String SECOND_READER = "Virtual PCD 00 01";
    static final int SECOND_READER_PORT = VpcdVirtualCard.FIRST_READER_PORT + 1;
    static final byte[] MY_NUMBER_CARD_ATR = {
        0x3B, (byte) 0xE0, 0x00, (byte) 0xFF, (byte) 0x81, 0x31, (byte) 0xFE, 0x45, 0x14
    };
    /**
     * pcscd's socket: libpcsclite's {@code PCSCLITE_CSOCK_NAME} when set (a private pcscd, e.g. for a benchmark next
     * to other work), else the system one.
     */
    static final Path SOCKET = Path.of(System.getenv().getOrDefault("PCSCLITE_CSOCK_NAME", "/run/pcscd/pcscd.comm"));

    private PcscTestSupport() {}

    /** Skips without pcscd; fails when ./run-tests promised one. */
    static void requirePcscd() {
        boolean required = "required".equals(System.getenv("MADOGUCHI_PCSCD"));
        boolean running = Files.exists(SOCKET);
        if (required) {
            assertThat(running).as("./run-tests promised a running pcscd (/run/pcscd/pcscd.comm)").isTrue();
        }
        assumeTrue(running, "pcscd is not running; ./run-tests starts it");
    }

    /** Waits (up to 10 s) until the reader reports a card, or none. */
    static void awaitCard(PcscCardReaders readers, String reader, boolean present) throws InterruptedException {
        CardIoException last = null;
        ReaderSnapshot seen = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                ReaderSnapshot snapshot = readers.snapshot();
                seen = snapshot;
                if (snapshot.readers().stream().anyMatch(r -> r.name().equals(reader) && r.cardPresent() == present)) {
                    return;
                }
            } catch (CardIoException e) {
                last = e; // the service may be coming back; keep asking
            }
            Thread.sleep(50);
        }
        throw new AssertionError(reader + (present ? " never saw the card" : " never lost the card") + "; last seen "
                + seen, last);
    }
}
