package dev.madoguchi.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * A desktop start builds the command line without the subcommands' models (they cost about a tenth of a second of
 * the start); anything that names a subcommand, asks for help or does not parse gets the whole command line.
 */
class MainCommandLineTest {

    private static CommandLine commandLineFor(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        return Main.commandLineFor(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--data-dir /tmp/x --simulated-reader", "--setup", "--demo --lang en --text-size 150",
        "--data-dir=/tmp/x --demo", "--version", "--text-size 300", "--demo --setup"})
    void aDesktopStartGetsTheDesktopsCommandAlone(String line) {
        assertThat(commandLineFor(line).getSubcommands()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"doctor", "--data-dir /tmp/x doctor --json", "store verify --clerk a", "--help", "-h",
        "help", "help doctor", "--lang fr", "--text-size many", "frobnicate", "--no-such-option"})
    void anythingElseGetsTheWholeCommandLine(String line) {
        assertThat(commandLineFor(line).getSubcommands()).containsKeys("doctor", "store", "card", "shelter", "help");
    }

    /**
     * The subcommands are added as command lines of their own, so their model transformers run as they did when the
     * subcommands were declared in the annotation: a group's {@code --clerk} is optional (the group itself may run
     * without it only to print its usage or fail with one line), each of its subcommands' is required.
     */
    @org.junit.jupiter.api.Test
    void theSubcommandsModelTransformersRun() {
        CommandLine sync = commandLineFor("sync").getSubcommands().get("sync");
        assertThat(sync.getCommandSpec().findOption("--clerk").required()).isFalse();
        assertThat(sync.getSubcommands().get("blocked").getCommandSpec().findOption("--clerk").required()).isTrue();
        assertThat(sync.getSubcommands().get("blocked").getCommandSpec().findOption("--data-dir")).isNotNull();
    }
}
