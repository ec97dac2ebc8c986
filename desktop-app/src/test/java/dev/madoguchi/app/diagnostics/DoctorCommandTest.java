package dev.madoguchi.app.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.Main;
import dev.madoguchi.app.files.OwnerOnlyFiles;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

    private static final String NAME = "窓口診断太郎";
    private static final String PASSPHRASE = "correct horse battery staple 77";
    private static final String MY_NUMBER = "123456789018";

    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    private void seedStore() {
        OwnerOnlyFiles.prepare(dir);
        StoreOptions options = new StoreOptions("test-terminal", 1_000, Clock.systemUTC(), new SecureRandom());
        try (LocalStore store = LocalStore.create(dir.resolve("store"), new Clerk("admin1", NAME, Role.ADMINISTRATOR),
                PASSPHRASE.toCharArray(), options)) {
            store.settings().put("test.value", NAME + " " + MY_NUMBER);
        }
    }

    @Test
    void theJsonReportListsEveryCheckAndHoldsNoPersonalValue() throws Exception {
        seedStore();
        Path zip = dir.resolve("report.zip");

        String[] result = run("--data-dir", dir.toString(), "doctor", "--json", "--lang", "en", "--out",
                zip.toString());

        assertThat(result[0]).isIn("0", "3");
        String json = result[1];
        for (String id : List.of("java", "os", "pcsc", "fonts", "printers", "proxy", "data-directory", "store",
                "backend")) {
            assertThat(json).contains("\"" + id + "\":{\"status\":");
        }
        assertThat(json).contains("\"schemaVersion\":").contains("\"encrypted\":true").contains("\"runtime.version\"");
        StringBuilder all = new StringBuilder(json).append(result[2]);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            Set<String> names = new TreeSet<>();
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertThat(names).containsExactly("log-tail.txt", "report.json", "report.txt");
        }
        assertThat(all.toString()).doesNotContain(NAME).doesNotContain(PASSPHRASE).doesNotContain(MY_NUMBER)
                .contains("\"store\"");
    }

    @Test
    void filesOthersCouldReadAreAWarningWithTheirRemedy() throws Exception {
        seedStore();
        assertThat(OwnerOnlyFiles.tooOpen(dir)).isEmpty();
        Files.setPosixFilePermissions(dir.resolve("store").resolve(LocalStore.DATABASE_FILE),
                PosixFilePermissions.fromString("rw-r--r--"));

        String[] result = run("--data-dir", dir.toString(), "doctor", "--lang", "en");

        assertThat(result[1]).containsPattern("\\[warning\\] +data-directory").contains("chmod -R go-rwx " + dir);
    }

    @Test
    void theStoreTheKeyringAndTheLogsAreOwnerOnly() throws Exception {
        seedStore();
        run("--data-dir", dir.toString(), "doctor");
        // what the process writes after the start (logs, exports, backups) is created owner-only
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs").resolve("madoguchi.log"), "a log line\n");
        Files.writeString(dir.resolve("export.csv"), "an export\n");

        assertThat(OwnerOnlyFiles.tooOpen(dir)).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("store").resolve("madoguchi.keys")))).isEqualTo("rw-------");
    }

    @Test
    void theTextReportSaysNoStoreYetOnAFreshDirectory() {
        String[] result = run("--data-dir", dir.resolve("fresh").toString(), "doctor", "--lang", "en");

        assertThat(result[1]).containsPattern("\\[warning\\] +store").contains("STORE-008");
    }

    @Test
    void bothRemedyBundlesHaveTheSameKeys() throws Exception {
        assertThat(keys("doctor_en.properties")).isEqualTo(keys("doctor.properties")).isNotEmpty();
    }

    private static Set<String> keys(String file) throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var in = Remedies.class.getResourceAsStream(file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
