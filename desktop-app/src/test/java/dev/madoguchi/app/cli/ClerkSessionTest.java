package dev.madoguchi.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.Main;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The clerk mixin signs in against a real store, wipes every passphrase it asked for (seen through the passphrase
 * source it is given), and leaves a wrong passphrase to Main's one-line typed failure.
 */
class ClerkSessionTest {

    private static final String PASSPHRASE = "correct horse battery";

    @TempDir
    Path dataDir;

    private record Run(int code, String out, String err) {}

    /** Hands out the given answers and keeps every array it handed out. */
    static final class RecordingSource implements PassphraseSource {
        private final Deque<String> answers;
        final List<String> prompts = new ArrayList<>();
        final List<char[]> handedOut = new ArrayList<>();

        RecordingSource(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public char[] read(String prompt) {
            prompts.add(prompt);
            char[] passphrase = answers.removeFirst().toCharArray();
            handedOut.add(passphrase);
            return passphrase;
        }
    }

    /** A command that needs a signed-in clerk, written the way CONTRIBUTING.md says. */
    @Command(name = "whoami")
    static final class WhoAmI implements Callable<Integer> {
        @Mixin
        ClerkSession clerk;

        @Spec
        CommandSpec spec;

        WhoAmI(PassphraseSource source) {
            clerk = new ClerkSession(source);
        }

        @Override
        public Integer call() throws Exception {
            return clerk.run(store -> {
                spec.commandLine().getOut().println("signed in as " + clerk.clerkId() + ", "
                        + store.clerks().list().size() + " clerks");
                return 0;
            });
        }
    }

    /** A command that sets a new passphrase (asked twice). */
    @Command(name = "rekey")
    static final class NewPassphrase implements Callable<Integer> {
        @Mixin
        ClerkSession clerk;

        NewPassphrase(PassphraseSource source) {
            clerk = new ClerkSession(source);
        }

        @Override
        public Integer call() throws Exception {
            return clerk.withNewPassphrase("clerk-b", passphrase -> passphrase.length);
        }
    }

    @BeforeEach
    void createStore() {
        try (LocalStore store = LocalStore.create(AppPaths.resolve(dataDir).storeDirectory(),
                new Clerk("admin", "管理者", Role.ADMINISTRATOR), PASSPHRASE.toCharArray(), StoreOptions.defaults())) {
            assertThat(store.directory()).exists();
        }
    }

    private Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        cli.addSubcommand(command);
        // a subcommand added later writes where the command line writes only when told again
        cli.setOut(cli.getOut());
        cli.setErr(cli.getErr());
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    @Test
    void signsInWithThePassphraseAskedForAndWipesIt() {
        RecordingSource source = new RecordingSource(PASSPHRASE);

        Run run = run(new WhoAmI(source), "whoami", "--clerk", "admin");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("signed in as admin, 1 clerks");
        assertThat(source.prompts).containsExactly("Passphrase for admin");
        assertThat(source.handedOut).hasSize(1).allSatisfy(p -> assertThat(new String(p)).isEqualTo("\0".repeat(
                PASSPHRASE.length())));
    }

    @Test
    void aWrongPassphraseIsTheStoreRemedyWithItsCodeExitOneAndIsWipedToo() {
        RecordingSource source = new RecordingSource("not the passphrase");

        Run ja = run(new WhoAmI(source), "--lang", "ja", "whoami", "--clerk", "admin");

        assertThat(ja.code()).isEqualTo(1);
        assertThat(ja.err()).isEqualTo("madoguchi whoami: "
                + new Messages(Language.JAPANESE).get("store.error.wrongPassphrase") + " (STORE-005)\n");
        assertThat(ja.out()).isEmpty();
        assertThat(new String(source.handedOut.get(0))).isEqualTo("\0".repeat("not the passphrase".length()));

        Run en = run(new WhoAmI(new RecordingSource("still not it")), "--lang", "en", "whoami", "--clerk", "admin");
        assertThat(en.code()).isEqualTo(1);
        assertThat(en.err()).isEqualTo("madoguchi whoami: "
                + new Messages(Language.ENGLISH).get("store.error.wrongPassphrase") + " (STORE-005)\n");
    }

    @Test
    void aNewPassphraseIsAskedTwiceAndBothAreWipedAlsoWhenTheyDiffer() {
        RecordingSource same = new RecordingSource("new passphrase 1", "new passphrase 1");
        Run ok = run(new NewPassphrase(same), "rekey", "--clerk", "admin");
        assertThat(ok.code()).isEqualTo("new passphrase 1".length());
        assertThat(same.prompts).containsExactly("New passphrase for clerk-b (at least 8 characters)",
                "The same passphrase again");
        assertThat(same.handedOut).allSatisfy(p -> assertThat(new String(p)).matches("\0+"));

        RecordingSource differ = new RecordingSource("new passphrase 1", "new passphrase 2");
        Run usage = run(new NewPassphrase(differ), "rekey", "--clerk", "admin");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("the two passphrases differ");
        assertThat(differ.handedOut).hasSize(2).allSatisfy(p -> assertThat(new String(p)).matches("\0+"));
    }

    @Test
    void theClerkIsRequiredBeforeAnyPassphraseIsAskedFor() {
        RecordingSource source = new RecordingSource(PASSPHRASE);

        Run run = run(new WhoAmI(source), "whoami");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--clerk=ID'");
        assertThat(source.prompts).isEmpty();
    }
}
