package dev.madoguchi.app.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.login.LoginViewModel;
import dev.madoguchi.app.reader.ReaderSelection;
import dev.madoguchi.app.store.StoreService;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.error.StoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * この端末を設定する leaves the demo for good (docs/adr/0031): the sign-in offers it only where it is given, not while a
 * sign-in runs; afterwards the store service never creates or fills the demo store (so no demo data can reach the
 * store the assistant creates) and the readers have no simulated fallback with demo cards.
 */
class SetupLeavesTheDemoTest {

    @TempDir
    Path dir;

    @Test
    void theSignInOffersSetupOnlyWhereItIsGivenAndRunsItOnce() {
        Messages messages = new Messages(Language.ENGLISH);
        List<String> opened = new ArrayList<>();
        LoginViewModel offered = new LoginViewModel(messages, new InlineTaskRunner(), (id, p) -> {
            throw new IllegalStateException("no sign-in here");
        }, List.of(), s -> { }, () -> opened.add("setup"));
        assertThat(offered.setUpOfferedProperty().get()).isTrue();
        offered.passphraseProperty().set("typed");
        offered.setUpThisTerminal();
        assertThat(opened).containsExactly("setup");
        assertThat(offered.passphraseProperty().get()).as("nothing typed is carried over").isEmpty();
        assertThat(offered.setUpOfferedProperty().get()).isFalse();

        LoginViewModel setUpComputer = new LoginViewModel(messages, new InlineTaskRunner(), (id, p) -> null,
                List.of(), s -> { });
        assertThat(setUpComputer.setUpOfferedProperty().get()).isFalse();
        setUpComputer.setUpThisTerminal(); // nothing to run, nothing thrown
    }

    @Test
    void afterLeavingTheDemoASignInNeverCreatesTheDemoStore() {
        Path store = dir.resolve("store");
        StoreService service = new StoreService(store, DemoEnvironment.standard(),
                StoreOptions.defaults().withKeyIterations(1_000));
        assertThat(service.demo()).isTrue();
        service.leaveDemo();
        assertThat(service.demo()).isFalse();
        assertThatThrownBy(() -> service.signIn(DemoEnvironment.DEMO_CLERK,
                DemoEnvironment.DEMO_CLERK_PASSPHRASE.toCharArray())).isInstanceOf(StoreException.class);
        assertThat(LocalStore.exists(store)).as("no demo store was made").isFalse();
        service.close();
    }

    @Test
    void afterLeavingTheDemoTheReadersHaveNoSimulatedFallback() {
        CardReaders noService = new CardReaders() {
            @Override
            public ReaderSource source() {
                return ReaderSource.PCSC;
            }

            @Override
            public ReaderSnapshot snapshot() throws CardIoException {
                throw new CardIoException(CardIoError.READER_SERVICE_UNAVAILABLE, "no pcscd");
            }

            @Override
            public CardConnection connect(String readerName) throws CardIoException {
                throw new CardIoException(CardIoError.READER_SERVICE_UNAVAILABLE, "no pcscd");
            }
        };
        ReaderSelection readers = new ReaderSelection(noService, () -> new SimulatedCardReaders(List.of()), false);
        assertThat(readers.simulatedReader()).as("the demo's fallback").isPresent();
        readers.withoutDemoFallback();
        assertThat(readers.simulatedReader()).isEmpty();
        assertThat(readers.source()).isEqualTo(ReaderSource.PCSC);
    }
}
