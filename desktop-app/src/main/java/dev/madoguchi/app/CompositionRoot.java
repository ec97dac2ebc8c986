package dev.madoguchi.app;

import dev.madoguchi.app.counter.FormOutputService;
import dev.madoguchi.app.keys.TerminalKeyService;
import dev.madoguchi.app.counter.PrintDestination;
import dev.madoguchi.app.counter.PrinterChoice;
import dev.madoguchi.app.setup.RecordedForms;
import dev.madoguchi.app.setup.SetupMarker;
import dev.madoguchi.app.counter.VisitFormsService;
import dev.madoguchi.app.counter.VisitService;
import dev.madoguchi.app.counter.screen.CounterSteps;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.lock.LockViewModel;
import dev.madoguchi.app.reader.ReaderSelection;
import dev.madoguchi.app.resident.ResidentViewModel;
import dev.madoguchi.app.resident.VolunteerResidentViewModel;
import dev.madoguchi.app.speech.SpeechService;
import dev.madoguchi.app.volunteer.AdviceSheet;
import dev.madoguchi.app.volunteer.CheckUpAdvisor;
import dev.madoguchi.app.volunteer.CheckUpCounter;
import dev.madoguchi.app.volunteer.CheckUpSession;
import dev.madoguchi.app.volunteer.SheetOutput;
import dev.madoguchi.app.volunteer.SpeechReadAloud;
import dev.madoguchi.app.volunteer.VolunteerDemo;
import dev.madoguchi.app.volunteer.VolunteerOutput;
import dev.madoguchi.app.volunteer.VolunteerService;
import dev.madoguchi.app.volunteer.VolunteerSettings;
import dev.madoguchi.app.volunteer.screen.VolunteerSteps;
import dev.madoguchi.app.shell.MainWindowView;
import dev.madoguchi.app.shell.MainWindowViewModel;
import dev.madoguchi.app.shell.StatusBarViewModel;
import dev.madoguchi.app.shell.WindowPlacement;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.store.BackupViewModel;
import dev.madoguchi.app.store.StoreControlEndpoint;
import dev.madoguchi.app.store.StoreService;
import dev.madoguchi.app.outbox.BlockedMessagesService;
import dev.madoguchi.app.wiring.BlockedMessagesWindow;
import dev.madoguchi.app.outbox.SyncWorker;
import dev.madoguchi.app.report.HandlingTimesService;
import dev.madoguchi.app.report.HandlingTimesWindow;
import dev.madoguchi.app.task.Lazy;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.app.wiring.CounterWiring;
import dev.madoguchi.app.wiring.LockWiring;
import dev.madoguchi.app.wiring.MainWindowStage;
import dev.madoguchi.app.wiring.ModeFollower;
import dev.madoguchi.app.wiring.ResidentWindow;
import dev.madoguchi.app.shelter.PreRegistrationKeys;
import dev.madoguchi.app.shelter.ShelterCards;
import dev.madoguchi.app.shelter.StoreShelterRecords;
import dev.madoguchi.app.wiring.ShelterWiring;
import dev.madoguchi.app.wiring.ShellWiring;
import dev.madoguchi.app.wiring.SignInWarmUp;
import dev.madoguchi.app.wiring.SignInScreens;
import dev.madoguchi.app.wiring.TrustAnchorsWindow;
import dev.madoguchi.app.counter.trust.TrustAnchorService;
import dev.madoguchi.app.setup.StartMode;
import dev.madoguchi.app.wiring.ViewLoader;
import dev.madoguchi.app.wiring.VolunteerWiring;
import dev.madoguchi.card.pcsc.PcscCardReaders;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.print.FormPrinter;
import dev.madoguchi.forms.rules.LifeEventRules;
import dev.madoguchi.sync.SyncPolicy;
import java.time.Clock;
import java.time.LocalDateTime;
import dev.madoguchi.app.shell.Mode;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Where the application's long-lived objects are made once — task lanes, the reader selection, the local store, the
 * counter's use cases — and handed to the wirings of the main window ({@link ShellWiring}, {@link CounterWiring},
 * {@link ShelterWiring}, {@link VolunteerWiring}), its lock ({@link LockWiring}), its lifecycle
 * ({@link MainWindowStage}) and the resident's window ({@link ResidentWindow}). Constructor injection, no statics;
 * views and view models are made again when the clerk changes the language.
 */
public final class CompositionRoot implements AutoCloseable {

    private final AppConfig config;
    private final TaskRunner tasks;
    private final ReaderSelection readers;
    private final StoreService store;
    private final StoreControlEndpoint control;
    private final SyncWorker sync;
    private final FormOutputService formOutput;
    private final TerminalKeyService terminalKeys;
    private final VisitService visits;
    private final BlockedMessagesWindow blocked;
    private final HandlingTimesWindow handlingTimes;
    private final TrustAnchorsWindow trustAnchors;
    private final LockWiring lock;
    private final ResidentWindow residentWindow = new ResidentWindow();
    private final VolunteerService volunteerService;
    private final VolunteerOutput volunteerOutput;
    private final VolunteerSettings volunteerSettings;

    private Stage stage;
    private MainWindowStage window;
    private Language language;
    private int fontScalePercent;
    private final DemoEnvironment demo;
    private volatile StartMode mode; // demo, setup assistant or a set-up municipality's sign-in (docs/adr/0031)
    private ShellWiring shell;
    private CounterWiring counter;
    private ShelterWiring shelter;
    private VolunteerWiring volunteer;
    /** The modes of the signed-in account; all when the main window is shown without the sign-in (development). */
    private Set<Mode> modes = java.util.EnumSet.allOf(Mode.class);

    public CompositionRoot(AppConfig config, TaskRunner tasks) {
        this.config = config;
        this.tasks = tasks;
        this.mode = StartMode.decide(config.paths().storeDirectory(), config.start()); // --demo on a set-up one: refused
        this.demo = DemoEnvironment.standard();
        this.readers = new ReaderSelection(PcscCardReaders.system(), () -> new SimulatedCardReaders(mode != StartMode.DEMO
                ? List.of() : java.util.stream.Stream.concat(demo.cardDeck().stream(), VolunteerDemo.cards().stream())
                        .toList()), config.forceSimulatedReader(), mode == StartMode.DEMO); // no demo card outside it
        this.store = new StoreService(config.paths().storeDirectory(), mode == StartMode.DEMO ? demo : null);
        this.control = new StoreControlEndpoint(config.paths().storeDirectory(), store, tasks);
        this.sync = new SyncWorker(store, SyncPolicy.defaults(), Clock.systemUTC());
        Clock clock = Clock.systemDefaultZone();
        this.terminalKeys = TerminalKeyService.in(config.paths().dataDirectory()); // sealed: docs/adr/0025
        this.formOutput = new FormOutputService(FontFiles.debian(),
                () -> terminalKeys.signingKey(store.store().orElse(null)), new FormPrinter(), clock);
        // the tables parsed from resources are made at their first use, after the sign-in (docs/performance.md)
        java.util.function.Supplier<LifeEventRules> rules = Lazy.of(LifeEventRules::builtIn);
        this.visits = new VisitService(readers, store::store,
                new VisitFormsService(new RecordedForms(config.paths().storeDirectory()), rules,
                        Map.of("mayor", "架空県窓口市長"), clock), formOutput); // the recorded forms folder's too
        this.blocked = new BlockedMessagesWindow(tasks, new BlockedMessagesService(store, sync::tryNow));
        this.handlingTimes = new HandlingTimesWindow(tasks, new HandlingTimesService(store, rules),
                Clock.systemDefaultZone());
        this.trustAnchors = new TrustAnchorsWindow(tasks, new TrustAnchorService(store::store)); // issue 15
        this.lock = new LockWiring(tasks, this::signIn, () -> store.current().map(s -> s.clerk().clerkId()).orElse(null));
        this.language = config.language();
        this.fontScalePercent = config.fontScalePercent();
        this.volunteerSettings = VolunteerSettings.read(config.paths().dataDirectory());
        this.volunteerService = new VolunteerService(readers, new CheckUpCounter(store::store));
        CheckUpAdvisor advisor = new CheckUpAdvisor(Lazy.of(volunteerSettings::advice));
        this.volunteerOutput = new VolunteerOutput(advisor, new SpeechReadAloud(SpeechService.detect()),
                new SheetOutput(new AdviceSheet(advisor, FontFiles.debian()), new FormPrinter(), clock),
                this::printDestination);
    }

    /** Signs a clerk in and seals a plain signing key of an earlier version (on the store-writer lane). */
    private dev.madoguchi.app.store.StoreSummary signIn(String clerkId, char[] passphrase) {
        dev.madoguchi.app.store.StoreSummary summary = store.signIn(clerkId, passphrase);
        terminalKeys.sealPlainKeyAtSignIn(store.store().orElse(null));
        return summary;
    }

    /** Builds the main window into the stage and shows it. Call on the JavaFX thread. */
    public void showMainWindow(Stage stage) {
        this.stage = stage;
        this.window = new MainWindowStage(stage, this::buildMainWindow, new WindowPlacement(config.paths().dataDirectory()));
        window.show();
    }

    /**
     * Shows the offline sign-in; when a clerk has signed in, the main window replaces it. In demo mode the demo clerk's
     * id and passphrase are shown. Call on the JavaFX thread.
     */
    public void showLogin(Stage stage) {
        this.stage = stage;
        new SignInScreens(tasks, config.paths().storeDirectory(), config.paths().dataDirectory(), readers, store,
                this::signIn, this::warmUp, () -> mode = StartMode.SETUP) // この端末を設定する left the demo
                .show(stage, mode, new Messages(language), fontScalePercent, summary -> signedIn(stage, summary));
    }

    /** After a sign-in (or the setup assistant's): the main window with the modes of the account. */
    private void signedIn(Stage stage, dev.madoguchi.app.store.StoreSummary summary) {
        modes = ShellWiring.modesFor(summary.clerk().role()); // a shelter or volunteer account: its own mode only
        control.start(); // lets `madoguchi store backup` work while the app holds the store
        // stop accepting before the lanes are shut down, so the store-control lane is not left in accept
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> control.close());
        showMainWindow(stage);
    }

    /** The main window's content: the shell, the modes, under the lock; the counter resumes or offers drafts. */
    private Parent buildMainWindow(boolean rebuilt) {
        if (shell != null) {
            shell.statusBar().stop();
        }
        UUID droppedVisit = counter == null ? null : counter.drop(); // the new counter resumes it from its draft
        if (shelter != null) {
            shelter.shown(false); // a household being checked in is given up with the old window
        }
        if (volunteer != null) {
            volunteer.stop(); // a running check-up ends: nothing of it is carried into the new window
        }
        Messages messages = new Messages(language);
        MainContent made = makeMainWindow(messages);
        StatusBarViewModel statusBar = made.statusBar();
        ShellWiring shellNow = made.shell();
        CounterWiring counterNow = made.counter();
        Parent root = made.root();
        shellNow.viewModel().languageProperty().addListener((obs, old, now) -> switchLanguage(now));
        shellNow.viewModel().fontScalePercentProperty().addListener((obs, old, now) -> fontScalePercent = now.intValue());
        ShelterWiring shelterNow = made.shelter();
        VolunteerWiring volunteerNow = made.volunteer();
        if (stage != null) {
            stage.titleProperty().bind(shellNow.viewModel().titleProperty());
        }
        root = lock.wrap(root, messages, counterNow);
        lock.viewModel().lockedProperty().addListener((obs, was, now) -> {
            if (now) {
                volunteerNow.steps().session().end(CheckUpSession.End.FINISHED); // the lock ends a check-up
            }
        });
        shellNow.viewModel().useLock(lock.viewModel()::lock); // ファイル → 画面をロック, Ctrl+L
        shellNow.viewModel().useTrustAnchorFile(counterNow.steps().identify().residenceCard()::addTrustAnchor);
        shellNow.viewModel().demoCards().setAll(!store.demo() ? List.of()
                : modes.contains(Mode.COUNTER) || !modes.contains(Mode.VOLUNTEER) ? demo.documentedCards()
                : VolunteerDemo.menuLines()); // デモ menu: the cards of the account's mode
        counterNow.steps().stepProperty().addListener((obs, was, now) -> shellNow.viewModel().visitRunningProperty()
                .set(now != VisitStep.WAITING_FOR_CARD && now != VisitStep.DONE)); // 終了 asks while a visit runs
        shell = shellNow;
        counter = counterNow;
        shelter = shelterNow;
        volunteer = volunteerNow;
        statusBar.start();
        if (modes.contains(Mode.COUNTER)) {
            // after the sign-in the clerk is offered the interrupted visits; after a language switch the running one goes on
            counterNow.resume(rebuilt, droppedVisit);
        }
        ModeFollower follower = new ModeFollower(residentWindow, modes, shellNow, counterNow, shelterNow, volunteerNow);
        shellNow.viewModel().modeProperty().addListener((obs, was, now) -> follower.follow(now));
        follower.follow(shellNow.viewModel().modeProperty().get());
        return root;
    }

    /** The main window's views and view models, made but not started: nothing polls, nothing is offered yet. */
    private MainContent makeMainWindow(Messages messages) {
        StatusBarViewModel statusBar = new StatusBarViewModel(messages, tasks, readers, store::open, sync::runOnce,
                Clock.systemDefaultZone());
        ShellWiring shellNow = new ShellWiring(messages, tasks, statusBar, fontScalePercent, readers::simulatedReader,
                store.demo()); // the DEMO banner only on demo data
        CounterWiring counterNow = new CounterWiring(messages, tasks, visits, this::printDestination,
                this::printerChoice);
        ViewLoader loader = new ViewLoader(messages.bundle());
        shellNow.register(loader, () -> stage.close(), new BackupViewModel(messages, tasks, store,
                config.paths().dataDirectory().resolve("backups"), LocalDateTime::now),
                owner -> blocked.show(messages, owner), owner -> handlingTimes.show(messages, owner));
        shellNow.useTrustAnchors(owner -> trustAnchors.show(messages, owner));
        counterNow.register(loader);
        ShelterWiring shelterNow = new ShelterWiring(messages, tasks, new StoreShelterRecords(store::store),
                new ShelterCards(readers), new PreRegistrationKeys(config.paths().dataDirectory().resolve("keys")
                        .resolve("pre-registration")), Clock.systemDefaultZone(),
                config.paths().dataDirectory().resolve("exports"), this::printDestination);
        shelterNow.register(loader);
        VolunteerWiring volunteerNow = new VolunteerWiring(messages, tasks, volunteerService, volunteerOutput,
                volunteerSettings.idleAfter());
        volunteerNow.register(loader);
        shellNow.useModeViews(Map.of(Mode.COUNTER, () -> counterNow.view(loader), Mode.SHELTER,
                () -> shelterNow.view(loader), Mode.VOLUNTEER, () -> volunteerNow.view(loader)));
        // a shelter or volunteer account sees its own mode only; set before the view, so only that mode's view is made
        shellNow.viewModel().allowModes(modes);
        return new MainContent(statusBar, shellNow, counterNow, shelterNow, volunteerNow,
                loader.loadStyled(MainWindowView.class));
    }

    private record MainContent(StatusBarViewModel statusBar, ShellWiring shell, CounterWiring counter,
            ShelterWiring shelter, VolunteerWiring volunteer, Parent root) {}

    /**
     * What is made while the passphrase's key is derived ({@link SignInWarmUp}): a main window and a resident screen,
     * off screen and dropped, and — in demo mode — the demo cards the デモ menu lists.
     */
    private SignInWarmUp warmUp(boolean demoMode) {
        MainContent[] warm = new MainContent[1];
        return new SignInWarmUp(tasks, () -> {
            if (demoMode) {
                demo.documentedCards();
            }
        }, List.of(
                () -> {
                    warm[0] = makeMainWindow(new Messages(language));
                    warm[0].shell().makeEveryModeView(); // as before the views were made lazily: all warmed
                },
                () -> {
                    var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
                    new Scene(warm[0].root(), screen.getWidth(), screen.getHeight());
                    warm[0].root().applyCss();
                    warm[0].root().layout();
                },
                () -> {
                    ResidentWindow.warmUp(warm[0].counter().steps());
                    warm[0] = null;
                }));
    }

    private void switchLanguage(Language now) {
        if (now != language) {
            language = now;
            var mode = shell.viewModel().modeProperty().get();
            window.rebuild(() -> shell.viewModel().modeProperty().set(mode));
        }
    }

    /** Demo, setup assistant or sign-in (docs/adr/0031), for the launcher's log. */
    public StartMode startMode() {
        return mode;
    }

    /** The current main window's view model (for tests and the launcher). */
    public MainWindowViewModel mainWindow() {
        return shell == null ? null : shell.viewModel();
    }

    /** The card readers in use (for tests and the screenshot script: they put a chosen demo card down). */
    public ReaderSelection readers() {
        return readers;
    }

    /** The resident screen's window (for the screenshot script). */
    public Stage residentWindow() {
        return residentWindow.stage();
    }

    /** The resident screen's view model (for tests and screenshots). */
    public ResidentViewModel resident() {
        return residentWindow.viewModel();
    }

    /** The volunteer mode's check-up session and step view models of the current main window (for tests). */
    public VolunteerSteps volunteer() {
        return volunteer == null ? null : volunteer.steps();
    }

    /** The volunteer mode's resident view model (for tests and screenshots). */
    public VolunteerResidentViewModel volunteerResident() {
        return residentWindow.volunteerViewModel();
    }

    /** The lock after inactivity (for tests). */
    public LockViewModel lock() {
        return lock.viewModel();
    }

    /** The trust anchors window (for tests). */
    public TrustAnchorsWindow trustAnchors() {
        return trustAnchors;
    }

    /** The shelter desk of the current main window: coordinator and step view models (for the memory driver). */
    public dev.madoguchi.app.shelter.screen.ShelterSteps shelter() {
        return shelter == null ? null : shelter.steps();
    }

    /** The counter visit of the current main window: its coordinator and step view models (for tests). */
    public CounterSteps visit() {
        return counter == null ? null : counter.steps();
    }

    /**
     * Where forms print: the printer recorded at setup while the print service has it, else the default printer, or —
     * when the computer has no printer (a demo laptop) — PDF files in {@code <data-dir>/printed}. Asks the print
     * service: call it on the background lane.
     */
    private PrinterChoice printerChoice() {
        return PrinterChoice.of(new FormPrinter().printers(), SetupMarker.printer(config.paths().storeDirectory())
                .orElse(null), config.paths().dataDirectory().resolve("printed"));
    }

    private PrintDestination printDestination() {
        return printerChoice().destination(null);
    }

    /** Stops polling and closes the store; the task lanes belong to the caller. */
    @Override
    public void close() {
        if (shell != null) {
            shell.statusBar().stop();
        }
        control.close();
        if (counter != null) {
            counter.steps().stop();
        }
        if (volunteer != null) {
            volunteer.stop();
        }
        lock.stop();
        formOutput.close();
        residentWindow.close(tasks);
        store.close();
    }
}
