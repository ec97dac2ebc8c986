package dev.madoguchi.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.Main;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.demo.DemoResidenceCards;
import dev.madoguchi.card.simulated.SimulatedCard;
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

/** {@code madoguchi card read --residence-card-number-stdin} and {@code card check} with the demo residence cards. */
class ResidenceCardCommandTest {

    private static SimulatedCard residenceCard;
    private static SimulatedCard firstGeneration;
    private static SimulatedCard specified;
    private static String number;

    @TempDir
    Path dataDir;

    private final InputStream originalIn = System.in;

    private record Run(int code, String out, String err) {}

    @BeforeAll
    static void demoCards() {
        var deck = DemoEnvironment.standard().cardDeck();
        residenceCard = deck.stream().filter(c -> c.id().startsWith(DemoResidenceCards.ID_PREFIX)
                && c.label().contains("（在留カード）")).findFirst().orElseThrow();
        firstGeneration = deck.stream().filter(c -> c.label().contains("第1世代")).findFirst().orElseThrow();
        specified = deck.stream().filter(SimulatedCard::specified).findFirst().orElseThrow();
        number = residenceCard.residenceCard().orElseThrow().cardNumber();
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
    void readsTheCardWithItsNumberFromStandardInputAsJsonWithTheAnchorThatVerified() {
        Run read = run(number.toLowerCase() + "\n", "card", "read", "--demo-card", residenceCard.id(),
                "--residence-card-number-stdin", "--json");
        assertThat(read.code()).as(read.err()).isZero();
        var chip = residenceCard.residenceCard().orElseThrow().printed();
        String birth = chip.get(1);
        assertThat(read.out()).contains("\"cardType\":\"residence-card-2\"")
                .contains("\"birthDate\":\"" + birth.substring(0, 4) + "-" + birth.substring(4, 6) + "-"
                        + birth.substring(6) + "\"")
                .contains("\"nationality\":\"" + chip.get(3) + "\"")
                .containsPattern("\"sex\":\"[129]\"")
                .contains("\"signature\":{\"valid\":true,\"status\":\"VERIFIED\",\"anchor\":\"Madoguchi synthetic")
                .doesNotContain(number);
    }

    @Test
    void aWrongNumberExitsWithFourAndSaysSo() {
        String wrong = (number.startsWith("ZZ") ? "YY" : "ZZ") + number.substring(2);
        Run read = run(wrong + "\n", "card", "read", "--demo-card", residenceCard.id(),
                "--residence-card-number-stdin", "--json");
        assertThat(read.code()).isEqualTo(CardCommand.WRONG_PIN);
        assertThat(read.out()).contains("\"error\":\"CARD-022\"").doesNotContain(wrong);
    }

    @Test
    void aNumberOutOfPatternIsAUsageErrorNamingThePositionNotTheValue() {
        Run read = run("AB12X45678CD\n", "card", "read", "--demo-card", residenceCard.id(),
                "--residence-card-number-stdin");
        assertThat(read.code()).isEqualTo(2);
        assertThat(read.err()).contains("character 5 must be a digit").doesNotContain("AB12X45678CD");
    }

    @Test
    void aFirstGenerationCardGivesItsAddressesAndImagesWhenAsked() throws Exception {
        Path images = dataDir.resolve("images");
        String first = firstGeneration.residenceCard().orElseThrow().cardNumber();
        Run read = run(first + "\n", "card", "read", "--demo-card", firstGeneration.id(),
                "--residence-card-number-stdin", "--with-images", images.toString());
        assertThat(read.code()).as(read.err()).isZero();
        assertThat(read.out()).contains("cardType: residence-card-1").contains("addresses: [")
                .contains("valid=true");
        assertThat(Files.size(images.resolve("name-or-front.tiff"))).isEqualTo(7000);
        assertThat(Files.size(images.resolve("photo.jp2"))).isEqualTo(3000);
    }

    @Test
    void theResidenceSideOfASpecifiedCardIsRefusedWithSixAndItsCheckNamesIt() {
        Run read = run(specified.residenceCard().orElseThrow().cardNumber() + "\n", "card", "read", "--demo-card",
                specified.id(), "--residence-card-number-stdin", "--json");
        assertThat(read.code()).isEqualTo(CardCommand.UNUSABLE_CARD);
        assertThat(read.out()).contains("\"error\":\"CARD-");
        Run check = run("", "card", "check", "--demo-card", specified.id(), "--json");
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("\"cardType\":\"specified-residence-card\"").contains("\"textPinTriesLeft\":3");
    }

    @Test
    void checkNamesAResidenceCardWithoutItsNumber() {
        Run check = run("", "card", "check", "--demo-card", residenceCard.id(), "--json");
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out().strip()).isEqualTo("{\"cardType\":\"residence-card-2\"}");
    }

    @Test
    void aTrustCaFileThatIsNoCertificateIsAUsageError() throws Exception {
        Path bogus = Files.writeString(dataDir.resolve("bogus.pem"), "not a certificate");
        Run read = run(number + "\n", "card", "read", "--demo-card", residenceCard.id(),
                "--residence-card-number-stdin", "--trust-ca", bogus.toString());
        assertThat(read.code()).isEqualTo(2);
        assertThat(read.err()).contains("--trust-ca");
    }
}
