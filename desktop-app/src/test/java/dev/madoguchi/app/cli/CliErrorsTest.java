package dev.madoguchi.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.Main;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.forms.print.FormPrintException;
import dev.madoguchi.forms.print.PrintError;
import dev.madoguchi.forms.qr.QrError;
import dev.madoguchi.forms.qr.QrVerificationException;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.sync.file.FileLinkageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every typed failure family reaches the person as one line "remedy (CODE)" in the chosen language, through the same
 * handler {@code Main} installs, with its exit code; JSON for a command that asked for it.
 */
class CliErrorsTest {

    @TempDir
    Path dataDir;

    private record Run(int code, String out, String err) {}

    /** A command that fails with a given exception, run by Main's own command line. */
    @Command(name = "fail")
    static final class Fail implements Callable<Integer>, CliErrors.JsonFailures {
        private final Exception failure;
        private final boolean json;

        Fail(Exception failure, boolean json) {
            this.failure = failure;
            this.json = json;
        }

        @Override
        public boolean failuresAsJson() {
            return json;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }

    private Run run(Exception failure, boolean json, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        cli.addSubcommand(new Fail(failure, json));
        // a subcommand added later writes where the command line writes only when told again
        cli.setOut(cli.getOut());
        cli.setErr(cli.getErr());
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        all.add("fail");
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    /** One failure of each typed family, its code, the bundle key of its remedy, what follows the code, exit code. */
    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of(new StoreException(StoreError.WRONG_PASSPHRASE, "wrong passphrase for clerk a", null),
                        "STORE-005", "store.error.wrongPassphrase", "", 1),
                Arguments.of(new StoreException(StoreError.BAD_INPUT, "line 2: birth_date is not a string", null),
                        "STORE-009", "store.error.badInput", ": line 2: birth_date is not a string", 1),
                Arguments.of(new CardIoException(CardIoError.NO_CARD, "no card on reader X"),
                        "CARD-003", "card.error.noCard", "", CardCommand.NO_CARD),
                Arguments.of(new FormPrintException(PrintError.UNKNOWN_PRINTER, "installed: MadoguchiPDF, Office"),
                        "PRINT-002", "counter.printError.unknownPrinter", ": installed: MadoguchiPDF, Office", 1),
                Arguments.of(new QrVerificationException(QrError.BAD_SIGNATURE, "key this terminal"),
                        "QR-007", "cli.qrError.badSignature", ": key this terminal", 1),
                Arguments.of(new FileLinkageException("cannot write /srv/linkage/applications-1.jsonl",
                        new IOException("disk full")), "SYNC-FILE-001", "cli.fileLinkageError",
                        ": cannot write /srv/linkage/applications-1.jsonl", 1));
    }

    @ParameterizedTest
    @MethodSource("families")
    void eachTypedFailureIsOneLineWithTheJapaneseRemedyAndItsCode(Exception failure, String code, String key,
            String detail, int exitCode) {
        Run run = run(failure, false, "--lang", "ja");

        String remedy = new Messages(Language.JAPANESE).get(key);
        assertThat(remedy).containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
        assertThat(run.code()).isEqualTo(exitCode);
        assertThat(run.err()).isEqualTo("madoguchi fail: " + remedy + " (" + code + ")" + detail + "\n");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("families")
    void eachTypedFailureIsOneLineWithTheEnglishRemedyAndItsCode(Exception failure, String code, String key,
            String detail, int exitCode) {
        Run run = run(failure, false, "--lang", "en");

        String remedy = new Messages(Language.ENGLISH).get(key);
        assertThat(remedy).doesNotContainPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
        assertThat(run.code()).isEqualTo(exitCode);
        assertThat(run.err()).isEqualTo("madoguchi fail: " + remedy + " (" + code + ")" + detail + "\n");
    }

    @Test
    void everyQrErrorHasARemedyInBothLanguages() {
        for (Language language : Language.values()) {
            for (QrError error : QrError.values()) {
                String line = new CliErrors(language).describe(new QrVerificationException(error, ""))
                        .map(new CliErrors(language)::line).orElseThrow();
                assertThat(line).endsWith("(" + error.code() + ")").doesNotStartWith(error.code());
            }
        }
    }

    @Test
    void aCardsTriesLeftStandBeforeTheCodeInTheSameLanguage() {
        Run ja = run(new CardIoException(CardIoError.WRONG_PIN, 2, "wrong PIN", null), false, "--lang", "ja");
        Run en = run(new CardIoException(CardIoError.WRONG_PIN, 2, "wrong PIN", null), false, "--lang", "en");

        assertThat(ja.code()).isEqualTo(CardCommand.WRONG_PIN);
        assertThat(ja.err()).isEqualTo("madoguchi fail: " + new Messages(Language.JAPANESE).get("card.error.wrongPin")
                + " (残り 2 回) (CARD-020)\n");
        assertThat(en.err()).isEqualTo("madoguchi fail: " + new Messages(Language.ENGLISH).get("card.error.wrongPin")
                + " (2 tries left) (CARD-020)\n");
    }

    @Test
    void aCommandThatAskedForJsonGetsTheFailureAsJsonOnStandardOutput() {
        Run json = run(new CardIoException(CardIoError.WRONG_PIN, 2, "wrong PIN", null), true, "--lang", "en");

        assertThat(json.code()).isEqualTo(CardCommand.WRONG_PIN);
        assertThat(json.out()).isEqualTo("{\"error\":\"CARD-020\",\"message\":\""
                + new Messages(Language.ENGLISH).get("card.error.wrongPin") + "\",\"triesLeft\":2}\n");
        assertThat(json.err()).isEmpty();
    }

    @Test
    void withoutLangTheLocaleDecidesJapaneseOnlyForAJapaneseLocale() {
        assertThat(MadoguchiCommand.forLocale(Locale.JAPAN)).isEqualTo(Language.JAPANESE);
        assertThat(MadoguchiCommand.forLocale(Locale.JAPANESE)).isEqualTo(Language.JAPANESE);
        assertThat(MadoguchiCommand.forLocale(Locale.US)).isEqualTo(Language.ENGLISH);
        assertThat(MadoguchiCommand.forLocale(Locale.GERMANY)).isEqualTo(Language.ENGLISH);

        Run run = run(new StoreException(StoreError.NO_STORE, "no store", null), false);
        String expected = new Messages(MadoguchiCommand.forLocale(Locale.getDefault())).get("store.error.noStore");
        assertThat(run.err()).isEqualTo("madoguchi fail: " + expected + " (STORE-008)\n");
    }

    @Test
    void anUntypedFailureStaysTheOneLineThatNamesTheLogFile() {
        Run run = run(new IllegalStateException("something unexpected"), false, "--lang", "en");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("madoguchi fail: IllegalStateException: something unexpected")
                .contains("(details: ").doesNotContain("\n");
    }
}
