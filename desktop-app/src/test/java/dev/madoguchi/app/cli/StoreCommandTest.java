package dev.madoguchi.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.Main;
import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.DemoMunicipalityCsv;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCommandTest {

    private static final String PASSPHRASE = "correct horse battery";
    private static final DemoMunicipality DEMO = DemoMunicipality.generate(9, 200);
    private final InputStream originalIn = System.in;

    @TempDir
    Path dataDir;

    private record Run(int code, String out, String err) {}

    @AfterEach
    void restoreStdin() {
        System.setIn(originalIn);
    }

    /** Runs the command line with the given lines on standard input (what a pipe would give). */
    private Run run(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Run store(Path data, String stdin, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--data-dir";
        all[1] = data.toString();
        all[2] = "store";
        System.arraycopy(args, 0, all, 3, args.length);
        return run(stdin, all);
    }

    @Test
    void createsImportsVerifiesBacksUpRestoresAndPurgesWithoutPrintingPersonalData() throws Exception {
        Path csv = dataDir.resolve("register.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            DemoMunicipalityCsv.write(DEMO, w);
        }
        String twice = PASSPHRASE + "\n" + PASSPHRASE + "\n";
        String once = PASSPHRASE + "\n";

        Run create = store(dataDir, twice, "create", "--clerk", "admin", "--name", "管理者");
        assertThat(create.code()).as(create.err()).isZero();
        Run imported = store(dataDir, once, "import", "--clerk", "admin", csv.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported " + DEMO.residents().size() + " residents");
        Run verify = store(dataDir, once, "verify", "--clerk", "admin");
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("audit journal: intact");

        Path backup = dataDir.resolve("shelter.zip");
        Run backedUp = store(dataDir, once, "backup", "--clerk", "admin", backup.toString());
        assertThat(backedUp.code()).as(backedUp.err()).isZero();
        Path otherLaptop = dataDir.resolve("other-laptop");
        Run restored = store(otherLaptop, once, "restore", "--clerk", "admin", backup.toString());
        assertThat(restored.code()).as(restored.err()).isZero();
        Run verifyThere = store(otherLaptop, once, "verify", "--clerk", "admin");
        assertThat(verifyThere.out()).contains("audit journal: intact");

        Run purge = store(dataDir, once, "purge", "--clerk", "admin", "--retention-days", "0");
        assertThat(purge.code()).as(purge.err()).isZero();
        assertThat(purge.out()).contains("purged the My Numbers of 0 synced cases");

        for (Run r : new Run[] {create, imported, verify, backedUp, restored, verifyThere, purge}) {
            for (var resident : DEMO.residents().subList(0, 50)) {
                assertThat(r.out() + r.err()).doesNotContain(resident.familyName() + resident.givenName())
                        .doesNotContain(resident.myNumber());
            }
            assertThat(r.out() + r.err()).doesNotContain(PASSPHRASE);
        }
    }

    @Test
    void aWrongPassphraseIsOneLineWithTheRemedyAndCode() {
        store(dataDir, PASSPHRASE + "\n" + PASSPHRASE + "\n", "create", "--clerk", "admin", "--name", "管理者");

        Run wrong = store(dataDir, "not the passphrase\n", "verify", "--clerk", "admin");

        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("STORE-005").contains("パスフレーズ").doesNotContain("Exception");
        assertThat(wrong.err().lines().filter(l -> !l.startsWith("Passphrase for"))).hasSize(1);
    }

    @Test
    void aPassphraseIsNeverAcceptedAsAnArgument() {
        Run withArgument = store(dataDir, "", "verify", "--clerk", "admin", "--passphrase", PASSPHRASE);
        assertThat(withArgument.code()).isEqualTo(2);
    }

    @Test
    void helpListsTheStoreSubcommands() {
        Run help = run("", "store", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("verify").contains("backup").contains("restore").contains("import")
                .contains("purge");
    }
}
