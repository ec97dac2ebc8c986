package dev.madoguchi.store;

import static dev.madoguchi.store.TestStores.ADMIN;
import static dev.madoguchi.store.TestStores.ADMIN_PASSPHRASE;
import static dev.madoguchi.store.TestStores.CLERK;
import static dev.madoguchi.store.TestStores.CLERK_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.register.RegisterHousehold;
import dev.madoguchi.store.register.RegisterResident;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {

    @TempDir
    Path dir;

    private static final RegisterHousehold HOUSEHOLD =
            new RegisterHousehold("H000001", "R000001", "架空県窓口市本町１丁目２番３号　窓口ハイツ２０１号室", "000-0001");

    private static RegisterResident resident(String id, String code, String familyName) {
        return new RegisterResident(id, "H000001", code, "世帯主", familyName, "太郎", "ヨシダ", "タロウ",
                LocalDate.of(1980, 4, 1), Sex.MALE, "000-0001", HOUSEHOLD.address(), LocalDate.of(2010, 1, 5),
                null, null, null, null, null);
    }

    private LocalStore admin() {
        return TestStores.openAs(dir, ADMIN, ADMIN_PASSPHRASE);
    }

    @Test
    void createsAnEncryptedStoreAtTheNewestSchemaWithItsAdministratorSignedIn() {
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            assertThat(store.schemaVersion()).isEqualTo(String.valueOf(LocalStore.SCHEMA_VERSION));
            assertThat(store.clerk().role()).isEqualTo(Role.ADMINISTRATOR);
            assertThat(store.register().residentCount()).isZero();
        }
        assertThat(dir.resolve(LocalStore.DATABASE_FILE)).exists();
        assertThat(dir.resolve("madoguchi.keys")).exists();
        assertThat(LocalStore.exists(dir)).isTrue();
    }

    @Test
    void aSignInReportsHowLongItsKeyDerivationTookAtTheProductionIterationCount() {
        try (LocalStore created = LocalStore.create(dir, new Clerk(ADMIN, "管理者", Role.ADMINISTRATOR),
                ADMIN_PASSPHRASE, StoreOptions.defaults())) {
            assertThat(created.keyDerivationMillis()).as("no derivation to unlock a store just created").isZero();
        }
        try (LocalStore opened = LocalStore.open(dir, ADMIN, ADMIN_PASSPHRASE, StoreOptions.defaults())) {
            // 600,000 PBKDF2-HMAC-SHA256 iterations take tens to hundreds of ms on any machine
            assertThat(opened.keyDerivationMillis()).isBetween(1L, 60_000L);
        }
    }

    @Test
    void refusesToCreateASecondStoreOverAnExistingOne() {
        TestStores.createWithClerks(dir).close();
        assertThatThrownBy(() -> LocalStore.create(dir, new Clerk("other", "x", Role.ADMINISTRATOR),
                "another passphrase".toCharArray(), TestStores.options()))
                .isInstanceOf(StoreException.class);
        TestStores.openAs(dir, ADMIN, ADMIN_PASSPHRASE).close();
    }

    @Test
    void keepsRareCharactersAndFullWidthAddressesExactlyAcrossReopening() {
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            store.register().replaceAll(List.of(HOUSEHOLD), List.of(resident("R000001", "12345678901", "𠮷田")));
        }
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            RegisterResident back = store.register().findResident("R000001").orElseThrow();
            assertThat(back.familyName()).isEqualTo("𠮷田").hasSize(3);
            assertThat(back.address()).isEqualTo(HOUSEHOLD.address()).contains("\u3000").contains("１丁目");
            assertThat(back).isEqualTo(resident("R000001", "12345678901", "𠮷田"));
            assertThat(store.register().householdCount()).isEqualTo(1);
        }
    }

    @Test
    void aFailedReplacementLeavesTheEarlierCopyUntouched() {
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            store.register().replaceAll(List.of(HOUSEHOLD), List.of(resident("R000001", "12345678901", "山田")));
            var duplicateCodes = List.of(resident("R000001", "11111111111", "佐藤"), resident("R000002", "11111111111", "鈴木"));

            assertThatThrownBy(() -> store.register().replaceAll(List.of(HOUSEHOLD), duplicateCodes))
                    .isInstanceOf(StoreException.class)
                    .hasMessageNotContaining("佐藤")
                    .hasMessageNotContaining("鈴木");
            assertThat(store.register().findResident("R000001").orElseThrow().familyName()).isEqualTo("山田");
        }
    }

    @Test
    void keepsSettings() {
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            store.settings().put("demo.seed", "42");
            store.settings().put("demo.seed", "43");
        }
        try (LocalStore store = admin()) {
            assertThat(store.settings().get("demo.seed")).contains("43");
            assertThat(store.settings().get("missing")).isEmpty();
        }
    }

    @Test
    void aDamagedFileIsReportedAsCorrupt() throws Exception {
        TestStores.createWithClerks(dir).close();
        Path file = dir.resolve(LocalStore.DATABASE_FILE);
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);

        assertThatThrownBy(this::admin)
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(StoreError.CORRUPT_FILE));
    }

    @Test
    void aTruncatedFileIsReportedAsCorruptAndABackupBringsTheDataBack() throws Exception {
        Path backup = dir.resolveSibling(dir.getFileName() + "-backup.zip");
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            store.register().replaceAll(List.of(HOUSEHOLD), List.of(resident("R000001", "12345678901", "山田")));
            store.backup(backup);
        }
        Path file = dir.resolve(LocalStore.DATABASE_FILE);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 3));

        assertThatThrownBy(this::admin)
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(StoreError.CORRUPT_FILE));

        LocalStore.restore(backup, dir, ADMIN, ADMIN_PASSPHRASE, TestStores.options());
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            assertThat(store.register().findResident("R000001").orElseThrow().familyName()).isEqualTo("山田");
        }
        assertThat(dir.resolve(LocalStore.DATABASE_FILE + ".before-restore")).exists();
    }

    @Test
    void aWrongPassphraseIsRefusedAndTheFileIsLeftAsItWas() throws Exception {
        TestStores.createWithClerks(dir).close();
        byte[] before = Files.readAllBytes(dir.resolve(LocalStore.DATABASE_FILE));

        assertThatThrownBy(() -> TestStores.openAs(dir, CLERK, "not the passphrase".toCharArray()))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(StoreError.WRONG_PASSPHRASE));
        assertThatThrownBy(() -> TestStores.openAs(dir, "nobody", CLERK_PASSPHRASE))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(StoreError.WRONG_PASSPHRASE));

        assertThat(Files.readAllBytes(dir.resolve(LocalStore.DATABASE_FILE))).isEqualTo(before);
    }

    @Test
    void aKeyringFromAnotherStoreIsReportedAsTheWrongKey() throws Exception {
        Path other = dir.resolveSibling(dir.getFileName() + "-other");
        TestStores.createWithClerks(dir).close();
        TestStores.createWithClerks(other).close();
        Files.copy(other.resolve("madoguchi.keys"), dir.resolve("madoguchi.keys"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(this::admin)
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(StoreError.WRONG_KEY));
    }

    @Test
    void aMissingStoreIsReportedAsNoStore() {
        assertThatThrownBy(this::admin)
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(StoreError.NO_STORE));
    }

    @Test
    void aFileFromANewerSchemaVersionIsRefusedAndKeptIntact() throws Exception {
        try (LocalStore store = TestStores.createWithClerks(dir);
                var c = TestStores.raw(store);
                var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                    + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'test', 1, TRUE)");
        }

        assertThatThrownBy(this::admin)
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(StoreError.NEWER_SCHEMA));

        // nothing was migrated or removed: the newer version's history row and the clerks are still there
        var key = dev.madoguchi.store.keys.Keyring.read(dev.madoguchi.store.keys.Keyring.in(dir))
                .unlock(ADMIN, ADMIN_PASSPHRASE);
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(LocalStore.FILE_NAME)
                        + ";CIPHER=AES;IFEXISTS=TRUE", "madoguchi", new String(key.h2Password()));
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT (SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\"), "
                        + "(SELECT COUNT(*) FROM clerk)")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(99);
            assertThat(rs.getInt(2)).isEqualTo(4);
        }
    }

    @Test
    void anUnencryptedStoreOfTheFoundationVersionIsRecognised() throws Exception {
        Files.createDirectories(dir);
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(LocalStore.FILE_NAME),
                "madoguchi", "")) {
            c.createStatement().execute("CREATE TABLE setting (setting_key VARCHAR(100))");
        }
        assertThat(LocalStore.holdsUnencryptedLegacyFile(dir)).isTrue();
        assertThatThrownBy(this::admin)
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(StoreError.NO_STORE));
    }

    @Test
    void aSecondProcessOnTheSameFileIsToldItIsLocked() throws Exception {
        TestStores.createWithClerks(dir).close();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreHolder.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine(); // skip whatever the child's libraries print first
            } while (line != null && !line.equals("open"));
            assertThat(line).as("the child JVM opened the store").isEqualTo("open");
            assertThatThrownBy(this::admin)
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.LOCKED_BY_ANOTHER_INSTANCE));
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Runs in a child JVM: opens the store and keeps it open until killed. */
    public static final class StoreHolder {
        public static void main(String[] args) throws Exception {
            try (LocalStore store = TestStores.openAs(Path.of(args[0]), CLERK, CLERK_PASSPHRASE)) {
                System.out.println("open");
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }
}
