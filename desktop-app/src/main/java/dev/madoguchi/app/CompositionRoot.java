package dev.madoguchi.app;

import dev.madoguchi.app.counter.CaseListViewModel;
import dev.madoguchi.app.counter.CounterView;
import dev.madoguchi.app.counter.FormOutputService;
import dev.madoguchi.app.counter.PrintDestination;
import dev.madoguchi.app.counter.VisitFormsService;
import dev.madoguchi.app.counter.VisitService;
import dev.madoguchi.app.counter.VisitViewModel;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.lock.LockView;
import dev.madoguchi.app.lock.LockViewModel;
import dev.madoguchi.app.login.LoginView;
import dev.madoguchi.app.login.LoginViewModel;
import dev.madoguchi.app.reader.ReaderSelection;
import dev.madoguchi.app.resident.ResidentView;
import dev.madoguchi.app.resident.ResidentViewModel;
import dev.madoguchi.app.shell.MainWindowView;
import dev.madoguchi.app.shell.MainWindowViewModel;
import dev.madoguchi.app.shell.StatusBarViewModel;
import dev.madoguchi.app.store.BackupViewModel;
import dev.madoguchi.app.store.StoreControlEndpoint;
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
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.print.FormPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.UUID;
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
    private final StoreControlEndpoint control;
    private final SyncWorker sync;
    private final FormOutputService formOutput;
    private final VisitService visits;
    private VisitViewModel visit;
    private LockViewModel lock;
    /** The counter locks after this long without keyboard or mouse input. */
    static final java.time.Duration LOCK_AFTER = java.time.Duration.ofMinutes(5);
    private Stage residentStage;
    private ResidentViewModel resident;
    private final BlockedMessagesService blocked;

    private Stage stage;
    private Language language;
    /** Set while the main window is rebuilt for a language switch: the running visit resumes from its draft. */
    private boolean resumeDraftAtOnce;
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
        this.control = new StoreControlEndpoint(config.paths().storeDirectory(), store, tasks);
        this.sync = new SyncWorker(store, SyncPolicy.defaults(), Clock.systemUTC());
        java.time.Clock clock = java.time.Clock.systemDefaultZone();
        this.formOutput = new FormOutputService(FontFiles.debian(),
                config.paths().dataDirectory().resolve("keys").resolve("terminal-p256.pem"), new FormPrinter(), clock);
        this.visits = new VisitService(readers, store::store,
                VisitFormsService.builtIn(java.util.Map.of("mayor", "架空県窓口市長"), clock), formOutput);
        this.blocked = new BlockedMessagesService(store);
        this.language = config.language();
        this.fontScalePercent = config.fontScalePercent();
    }

    /** Builds the main window into the stage and shows it. Call on the JavaFX thread. */
    public void showMainWindow(Stage stage) {
        this.stage = stage;
        stage.titleProperty().unbind();
        new dev.madoguchi.app.shell.WindowPlacement(config.paths().dataDirectory()).showMain(stage, buildMainWindow()); // hook
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
                summary -> {
                    control.start(); // lets `madoguchi store backup` work while the app holds the store
                    // stop accepting before the lanes are shut down, so the store-control lane is not left in accept
                    stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> control.close());
                    showMainWindow(stage);
                });
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
        new dev.madoguchi.app.shell.WindowPlacement(config.paths().dataDirectory()).showSignIn(stage, root, fontScalePercent); // hook
    }

    /** The current main window's view model (for tests and the launcher). */
    public MainWindowViewModel mainWindow() {
        return current;
    }

    private Parent buildMainWindow() {
        if (current != null) {
            current.statusBar().stop();
        }
        UUID droppedVisit = null;
        if (visit != null) {
            visit.stop();
            droppedVisit = visit.discard(); // the language changes: the new counter resumes the visit from its draft
        }
        Messages messages = new Messages(language);
        VisitViewModel visitViewModel = new VisitViewModel(messages, tasks, visits, this::printDestination);
        CaseListViewModel caseList = new CaseListViewModel(messages, tasks, visits, this::printDestination,
                java.time.ZoneId.systemDefault());
        StatusBarViewModel statusBar = new StatusBarViewModel(messages, tasks, readers, store::open, sync::runOnce,
                Clock.systemDefaultZone());
        MainWindowViewModel viewModel = new MainWindowViewModel(messages, tasks, statusBar, true, fontScalePercent,
                readers::simulatedReader);
        viewModel.languageProperty().addListener((obs, old, now) -> switchLanguage(now));
        viewModel.fontScalePercentProperty().addListener((obs, old, now) -> fontScalePercent = now.intValue());

        FXMLLoader loader = new FXMLLoader(MainWindowView.class.getResource("MainWindowView.fxml"), messages.bundle());
        loader.setControllerFactory(type -> {
            if (type == MainWindowView.class) {
                return new MainWindowView(viewModel, () -> stage.close(), new BackupViewModel(messages, tasks, store,
                        config.paths().dataDirectory().resolve("backups"), java.time.LocalDateTime::now),
                        owner -> showBlockedMessages(messages, owner));
            }
            if (type == CounterView.class) {
                return new CounterView(visitViewModel, caseList);
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
        root = withLock(root, messages, visitViewModel, caseList);
        viewModel.useLock(lock::lock); // hook: ファイル → 画面をロック, Ctrl+L
        viewModel.demoCards().setAll(store.demo() ? demo.documentedCards() : java.util.List.of()); // hook: デモ menu
        current = viewModel;
        visit = visitViewModel;
        statusBar.start();
        visitViewModel.start();
        // after the sign-in the clerk is offered the interrupted visits; after a language switch the running one goes on
        if (resumeDraftAtOnce) {
            visitViewModel.resumeDropped(droppedVisit);
        } else {
            visitViewModel.offerDrafts();
        }
        resumeDraftAtOnce = false;
        showResidentWindow(visitViewModel);
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
            resumeDraftAtOnce = true;
            var mode = current.modeProperty().get();
            stage.getScene().setRoot(buildMainWindow());
            current.modeProperty().set(mode);
        }
    }

    /**
     * The second window, turned towards the resident: on the second monitor when there is one, else beside the main
     * window. It shows only the resident's part of the visit (never a clerk screen). Rebuilt with the main window.
     */
    private void showResidentWindow(VisitViewModel visitViewModel) {
        ResidentViewModel viewModel = new ResidentViewModel(visitViewModel);
        viewModel.textSizePercentProperty().bind(current.fontScalePercentProperty()); // hook: the clerk's text size
        if (resident != null) {
            viewModel.languageProperty().set(resident.languageProperty().get());
        }
        FXMLLoader loader = new FXMLLoader(ResidentView.class.getResource("ResidentView.fxml"));
        loader.setControllerFactory(type -> {
            if (type == ResidentView.class) {
                return new ResidentView(viewModel);
            }
            throw new IllegalStateException("no controller wired for " + type.getName());
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the resident screen", e);
        }
        root.getStylesheets().add(Objects.requireNonNull(ResidentView.class.getResource("resident-screen.css")).toExternalForm());
        resident = viewModel;
        if (residentStage == null) {
            residentStage = new Stage();
            residentStage.setTitle("窓口 / Madoguchi");
            var screens = javafx.stage.Screen.getScreens();
            javafx.geometry.Rectangle2D area = (screens.size() > 1 ? screens.get(1) : javafx.stage.Screen.getPrimary())
                    .getVisualBounds();
            residentStage.setScene(new Scene(root, Math.min(900, area.getWidth()), Math.min(700, area.getHeight())));
            residentStage.setX(area.getMinX() + (screens.size() > 1 ? 0 : Math.max(0, area.getWidth() - 900)));
            residentStage.setY(area.getMinY());
            residentStage.show();
        } else {
            residentStage.getScene().setRoot(root);
        }
    }

    /** The card readers in use (for tests and the screenshot script: they put a chosen demo card down). */
    public ReaderSelection readers() {
        return readers;
    }

    /** The resident screen's window (for the screenshot script). */
    public Stage residentWindow() {
        return residentStage;
    }

    /** The resident screen's view model (for tests and screenshots). */
    public ResidentViewModel resident() {
        return resident;
    }

    /** The main window under its lock screen; any key or mouse press counts as activity. */
    private Parent withLock(Parent main, Messages messages, VisitViewModel visitViewModel, CaseListViewModel caseList) {
        if (lock != null) {
            lock.stop();
        }
        UUID[] droppedAtLock = new UUID[1];
        LockViewModel viewModel = new LockViewModel(messages, tasks, java.time.Clock.systemUTC(), LOCK_AFTER,
                store::signIn, () -> store.current().map(s -> s.clerk().clerkId()).orElse(null),
                java.util.List.of(() -> droppedAtLock[0] = visitViewModel.discard(), caseList::clear));
        // unlocked: the visit dropped at the lock (if any) goes on from its draft; other drafts are only offered
        viewModel.whenUnlocked(caseList::refresh); // hook: 本日の受付 reloads what the lock made it forget
        viewModel.lockedProperty().addListener((obs, was, now) -> {
            if (was && !now) {
                visitViewModel.resumeDropped(droppedAtLock[0]);
                droppedAtLock[0] = null;
            }
        });
        FXMLLoader loader = new FXMLLoader(LockView.class.getResource("LockView.fxml"), messages.bundle());
        loader.setControllerFactory(type -> {
            if (type == LockView.class) {
                return new LockView(viewModel);
            }
            throw new IllegalStateException("no controller wired for " + type.getName());
        });
        Parent lockScreen;
        try {
            lockScreen = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the lock screen", e);
        }
        javafx.scene.layout.StackPane shell = new javafx.scene.layout.StackPane(main, lockScreen);
        shell.getStylesheets().add(Objects.requireNonNull(CompositionRoot.class.getResource("madoguchi.css")).toExternalForm());
        main.visibleProperty().bind(viewModel.lockedProperty().not());
        shell.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> viewModel.activity());
        shell.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> viewModel.activity());
        shell.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> viewModel.activity());
        lock = viewModel;
        viewModel.start();
        return shell;
    }

    /** The lock after inactivity (for tests). */
    public LockViewModel lock() {
        return lock;
    }

    /** The counter visit of the current main window (for tests). */
    public VisitViewModel visit() {
        return visit;
    }

    /**
     * Where the counter prints: the default printer, or — when the computer has no printer (a demo laptop) — PDF files
     * in {@code <data-dir>/printed}. Asks the print service: call it on the background lane.
     */
    private PrintDestination printDestination() {
        if (new FormPrinter().printers().isEmpty()) {
            return new PrintDestination.Folder(config.paths().dataDirectory().resolve("printed"));
        }
        return new PrintDestination.Printer(null);
    }

    /** Stops polling and closes the store; the task lanes belong to the caller. */
    @Override
    public void close() {
        if (current != null) {
            current.statusBar().stop();
        }
        control.close();
        if (visit != null) {
            visit.stop();
        }
        if (lock != null) {
            lock.stop();
        }
        formOutput.close();
        if (residentStage != null) {
            Stage second = residentStage;
            if (javafx.application.Platform.isFxApplicationThread()) {
                second.hide();
            } else {
                javafx.application.Platform.runLater(second::hide);
            }
        }
        store.close();
    }
}
