package dev.madoguchi.app;

import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.login.LoginView;
import dev.madoguchi.app.login.LoginViewModel;
import dev.madoguchi.app.reader.ReaderSelection;
import dev.madoguchi.app.shell.MainWindowView;
import dev.madoguchi.app.shell.MainWindowViewModel;
import dev.madoguchi.app.shell.StatusBarViewModel;
import dev.madoguchi.app.store.StoreService;
import dev.madoguchi.app.sync.BlockedMessagesService;
import dev.madoguchi.app.sync.BlockedMessagesView;
import dev.madoguchi.app.sync.BlockedMessagesViewModel;
import dev.madoguchi.app.sync.SyncWorker;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.card.pcsc.PcscCardReaders;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.sync.SyncPolicy;
import java.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The one place where the application's objects are built and wired (constructor injection, no statics). Everything
 * long-lived — task lanes, the reader selection, the local store — is created here once; views and view models are
 * rebuilt when the clerk changes the language.
 */
public final class CompositionRoot implements AutoCloseable {

    private final AppConfig config;
    private final TaskRunner tasks;
    private final DemoEnvironment demo;
    private final ReaderSelection readers;
    private final StoreService store;
    private final SyncWorker sync;
    private final BlockedMessagesService blocked;

    private Stage stage;
    private Language language;
    private int fontScalePercent;
    private MainWindowViewModel current;
    private Stage blockedStage;

    public CompositionRoot(AppConfig config, TaskRunner tasks) {
        this.config = config;
        this.tasks = tasks;
        this.demo = DemoEnvironment.standard();
        this.readers = new ReaderSelection(PcscCardReaders.system(),
                () -> new SimulatedCardReaders(demo.cardDeck()), config.forceSimulatedReader());
        this.store = new StoreService(config.paths().storeDirectory(), demo);
        this.sync = new SyncWorker(store, SyncPolicy.defaults(), Clock.systemUTC());
        this.blocked = new BlockedMessagesService(store);
        this.language = config.language();
        this.fontScalePercent = config.fontScalePercent();
    }

    /** Builds the main window into the stage and shows it. Call on the JavaFX thread. */
    public void showMainWindow(Stage stage) {
        this.stage = stage;
        stage.titleProperty().unbind();
        // fit the screen the window is on (a counter laptop may have 1366x768), then centre it there
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(buildMainWindow(), Math.min(1100, screen.getWidth()), Math.min(720, screen.getHeight())));
        stage.setMinWidth(Math.min(720, screen.getWidth()));
        stage.setMinHeight(Math.min(480, screen.getHeight()));
        stage.sizeToScene();
        stage.centerOnScreen();
        stage.show();
    }

    /**
     * Shows the offline sign-in; when a clerk has signed in, the main window replaces it. In demo mode the demo clerk's
     * id and passphrase are shown. Call on the JavaFX thread.
     */
    public void showLogin(Stage stage) {
        this.stage = stage;
        Messages messages = new Messages(language);
        String[] demoClerk = store.demo()
                ? new String[] {DemoEnvironment.DEMO_CLERK, DemoEnvironment.DEMO_CLERK_PASSPHRASE}
                : null;
        LoginViewModel viewModel = new LoginViewModel(messages, tasks, store::signIn, demoClerk,
                summary -> showMainWindow(stage));
        FXMLLoader loader = new FXMLLoader(LoginView.class.getResource("LoginView.fxml"), messages.bundle());
        loader.setControllerFactory(type -> {
            if (type == LoginView.class) {
                return new LoginView(viewModel);
            }
            throw new IllegalStateException("no controller wired for " + type.getName());
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the sign-in screen", e);
        }
        root.getStylesheets().add(Objects.requireNonNull(CompositionRoot.class.getResource("madoguchi.css")).toExternalForm());
        stage.titleProperty().unbind();
        stage.setTitle(messages.get("login.title"));
        stage.setScene(new Scene(root, 640, 420));
        stage.show();
    }

    /** The current main window's view model (for tests and the launcher). */
    public MainWindowViewModel mainWindow() {
        return current;
    }

    private Parent buildMainWindow() {
        if (current != null) {
            current.statusBar().stop();
        }
        Messages messages = new Messages(language);
        StatusBarViewModel statusBar = new StatusBarViewModel(messages, tasks, readers, store::open, sync::runOnce,
                Clock.systemDefaultZone());
        MainWindowViewModel viewModel = new MainWindowViewModel(messages, tasks, statusBar, true, fontScalePercent,
                readers::simulatedReader);
        viewModel.languageProperty().addListener((obs, old, now) -> switchLanguage(now));
        viewModel.fontScalePercentProperty().addListener((obs, old, now) -> fontScalePercent = now.intValue());

        FXMLLoader loader = new FXMLLoader(MainWindowView.class.getResource("MainWindowView.fxml"), messages.bundle());
        loader.setControllerFactory(type -> {
            if (type == MainWindowView.class) {
                return new MainWindowView(viewModel, () -> stage.close(), owner -> showBlockedMessages(messages, owner));
            }
            throw new IllegalStateException("no controller wired for " + type.getName());
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the main window", e);
        }
        root.getStylesheets().add(Objects.requireNonNull(CompositionRoot.class.getResource("madoguchi.css")).toExternalForm());
        if (stage != null) {
            stage.titleProperty().bind(viewModel.titleProperty());
        }
        current = viewModel;
        statusBar.start();
        return root;
    }

    /** Opens the blocked-messages screen over {@code owner} (one at a time; a second call brings it forward). */
    private void showBlockedMessages(Messages messages, javafx.stage.Window owner) {
        if (blockedStage != null && blockedStage.isShowing()) {
            blockedStage.toFront();
            blockedStage.requestFocus();
            return;
        }
        BlockedMessagesViewModel viewModel = new BlockedMessagesViewModel(messages, tasks, blocked,
                java.time.ZoneId.systemDefault());
        FXMLLoader loader = new FXMLLoader(BlockedMessagesView.class.getResource("BlockedMessagesView.fxml"),
                messages.bundle());
        loader.setControllerFactory(type -> {
            if (type == BlockedMessagesView.class) {
                return new BlockedMessagesView(viewModel);
            }
            throw new IllegalStateException("no controller wired for " + type.getName());
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the blocked-messages screen", e);
        }
        root.getStylesheets().add(Objects.requireNonNull(CompositionRoot.class.getResource("madoguchi.css")).toExternalForm());
        if (owner != null && owner.getScene() != null) {
            root.styleProperty().bind(owner.getScene().getRoot().styleProperty()); // the main window's text size
        }
        blockedStage = new Stage();
        blockedStage.initOwner(owner);
        blockedStage.setTitle(messages.get("status.blocked.title"));
        blockedStage.setScene(new Scene(root, 760, 560));
        blockedStage.show();
        viewModel.refresh();
    }

    private void switchLanguage(Language now) {
        if (now != language) {
            language = now;
            var mode = current.modeProperty().get();
            stage.getScene().setRoot(buildMainWindow());
            current.modeProperty().set(mode);
        }
    }

    /** Stops polling and closes the store; the task lanes belong to the caller. */
    @Override
    public void close() {
        if (current != null) {
            current.statusBar().stop();
        }
        store.close();
    }
}
