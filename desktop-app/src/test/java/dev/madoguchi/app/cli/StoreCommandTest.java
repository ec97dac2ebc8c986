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
    void importsJsonLinesByExtensionOrFormatAndNamesTheBadLine() throws Exception {
        String line1 = "{\"resident_id\":\"R1\",\"household_id\":\"H1\",\"resident_code\":\"12345678901\","
                + "\"relationship\":\"世帯主\",\"family_name\":\"𠮷田\",\"given_name\":\"太郎\","
                + "\"family_name_kana\":\"ヨシダ\",\"given_name_kana\":\"タロウ\",\"birth_date\":\"1980-04-01\","
                + "\"sex\":\"M\",\"postal_code\":\"000-0001\",\"address\":\"架空県窓口市本町１丁目\","
                + "\"my_number\":\"123456789018\"}";
        String line2 = line1.replace("\"123456789018\"", "null").replace("R1", "R2")
                .replace("12345678901", "12345678902").replace("世帯主", "子");
        Path jsonl = dataDir.resolve("register.jsonl");
        Files.writeString(jsonl, line1 + "\n" + line2 + "\n");
        Path other = dataDir.resolve("register.export");
        Files.writeString(other, line1 + "\n" + line2.replace("\"1980-04-01\"", "19800401") + "\n");
        String once = PASSPHRASE + "\n";
        store(dataDir, PASSPHRASE + "\n" + PASSPHRASE + "\n", "create", "--clerk", "admin", "--name", "管理者");

        Run imported = store(dataDir, once, "import", "--clerk", "admin", jsonl.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported 2 residents, 1 households");

        Run unknownFormat = store(dataDir, once, "import", "--clerk", "admin", other.toString());
        assertThat(unknownFormat.code()).isEqualTo(2);
        assertThat(unknownFormat.err()).contains("--format");

        Run badLine = store(dataDir, once, "import", "--clerk", "admin", "--format", "JSON_LINES", other.toString());
        assertThat(badLine.code()).isEqualTo(1);
        assertThat(badLine.err()).contains("STORE-009").contains("line 2: birth_date is not a string")
                .doesNotContain("𠮷田");
        Run verify = store(dataDir, once, "verify", "--clerk", "admin");
        assertThat(verify.out()).contains("audit journal: intact");
    }

    @Test
    void anAdministratorSeesDraftsAsCountsOnlyDiscardsAClerksDraftsAndSetsTheirRetention() throws Exception {
        String twice = PASSPHRASE + "\n" + PASSPHRASE + "\n";
        String once = PASSPHRASE + "\n";
        store(dataDir, twice, "create", "--clerk", "admin", "--name", "管理者");
        Run added = store(dataDir, once + twice, "add-clerk", "--clerk", "admin", "clerk-a", "--role", "CLERK",
                "--name", "窓口 一郎");
        assertThat(added.code()).as(added.err()).isZero();
        Path storeDir = new dev.madoguchi.app.AppPaths(dataDir).storeDirectory();
        try (var clerk = dev.madoguchi.store.LocalStore.open(storeDir, "clerk-a", PASSPHRASE.toCharArray(),
                dev.madoguchi.store.StoreOptions.defaults())) {
            clerk.drafts().save(java.util.UUID.randomUUID(), "FORMS", "{\"name\":\"下書 花子\"}", null);
            clerk.drafts().save(java.util.UUID.randomUUID(), "CANDIDATES", "{\"name\":\"下書 花子\"}", null);
        }

        Run listed = store(dataDir, once, "drafts", "--clerk", "admin");
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("kept 24 hours").contains("clerk-a: 2 (with a My Number: 0)")
                .doesNotContain("花子").doesNotContain("FORMS").doesNotContain("CANDIDATES");

        Run notAllowed = store(dataDir, once, "drafts", "--clerk", "clerk-a");
        assertThat(notAllowed.code()).isEqualTo(1);
        assertThat(notAllowed.err()).contains("STORE-");

        Run badHours = store(dataDir, once, "drafts", "--clerk", "admin", "--retention-hours", "0");
        assertThat(badHours.code()).isEqualTo(2);
        Run discarded = store(dataDir, once, "drafts", "--clerk", "admin", "--discard-of", "clerk-a",
                "--retention-hours", "8");
        assertThat(discarded.code()).as(discarded.err()).isZero();
        assertThat(discarded.out()).contains("discarded 2 visit drafts of clerk clerk-a").contains("kept 8 hours")
                .contains("none");
        Run purged = store(dataDir, once, "purge", "--clerk", "admin");
        assertThat(purged.out()).contains("0 abandoned visit drafts (retention 8 hours)");
        Run verify = store(dataDir, once, "verify", "--clerk", "admin");
        assertThat(verify.out()).contains("audit journal: intact");
    }

    @Test
    void aWrongPassphraseIsOneLineWithTheRemedyAndCode() {
        store(dataDir, PASSPHRASE + "\n" + PASSPHRASE + "\n", "create", "--clerk", "admin", "--name", "管理者");

        // the remedy follows --lang (else the locale: English for any but Japanese)
        Run wrong = run("not the passphrase\n", "--data-dir", dataDir.toString(), "--lang", "ja", "store", "verify",
                "--clerk", "admin");

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
