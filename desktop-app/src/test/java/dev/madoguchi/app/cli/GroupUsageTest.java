package dev.madoguchi.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A group command called without a subcommand prints its usage (what --help prints) and exits with 0. */
class GroupUsageTest {

    @TempDir
    Path dataDir;

    private record Run(int code, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"store", "card", "form", "qr", "demo"})
    void aGroupWithoutASubcommandPrintsItsUsageAndExitsWithZero(String group) {
        Run bare = run(group);
        Run help = run(group, "--help");

        assertThat(bare.code()).isZero();
        assertThat(bare.err()).isEmpty();
        assertThat(bare.out()).startsWith("Usage: madoguchi " + group).contains("Commands:")
                .isEqualTo(help.out());
    }

    @Test
    void syncWithoutASubcommandSyncsAndSoNeedsAClerk() {
        Run bare = run("sync");

        assertThat(bare.code()).isEqualTo(2);
        assertThat(bare.out()).isEmpty();
        assertThat(bare.err().strip())
                .isEqualTo("madoguchi sync: Missing required option: '--clerk=ID' (see 'madoguchi sync --help')");
    }
}
