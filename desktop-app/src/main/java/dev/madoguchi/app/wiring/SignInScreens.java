package dev.madoguchi.app.wiring;

import dev.madoguchi.app.demo.DemoAccount;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.login.LoginView;
import dev.madoguchi.app.login.LoginViewModel;
import dev.madoguchi.app.login.SignIn;
import dev.madoguchi.app.reader.ReaderSelection;
import dev.madoguchi.app.setup.StartMode;
import dev.madoguchi.app.shell.WindowPlacement;
import dev.madoguchi.app.store.StoreService;
import dev.madoguchi.app.store.StoreSummary;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.store.StoreOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.stage.Stage;

/**
 * What the window shows before the main window (docs/adr/0031): the setup assistant in setup mode, the sign-in
 * otherwise. On a computer never set up (the demo's sign-in) the sign-in offers この端末を設定する: the service of the
 * store and the card readers leave the demo for good ({@link StoreService#leaveDemo()},
 * {@link ReaderSelection#withoutDemoFallback()}) and the same assistant as {@code --setup} opens in the same window.
 * The demo's store stays where it is until the assistant creates the municipality's store: then it is moved aside to
 * {@code store-demo-<time>} (step 3), so no demo data is ever in the municipality's store.
 */
public final class SignInScreens {

    private final TaskRunner tasks;
    private final Path storeDirectory;
    private final Path dataDirectory;
    private final ReaderSelection readers;
    private final StoreService store;
    private final SignIn signIn;
    private final Function<Boolean, SignInWarmUp> warmUp;
    private final Runnable leftDemo;

    /**
     * @param signIn the sign-in of the composition root (it also seals a plain signing key)
     * @param warmUp what is made while the key is derived, given whether the demo runs
     * @param leftDemo told when the demo's sign-in handed over to the setup assistant
     */
    public SignInScreens(TaskRunner tasks, Path storeDirectory, Path dataDirectory, ReaderSelection readers,
            StoreService store, SignIn signIn, Function<Boolean, SignInWarmUp> warmUp, Runnable leftDemo) {
        this.tasks = tasks;
        this.storeDirectory = storeDirectory;
        this.dataDirectory = dataDirectory;
        this.readers = readers;
        this.store = store;
        this.signIn = signIn;
        this.warmUp = warmUp;
        this.leftDemo = leftDemo;
    }

    /** Shows the assistant (setup mode) or the sign-in in {@code stage}; {@code signedIn} gets the sign-in. */
    public void show(Stage stage, StartMode mode, Messages messages, int textSizePercent,
            Consumer<StoreSummary> signedIn) {
        if (mode == StartMode.SETUP) {
            showSetup(stage, messages, textSizePercent, signedIn);
            return;
        }
        List<DemoAccount> demoAccounts = store.demo() ? DemoAccount.onLoginScreen() : List.of();
        SignInWarmUp warm = warmUp.apply(store.demo());
        SignIn warmed = (clerkId, passphrase) -> {
            warm.start(); // while the key is derived
            try {
                return signIn.signIn(clerkId, passphrase);
            } finally {
                warm.stop();
            }
        };
        Runnable setUp = mode == StartMode.DEMO ? () -> {
            store.leaveDemo(); // no sign-in runs (the button is off while one does): nothing is open
            readers.withoutDemoFallback();
            leftDemo.run();
            showSetup(stage, messages, textSizePercent, signedIn);
        } : null; // a set-up computer: an administrator reaches 設定 after the sign-in
        LoginViewModel viewModel = new LoginViewModel(messages, tasks, warmed, demoAccounts, signedIn, setUp);
        Parent root = new ViewLoader(messages.bundle()).with(LoginView.class, () -> new LoginView(viewModel))
                .loadStyled(LoginView.class);
        stage.titleProperty().unbind();
        stage.setTitle(messages.get("login.title"));
        new WindowPlacement(dataDirectory).showSignIn(stage, root, textSizePercent);
    }

    private void showSetup(Stage stage, Messages messages, int textSizePercent, Consumer<StoreSummary> signedIn) {
        new SetupWiring(messages, tasks, storeDirectory, StoreOptions.defaults(), readers,
                (id, passphrase, apply) -> {
                    StoreSummary summary = signIn.signIn(id, passphrase);
                    store.store().ifPresent(apply); // what the steps tried: backend, forms folder, shelters
                    return summary;
                }, signedIn).show(stage, messages, textSizePercent);
    }
}
