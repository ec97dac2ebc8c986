package dev.madoguchi.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.app.Main;
import dev.madoguchi.card.pcsc.PcscCardReaders;
import dev.madoguchi.card.pcsc.VpcdVirtualCard;
import dev.madoguchi.card.simulated.CardModel;
import dev.madoguchi.card.simulated.MyNumberCardModel;
import dev.madoguchi.card.simulated.TestCards;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code madoguchi card …} through the real pcscd with card-io's virtual My Number Card on vpcd. */
class CardCommandThroughPcscdTest {

    private static final String READER = "Virtual PCD 00 00";
    private static final byte[] ATR = {0x3B, (byte) 0xE0, 0x00, (byte) 0xFF, (byte) 0x81, 0x31, (byte) 0xFE, 0x45, 0x14};

    @TempDir
    Path dataDir;

    private final InputStream originalIn = System.in;

    private record Run(int code, String out, String err) {}

    @BeforeAll
    static void requirePcscd() {
        boolean running = Files.exists(Path.of("/run/pcscd/pcscd.comm"));
        if ("required".equals(System.getenv("MADOGUCHI_PCSCD"))) {
            assertThat(running).as("./run-tests promised a running pcscd").isTrue();
        }
        assumeTrue(running, "pcscd is not running; ./run-tests starts it");
    }

    @AfterEach
    void restoreStdin() {
        System.setIn(originalIn);
    }

    private Run run(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of("--data-dir", dataDir.toString()), Stream.of(args)).toArray(String[]::new);
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void readsAndChecksTheVirtualCardThroughPcscdThenReportsItsAbsence() throws Exception {
        CardModel model = MyNumberCardModel.of(TestCards.kokutou(), TestCards.keys());
        try (VpcdVirtualCard card = VpcdVirtualCard.insert(VpcdVirtualCard.FIRST_READER_PORT, ATR, model::process,
                model::reset)) {
            awaitCard(true);
            Run read = run(TestCards.PIN + "\n", "card", "read", "--reader", READER, "--pin-stdin",
                    "--with-my-number", "--json");
            assertThat(read.code()).as(read.err()).isZero();
            assertThat(read.out()).contains("\"name\":\"黒桐\u3000幹也\"")
                    .contains("\"address\":\"東京都清瀬市観布子南１２－７－２０２\"")
                    .contains("\"birthDate\":\"1980-02-17\"").contains("\"sex\":\"1\"")
                    .contains("\"myNumber\":\"********7188\"").contains("\"myNumberCheckDigitValid\":true");

            Run check = run("", "card", "check", "--reader", READER, "--json");
            assertThat(check.code()).as(check.err()).isZero();
            assertThat(check.out()).contains("\"textPinTriesLeft\":3").contains("\"municipalityCode\":\"13221\"");
        }
        awaitCard(false);
        Run none = run(TestCards.PIN + "\n", "card", "read", "--reader", READER, "--pin-stdin", "--json");
        assertThat(none.code()).isEqualTo(3);
        assertThat(none.out()).startsWith("{\"error\":\"CARD-003\"");
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
