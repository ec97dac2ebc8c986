package dev.madoguchi.app.login;

import dev.madoguchi.app.demo.DemoAccount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.store.StoreSummary;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginViewModelTest {

    private static final StoreSummary SUMMARY = new StoreSummary(1, 2, "2", true, new Clerk("demo", "デモ職員", Role.CLERK));
    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final Messages japanese = new Messages(Language.JAPANESE);
    private final List<StoreSummary> signedIn = new ArrayList<>();
    private final List<String> attempts = new ArrayList<>();

    private final SignIn acceptsDemo = (id, passphrase) -> {
        attempts.add(id);
        if (id.equals("demo") && new String(passphrase).equals("madoguchi-demo")) {
            return SUMMARY;
        }
        throw new StoreException(StoreError.WRONG_PASSPHRASE, "no such clerk or wrong passphrase", null);
    };

    @Test
    void showsTheDemoClerkAndSignsInOnTheStoreWriterLane() {
        LoginViewModel vm = new LoginViewModel(japanese, tasks, acceptsDemo, DemoAccount.all(), signedIn::add);
        assertThat(vm.demoHintProperty().get()).contains("窓口：demo　madoguchi-demo")
                .contains("避難所：demo-shelter　madoguchi-demo-shelter")
                .contains("推進委員：demo-volunteer　madoguchi-demo-volunteer");
        assertThat(vm.clerkIdProperty().get()).isEqualTo("demo");

        vm.passphraseProperty().set("madoguchi-demo");
        vm.signIn();

        assertThat(signedIn).containsExactly(SUMMARY);
        assertThat(tasks.lanesUsed()).anyMatch(lane -> lane.startsWith("store-writer:"));
        assertThat(vm.passphraseProperty().get()).isEmpty();
    }

    @Test
    void aWrongPassphraseIsShownInWordsWithItsCodeAndClearsTheField() {
        LoginViewModel vm = new LoginViewModel(japanese, tasks, acceptsDemo, List.of(), signedIn::add);
        assertThat(vm.demoHintProperty().get()).isEmpty();
        vm.clerkIdProperty().set("demo");
        vm.passphraseProperty().set("wrong one");

        vm.signIn();

        assertThat(signedIn).isEmpty();
        assertThat(vm.messageProperty().get()).contains("パスフレーズが違います").contains("STORE-005");
        assertThat(vm.passphraseProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void emptyFieldsAreNotSentToTheStore() {
        LoginViewModel vm = new LoginViewModel(japanese, tasks, acceptsDemo, List.of(), signedIn::add);
        vm.signIn();
        assertThat(attempts).isEmpty();
        assertThat(vm.messageProperty().get()).isNotEmpty();
    }
}
