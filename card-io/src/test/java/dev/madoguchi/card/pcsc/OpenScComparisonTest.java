package dev.madoguchi.card.pcsc;

import static dev.madoguchi.card.pcsc.PcscTestSupport.FIRST_READER;
import static dev.madoguchi.card.pcsc.PcscTestSupport.MY_NUMBER_CARD_ATR;
import static dev.madoguchi.card.pcsc.PcscTestSupport.awaitCard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.card.checkup.CardCheckUp;
import dev.madoguchi.card.checkup.CheckUp;
import dev.madoguchi.card.simulated.CardModel;
import dev.madoguchi.card.simulated.MyNumberCardModel;
import dev.madoguchi.card.simulated.TestCards;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness behind docs/performance.md "Volunteer check-up": the same virtual card on the same vpcd reader, first
 * checked by {@link CardCheckUp}, then listed by OpenSC's {@code pkcs15-tool --list-certificates}; the card counts the
 * APDUs of each and the wall time is taken. Needs pcscd and OpenSC (Debian package {@code opensc}); skips without
 * them. Writes {@code target/opensc-comparison.txt}.
 */
class OpenScComparisonTest {

    private final PcscCardReaders readers = PcscCardReaders.system();

    @BeforeAll
    static void requirePcscdAndOpenSc() {
        PcscTestSupport.requirePcscd();
        assumeTrue(onPath("pkcs15-tool"), "OpenSC (pkcs15-tool) is not installed");
    }

    @Test
    void theCheckUpNeedsFewerApdusThanOpenScListingTheCertificates() throws Exception {
        CardModel model = MyNumberCardModel.of(TestCards.kokutou()
                .withAuthCertificate(LocalDate.of(2024, 2, 17), LocalDate.of(2029, 2, 17)), TestCards.keys());
        List<String> log = new CopyOnWriteArrayList<>();
        try (VpcdVirtualCard card = VpcdVirtualCard.insert(VpcdVirtualCard.FIRST_READER_PORT, MY_NUMBER_CARD_ATR,
                apdu -> {
                    log.add(MyNumberCardThroughPcscdTest.hex(apdu));
                    return model.process(apdu);
                }, model::reset)) {
            awaitCard(readers, FIRST_READER, true);
            CardCheckUp checkUp = new CardCheckUp(readers);
            checkUp.checkUp(FIRST_READER); // warm the PC/SC path and the JIT once
            log.clear();
            long start = System.nanoTime();
            CheckUp result = checkUp.checkUp(FIRST_READER);
            long ours = System.nanoTime() - start;
            List<String> ourApdus = new ArrayList<>(log);
            assertThat(ourApdus).hasSize(result.apdus());

            OpenSc probing = openSc(log, null);
            OpenSc forced = openSc(log, "jpki");
            List<String> openScApdus = probing.apdus();
            String report = String.format("check-up: %d APDUs, %.0f ms wall%n"
                    + "OpenSC pkcs15-tool --list-certificates: %d APDUs, %.0f ms wall, exit %d%n"
                    + "OpenSC, JPKI driver forced (OPENSC_DRIVER=jpki): %d APDUs, %.0f ms wall, exit %d%n"
                    + "ratio check-up / OpenSC: %.2f; / OpenSC with the driver forced: %.2f%n%n"
                    + "-- check-up APDUs --%n%s%n-- OpenSC APDUs --%n%s%n-- OpenSC (jpki) APDUs --%n%s%n"
                    + "-- OpenSC output --%n%s", result.apdus(), ours / 1e6, probing.apdus().size(),
                    probing.millis(), probing.exit(), forced.apdus().size(), forced.millis(), forced.exit(),
                    result.apdus() / (double) Math.max(1, probing.apdus().size()),
                    result.apdus() / (double) Math.max(1, forced.apdus().size()), summary(ourApdus),
                    summary(probing.apdus()), summary(forced.apdus()), probing.output());
            Files.writeString(Path.of("target", "opensc-comparison.txt"), report);
            System.out.println(report);
            assertThat(openScApdus).as("OpenSC sent nothing: see target/opensc-comparison.txt").isNotEmpty();
            assertThat(result.apdus()).isLessThan(openScApdus.size());
            assertThat(ourApdus).noneMatch(c -> c.startsWith("00200080") && c.length() > 8);
        } finally {
            awaitCard(readers, FIRST_READER, false);
        }
    }

    private record OpenSc(List<String> apdus, double millis, int exit, String output) {}

    /** Runs {@code pkcs15-tool --list-certificates} and collects what the card received meanwhile. */
    private static OpenSc openSc(List<String> log, String driver) throws Exception {
        log.clear();
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder("pkcs15-tool", "--reader", FIRST_READER, "--list-certificates")
                .redirectErrorStream(true);
        if (driver != null) {
            builder.environment().put("OPENSC_DRIVER", driver);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        double millis = (System.nanoTime() - start) / 1e6;
        return new OpenSc(new ArrayList<>(log), millis, process.exitValue(), output);
    }

    /** The commands without data beyond their header (never a PIN: none is sent by either side here). */
    private static String summary(List<String> apdus) {
        StringBuilder s = new StringBuilder();
        for (String c : apdus) {
            s.append(c.length() > 40 ? c.substring(0, 40) + "…" : c).append('\n');
        }
        return s.toString();
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, tool).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
