package dev.madoguchi.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainCliTest {

    @TempDir
    Path dataDir;

    private record Run(int code, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheSubcommandsAndTheDesktopOptions() {
        Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: madoguchi").contains("demo").contains("help")
                .contains("--lang").contains("--data-dir").contains("--simulated-reader");
    }

    @Test
    void everyLevelHasHelp() {
        for (List<String> args : List.of(List.of("demo", "--help"), List.of("demo", "summary", "--help"),
                List.of("demo", "export", "--help"), List.of("help", "demo"))) {
            Run help = run(args.toArray(String[]::new));
            assertThat(help.code()).as(args.toString()).isZero();
            assertThat(help.out()).as(args.toString()).contains("Usage: madoguchi");
        }
    }

    @Test
    void aWrongSubcommandExitsWithTwoAndOneLine() {
        Run wrong = run("--data-dir", dataDir.toString(), "frobnicate");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err().strip()).doesNotContain("\n").contains("frobnicate").contains("--help");
        assertThat(wrong.err()).doesNotContain("at dev.madoguchi").doesNotContain("Exception");
        assertThat(wrong.out()).isEmpty();
    }

    @Test
    void aWrongOptionExitsWithTwoAndOneLine() {
        Run wrong = run("--data-dir", dataDir.toString(), "demo", "summary", "--sede", "3");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err().strip()).doesNotContain("\n").contains("--sede").startsWith("madoguchi demo summary:");
    }

    @Test
    void aBadOptionValueExitsWithTwo() {
        assertThat(run("--data-dir", dataDir.toString(), "--lang", "fr").code()).isEqualTo(2);
        assertThat(run("--data-dir", dataDir.toString(), "--text-size", "300").code()).isEqualTo(2);
        Run tooMany = run("--data-dir", dataDir.toString(), "demo", "summary", "--residents", "0");
        assertThat(tooMany.code()).isEqualTo(2);
        assertThat(tooMany.err().strip()).doesNotContain("\n");
    }

    @Test
    void versionNamesTheProgramAndJava() {
        Run version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("madoguchi ").contains("Java 1");
    }

    @Test
    void demoSummaryCountsWithoutPersonalData() {
        Run summary = run("--data-dir", dataDir.toString(), "demo", "summary", "--residents", "400");
        assertThat(summary.code()).as(summary.err()).isZero();
        assertThat(summary.out()).contains("households: ").contains("card holders: ").contains("fictional")
                .doesNotContainPattern("\\d{12}");
    }

    @Test
    void demoExportWritesTheFileCompletelyOrNotAtAll() throws Exception {
        Path csv = dataDir.resolve("register.csv");
        Run export = run("--data-dir", dataDir.toString(), "demo", "export", "--residents", "300", "-o", csv.toString());
        assertThat(export.code()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("resident_id,").doesNotContain("my_number");
        assertThat(lines.size()).isGreaterThan(300);
        assertThat(dataDir.resolve("register.csv.partial")).doesNotExist();
    }

    @Test
    void writesItsLogIntoTheDataDirectory() {
        assertThat(run("--data-dir", dataDir.toString(), "demo", "summary", "--residents", "10").code()).isZero();
        // logging is configured by the first command that runs in this JVM; the property is then fixed
        assertThat(System.getProperty("madoguchi.logDir")).isNotBlank();
    }
}
