package dev.madoguchi.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.demo.DemoAccount;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.demo.VolunteerOnlyDemoStore;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.login.LoginViewModel;
import dev.madoguchi.app.shell.Mode;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.app.wiring.ShellWiring;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.clerks.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's second volunteer store (docs/volunteer-mode.md): the account listed on the login screen signs in to a
 * separate store beside the demo store that holds no register, no case and no shelter, and sees the volunteer mode
 * only.
 */
class VolunteerOnlyDemoStoreTest {

    private static final StoreOptions OPTIONS = new StoreOptions("test", 1_000, Clock.systemUTC(), new SecureRandom());

    @TempDir
    Path data;

    @Test
    void theLoginScreenListsTheVolunteerOnlyStoresAccount() {
        LoginViewModel vm = new LoginViewModel(new Messages(Language.JAPANESE), new InlineTaskRunner(),
                (id, secret) -> null, DemoAccount.onLoginScreen(), s -> { });
        assertThat(vm.demoHintProperty().get())
                .contains("推進委員：demo-volunteer　madoguchi-demo-volunteer")
                .contains("推進委員・登録簿なしの別ストア：demo-event-volunteer　madoguchi-demo-event-volunteer");
        assertThat(DemoAccount.all()).extracting(DemoAccount::clerkId)
                .doesNotContain(VolunteerOnlyDemoStore.VOLUNTEER); // never added to the full demo store
    }

    @Test
    void itsVolunteerSignsInToASeparateStoreWithoutRegisterCasesOrSheltersAndSeesOnlyTheVolunteerMode() {
        Path demoStore = data.resolve("store");
        StoreSummary summary;
        try (StoreService service = new StoreService(demoStore, new DemoEnvironment(7, 300), OPTIONS)) {
            summary = service.signIn(VolunteerOnlyDemoStore.VOLUNTEER,
                    VolunteerOnlyDemoStore.VOLUNTEER_PASSPHRASE.toCharArray());
            assertThat(service.store().orElseThrow().directory()).isEqualTo(data.resolve("volunteer-only-store"));
        }
        assertThat(summary.clerk().role()).isEqualTo(Role.VOLUNTEER);
        assertThat(summary.residents()).isZero();
        assertThat(summary.households()).isZero();
        assertThat(ShellWiring.modesFor(summary.clerk().role())).containsExactly(Mode.VOLUNTEER);
        assertThat(Files.exists(demoStore)).as("the full demo store was not made for it").isFalse();

        try (LocalStore admin = LocalStore.open(data.resolve(VolunteerOnlyDemoStore.DIRECTORY),
                VolunteerOnlyDemoStore.ADMINISTRATOR, VolunteerOnlyDemoStore.ADMINISTRATOR_PASSPHRASE.toCharArray(),
                OPTIONS)) {
            assertThat(admin.register().residentCount()).isZero();
            assertThat(admin.register().householdCount()).isZero();
            assertThat(admin.cases().openedBetween(Instant.EPOCH, Instant.now().plusSeconds(86_400))).isEmpty();
            assertThat(admin.shelter().shelters()).isEmpty();
            assertThat(admin.clerks().list()).extracting(c -> c.clerkId())
                    .containsExactlyInAnyOrder(VolunteerOnlyDemoStore.ADMINISTRATOR, VolunteerOnlyDemoStore.VOLUNTEER);
        }

        // the full demo store is still made, with its register, for the other demo accounts
        try (StoreService service = new StoreService(demoStore, new DemoEnvironment(7, 300), OPTIONS)) {
            StoreSummary counter = service.signIn(DemoEnvironment.DEMO_VOLUNTEER,
                    DemoEnvironment.DEMO_VOLUNTEER_PASSPHRASE.toCharArray());
            assertThat(counter.residents()).isGreaterThanOrEqualTo(300);
        }
    }
}
