package dev.madoguchi.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.app.Main;
import dev.madoguchi.card.pcsc.PcscCardReaders;
import dev.madoguchi.card.pcsc.VpcdVirtualCard;
import dev.madoguchi.card.simulated.CardModel;
import dev.madoguchi.card.simulated.MyNumberCardModel;
import dev.madoguchi.card.simulated.TestCards;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code madoguchi card advice} through the real pcscd with card-io's virtual card on vpcd: the advice for a locked
 * PIN, nothing personal printed, and no VERIFY with data in the card's log.
 */
class CardAdviceThroughPcscdTest {

    private static final String READER = "Virtual PCD 00 00";
    private static final byte[] ATR = {0x3B, (byte) 0xE0, 0x00, (byte) 0xFF, (byte) 0x81, 0x31, (byte) 0xFE, 0x45, 0x14};

    @TempDir
    Path dataDir;

    @BeforeAll
    static void requirePcscd() {
        Path socket = Path.of(System.getenv().getOrDefault("PCSCLITE_CSOCK_NAME", "/run/pcscd/pcscd.comm"));
        boolean running = Files.exists(socket);
        if ("required".equals(System.getenv("MADOGUCHI_PCSCD"))) {
            assertThat(running).as("./run-tests promised a running pcscd").isTrue();
        }
        assumeTrue(running, "pcscd is not running; ./run-tests starts it");
    }

    @Test
    void aLockedAuthPinThroughPcscdGivesTheAdviceAndSendsNoPin() throws Exception {
        CardModel model = MyNumberCardModel.of(TestCards.kokutou().withAuthPinTriesLeft(0)
                .withAuthCertificate(LocalDate.now().minusYears(1), LocalDate.now().plusYears(4)), TestCards.keys());
        List<String> log = new CopyOnWriteArrayList<>();
        try (VpcdVirtualCard card = VpcdVirtualCard.insert(VpcdVirtualCard.FIRST_READER_PORT, ATR, apdu -> {
            log.add(HexFormat.of().withUpperCase().formatHex(apdu));
            return model.process(apdu);
        }, model::reset)) {
            awaitCard(true);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            String[] args = Stream.of("--data-dir", dataDir.toString(), "card", "advice", "--reader", READER, "--json",
                    "--answer", "knowsSignPassword=no").toArray(String[]::new);
            int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString()).contains("\"id\":\"auth-pin-locked-counter\"", "\"state\":\"locked\"",
                    "\"apdus\":20").doesNotContain("黒桐", "清瀬", "1980", TestCards.MY_NUMBER, "400000012719843",
                    "13221");
            assertThat(log).hasSize(20).noneMatch(c -> c.startsWith("00200080") && c.length() > 8);
        }
        awaitCard(false);
    }

    private static void awaitCard(boolean present) throws Exception {
        PcscCardReaders readers = PcscCardReaders.system();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (readers.snapshot().readers().stream().anyMatch(r -> r.name().equals(READER) && r.cardPresent() == present)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(READER + (present ? " never saw the card" : " never lost the card"));
    }
}
