package dev.madoguchi.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.Main;
import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.Resident;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code madoguchi card …} against the simulated reader holding demo cards ({@code --demo-card}). */
class CardCommandTest {

    private static DemoMunicipality demo;
    private static Resident holder;
    private static Resident blocked;

    @TempDir
    Path dataDir;

    private final InputStream originalIn = System.in;

    private record Run(int code, String out, String err) {}

    @BeforeAll
    static void demoCards() {
        demo = DemoMunicipality.generateDefault();
        holder = demo.cardHolders().stream().filter(r -> r.card().textPinTriesLeft() == 3).findFirst().orElseThrow();
        blocked = demo.cardHolders().stream().filter(r -> r.card().textPinTriesLeft() == 0).findFirst().orElseThrow();
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
    void listsTheSimulatedReaderWithTheDemoCardAsJson() {
        Run readers = run("", "card", "readers", "--demo-card", holder.id(), "--json");
        assertThat(readers.code()).as(readers.err()).isZero();
        assertThat(readers.out().strip())
                .isEqualTo("{\"source\":\"SIMULATED\",\"readers\":[{\"name\":\"Madoguchi Simulated Reader\",\"cardPresent\":true}]}");
    }

    @Test
    void readsBasicFourWithThePinFromStandardInput() {
        Run read = run(holder.card().textPin() + "\n", "card", "read", "--demo-card", holder.id(), "--pin-stdin", "--json");
        assertThat(read.code()).as(read.err()).isZero();
        assertThat(read.out()).contains("\"name\":\"" + holder.card().nameOnCard() + "\"")
                .contains("\"birthDate\":\"" + holder.birthDate() + "\"")
                .contains("\"sex\":\"")
                .doesNotContain("\"myNumber\"")
                .doesNotContain(holder.card().textPin() + "\"");
    }

    @Test
    void readsWithCollationNumberBFromStandardInput() {
        String collationB = holder.card().collationNumberB(holder.birthDate());
        Run read = run(collationB + "\n", "card", "read", "--demo-card", holder.id(), "--collation-b-stdin", "--json");
        assertThat(read.code()).as(read.err()).isZero();
        assertThat(read.out()).contains("\"address\":\"" + holder.card().addressOnCard() + "\"")
                .doesNotContain(collationB);
    }

    @Test
    void theMyNumberIsMaskedUnlessShownAndItsCheckDigitReported() {
        String pin = holder.card().textPin() + "\n";
        Run masked = run(pin, "card", "read", "--demo-card", holder.id(), "--pin-stdin", "--with-my-number", "--json");
        String last4 = holder.myNumber().substring(8);
        assertThat(masked.out()).contains("\"myNumber\":\"********" + last4 + "\"")
                .contains("\"myNumberCheckDigitValid\":true").doesNotContain(holder.myNumber());
        Run shown = run(pin, "card", "read", "--demo-card", holder.id(), "--pin-stdin", "--with-my-number",
                "--show-my-number", "--json");
        assertThat(shown.out()).contains("\"myNumber\":\"" + holder.myNumber() + "\"");
    }

    @Test
    void aWrongPinExitsWithFourAndTheTriesLeftAndNeverPrintsThePin() throws Exception {
        Run wrong = run("0000\n".equals(holder.card().textPin() + "\n") ? "1111\n" : "0000\n", "card", "read",
                "--demo-card", holder.id(), "--pin-stdin", "--json");
        assertThat(wrong.code()).isEqualTo(4);
        assertThat(wrong.out()).startsWith("{\"error\":\"CARD-020\",\"message\":").contains("\"triesLeft\":2");
        assertThat(wrong.out() + wrong.err()).doesNotContain("0000").doesNotContain("1111");
        assertThat(wrong.err()).doesNotContain("Exception");
        for (Path log : logFiles()) {
            assertThat(Files.readString(log)).doesNotContain(holder.card().textPin()).doesNotContain("0000\n");
        }
    }

    @Test
    void aBlockedPinExitsWithFive() {
        Run read = run(blocked.card().textPin() + "\n", "card", "read", "--demo-card", blocked.id(), "--pin-stdin",
                "--json");
        assertThat(read.code()).isEqualTo(5);
        assertThat(read.out()).contains("\"error\":\"CARD-021\"").contains("\"triesLeft\":0");
    }

    @Test
    void aMalformedPinIsAUsageErrorThatDoesNotEchoIt() {
        Run read = run("12345\n", "card", "read", "--demo-card", holder.id(), "--pin-stdin");
        assertThat(read.code()).isEqualTo(2);
        assertThat(read.err()).doesNotContain("12345");
    }

    @Test
    void theCredentialNeverComesFromAnArgument() {
        Run read = run("", "card", "read", "--demo-card", holder.id(), "--pin", "1234");
        assertThat(read.code()).isEqualTo(2);
    }

    @Test
    void theHealthCheckReportsTriesExpiryAndMunicipalityAsJson() {
        Run check = run("", "card", "check", "--demo-card", holder.id(), "--json");
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("\"textPinTriesLeft\":3")
                .contains("\"authPinTriesLeft\":" + holder.card().authPinTriesLeft())
                .contains("\"cardExpiry\":\"" + holder.card().expiryDate() + "\"")
                .contains("\"municipalityCode\":\"" + demo.localGovernmentCode().substring(0, 5) + "\"");
    }

    @Test
    void helpListsTheCardCommands() {
        Run help = run("", "card", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("readers").contains("read").contains("check");
    }

    private java.util.List<Path> logFiles() throws Exception {
        Path logs = Path.of(System.getProperty("madoguchi.logDir", dataDir.resolve("logs").toString()));
        if (!Files.isDirectory(logs)) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
