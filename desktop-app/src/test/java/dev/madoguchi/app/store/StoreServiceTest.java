package dev.madoguchi.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.app.demo.DemoAccount;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.clerks.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreServiceTest {

    /** Few PBKDF2 iterations keep the test quick; the production count is the store's default. */
    private static final StoreOptions OPTIONS = new StoreOptions("test", 1_000, Clock.systemUTC(), new SecureRandom());

    @TempDir
    Path dir;

    private static char[] demoPassphrase() {
        return DemoEnvironment.DEMO_CLERK_PASSPHRASE.toCharArray();
    }

    @Test
    void createsTheEncryptedDemoStoreOnceAndSignsTheDemoClerkIn() throws Exception {
        DemoEnvironment demo = new DemoEnvironment(7, 300);
        StoreSummary first;
        try (StoreService service = new StoreService(dir, demo, OPTIONS)) {
            first = service.signIn(DemoEnvironment.DEMO_CLERK, demoPassphrase());
            assertThat(service.current()).contains(first);
        }
        assertThat(first.demo()).isTrue();
        assertThat(first.clerk().role()).isEqualTo(Role.CLERK);
        assertThat(first.residents()).isEqualTo(demo.municipality().residents().size()).isGreaterThanOrEqualTo(300);
        assertThat(first.households()).isEqualTo(demo.municipality().households().size());

        try (LocalStore store = LocalStore.open(dir, DemoEnvironment.DEMO_CLERK, demoPassphrase(), OPTIONS)) {
            assertThat(store.settings().get(StoreService.SNAPSHOT_SETTING)).contains(demo.snapshotId());
            // recorded beside the store too, so the next sign-in needs no administrator's sign-in to know it
            assertThat(Files.readString(dir.resolve(StoreService.DEMO_SNAPSHOT_FILE)).strip())
                    .startsWith(demo.snapshotId() + " ");
            var someone = demo.municipality().residents().get(0);
            assertThat(store.register().findByMyNumber(MyNumber.parse(someone.myNumber())))
                    .get().extracting(r -> r.familyName()).isEqualTo(someone.familyName());
        }
    }

    @Test
    void theDemoOffersOneAccountPerModeAlsoInAStoreMadeByAnEarlierVersion() throws Exception {
        DemoEnvironment demo = new DemoEnvironment(7, 300);
        try (StoreService service = new StoreService(dir, demo, OPTIONS)) {
            service.signIn(DemoEnvironment.DEMO_CLERK, demoPassphrase());
        }
        // an earlier version's demo store: the counter clerk only, and the marker without the accounts
        try (LocalStore admin = LocalStore.open(dir, DemoEnvironment.DEMO_ADMINISTRATOR,
                DemoEnvironment.DEMO_ADMINISTRATOR_PASSPHRASE.toCharArray(), OPTIONS)) {
            admin.clerks().remove(DemoEnvironment.DEMO_SHELTER);
            admin.clerks().remove(DemoEnvironment.DEMO_VOLUNTEER);
        }
        Files.writeString(dir.resolve(StoreService.DEMO_SNAPSHOT_FILE), demo.snapshotId() + "\n");

        try (StoreService service = new StoreService(dir, demo, OPTIONS)) {
            for (DemoAccount account : DemoAccount.all()) {
                StoreSummary summary = service.signIn(account.clerkId(), account.passphrase().toCharArray());
                assertThat(summary.clerk().role()).isEqualTo(account.role());
            }
        }
        assertThat(DemoAccount.all()).extracting(DemoAccount::role)
                .containsExactly(Role.CLERK, Role.SHELTER_STAFF, Role.VOLUNTEER);
    }

    @Test
    void aWrongPassphraseIsATypedErrorAndNobodyIsSignedIn() {
        try (StoreService service = new StoreService(dir, new DemoEnvironment(7, 300), OPTIONS)) {
            assertThatThrownBy(() -> service.signIn(DemoEnvironment.DEMO_CLERK, "not it at all".toCharArray()))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.WRONG_PASSPHRASE));
            assertThat(service.current()).isEmpty();
            assertThat(service.open().clerk().clerkId()).isEqualTo(DemoEnvironment.DEMO_CLERK);
        }
    }

    @Test
    void replacesTheDemoRegisterWhenTheDemoChanges() {
        try (StoreService service = new StoreService(dir, new DemoEnvironment(7, 300), OPTIONS)) {
            service.open();
        }
        DemoEnvironment bigger = new DemoEnvironment(7, 600);
        try (StoreService service = new StoreService(dir, bigger, OPTIONS)) {
            assertThat(service.open().residents()).isEqualTo(bigger.municipality().residents().size());
        }
    }

    @Test
    void recreatesAnUnencryptedDemoStoreOfTheFoundationVersion() throws Exception {
        Files.createDirectories(dir);
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(LocalStore.FILE_NAME),
                "madoguchi", "")) {
            c.createStatement().execute("CREATE TABLE setting (setting_key VARCHAR(100))");
        }
        try (StoreService service = new StoreService(dir, new DemoEnvironment(7, 300), OPTIONS)) {
            assertThat(service.open().schemaVersion()).isEqualTo("11");
        }
        assertThat(LocalStore.exists(dir)).isTrue();
    }

    @Test
    void theDemoStoreHoldsNoNameOrMyNumberInTheClear() throws Exception {
        DemoEnvironment demo = new DemoEnvironment(7, 300);
        try (StoreService service = new StoreService(dir, demo, OPTIONS)) {
            service.open();
        }
        String bytes = new String(Files.readAllBytes(dir.resolve(LocalStore.DATABASE_FILE)), StandardCharsets.ISO_8859_1);
        for (var resident : demo.municipality().residents().subList(0, 50)) {
            assertThat(bytes).doesNotContain(resident.myNumber());
            assertThat(bytes).doesNotContain(new String(resident.fullName().getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.ISO_8859_1));
        }
    }
}
