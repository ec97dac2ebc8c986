package dev.madoguchi.app.shell;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.card.reader.ReaderSource;
import dev.madoguchi.card.simulated.SimulatedCard;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import dev.madoguchi.app.demo.DemoCardLine;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The main window: which mode is shown, demo marking, language, text size, and the demo card actions. */
public final class MainWindowViewModel {

    /** Text sizes offered, in percent of the default. */
    public static final int[] FONT_SCALES = {100, 125, 150, 175, 200};

    private final TaskRunner tasks;
    private final Supplier<Optional<SimulatedCardReaders>> simulatedReader;
    private final StatusBarViewModel statusBar;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.COUNTER);
    private final javafx.collections.ObservableSet<Mode> modes =
            javafx.collections.FXCollections.observableSet(java.util.EnumSet.allOf(Mode.class));
    private final ReadOnlyBooleanWrapper demoMode = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<Language> language;
    private final IntegerProperty fontScalePercent;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final BooleanBinding demoCardsAvailable;
    private final javafx.collections.ObservableList<DemoCardLine> demoCards =
            javafx.collections.FXCollections.observableArrayList();
    private final BooleanProperty visitRunning = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper lockAvailable = new ReadOnlyBooleanWrapper(false);
    private Runnable lock = () -> { };
    private final ReadOnlyBooleanWrapper trustAnchorAvailable = new ReadOnlyBooleanWrapper(false);
    private java.util.function.Consumer<java.nio.file.Path> trustAnchorFile = file -> { };
    private int nextDemoCard;

    /**
     * @param simulatedReader the simulated reader when it is the one in use; called on the card-io lane only
     */
    public MainWindowViewModel(Messages messages, TaskRunner tasks, StatusBarViewModel statusBar, boolean demo,
            int fontScalePercent, Supplier<Optional<SimulatedCardReaders>> simulatedReader) {
        this.tasks = tasks;
        this.statusBar = statusBar;
        this.simulatedReader = simulatedReader;
        this.demoMode.set(demo);
        this.language = new SimpleObjectProperty<>(messages.language());
        this.fontScalePercent = new SimpleIntegerProperty(fontScalePercent);
        this.title.set(messages.get(demo ? "window.title.demo" : "window.title"));
        this.mode.addListener((obs, old, now) -> {
            if (now == null || !modes.contains(now)) {
                mode.set(old); // e.g. Ctrl+2 by a counter clerk: the shelter mode is not theirs
            }
        });
        this.demoCardsAvailable = Bindings.createBooleanBinding(
                () -> statusBar.readerSourceProperty().get() == ReaderSource.SIMULATED, statusBar.readerSourceProperty());
    }

    /** The mode shown; a mode the signed-in account may not use is never taken (the setting is undone). */
    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** The modes the signed-in account may use (all until {@link #allowModes} is called); read only for views. */
    public javafx.collections.ObservableSet<Mode> modes() {
        return javafx.collections.FXCollections.unmodifiableObservableSet(modes);
    }

    /**
     * Restricts the modes to those the signed-in account's role allows (a shelter account sees only 避難所, a
     * volunteer only 推進委員); the shown mode moves to the first allowed one when it is no longer allowed.
     */
    public void allowModes(java.util.Set<Mode> allowed) {
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("an account has at least one mode");
        }
        modes.retainAll(allowed);
        modes.addAll(allowed);
        if (!modes.contains(mode.get())) {
            mode.set(java.util.EnumSet.copyOf(allowed).iterator().next());
        }
    }

    public ReadOnlyBooleanProperty demoModeProperty() {
        return demoMode.getReadOnlyProperty();
    }

    /** The clerk UI language; the application rebuilds the window when it changes. */
    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    /** Text size in percent (100–200). */
    public IntegerProperty fontScalePercentProperty() {
        return fontScalePercent;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public StatusBarViewModel statusBar() {
        return statusBar;
    }

    /** True while the simulated reader is in use, so demo cards can be put on it. */
    public BooleanBinding demoCardsAvailableProperty() {
        return demoCardsAvailable;
    }

    /** Puts the next demo card of the deck on the simulated reader. */
    public void placeNextDemoCard() {
        int index = nextDemoCard++;
        tasks.submit(Lane.CARD_IO, "place demo card", () -> simulatedReader.get().map(reader -> {
            SimulatedCard card = reader.deck().get(Math.floorMod(index, reader.deck().size()));
            return reader.place(card.id());
        }), placed -> { }, failure -> { });
    }

    /** The demo cards the デモ menu lists with their PIN and 照合番号B (empty outside demo mode). */
    public javafx.collections.ObservableList<DemoCardLine> demoCards() {
        return demoCards;
    }

    /** Puts the given demo card on the simulated reader. */
    public void placeDemoCard(String residentId) {
        tasks.submit(Lane.CARD_IO, "place demo card", () -> simulatedReader.get().map(reader -> reader.place(residentId)),
                placed -> { }, failure -> { });
    }

    /**
     * True while a visit is in progress (set by the counter): 終了 — the menu item, its shortcut or the window's close
     * button — then asks before quitting.
     */
    public BooleanProperty visitRunningProperty() {
        return visitRunning;
    }

    /** Whether quitting now needs the clerk's confirmation. */
    public boolean quitNeedsConfirmation() {
        return visitRunning.get();
    }

    /** Gives the main window its lock (画面をロック, Ctrl+L); without one the menu item is disabled. */
    public void useLock(Runnable lockNow) {
        this.lock = java.util.Objects.requireNonNull(lockNow);
        lockAvailable.set(true);
    }

    /** 設定 → 在留カードの信頼点: the counter takes a chosen certificate file (counter accounts only). */
    public void useTrustAnchorFile(java.util.function.Consumer<java.nio.file.Path> add) {
        this.trustAnchorFile = java.util.Objects.requireNonNull(add);
        trustAnchorAvailable.set(true);
    }

    /** Gives a certificate file the clerk chose to the counter; nothing without a counter. */
    public void addTrustAnchorFile(java.nio.file.Path file) {
        trustAnchorFile.accept(file);
    }

    public ReadOnlyBooleanProperty trustAnchorAvailableProperty() {
        return trustAnchorAvailable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty lockAvailableProperty() {
        return lockAvailable.getReadOnlyProperty();
    }

    /** Locks the screen now (personal data is dropped first). */
    public void lockNow() {
        lock.run();
    }

    /** Takes the demo card off the simulated reader. */
    public void removeDemoCard() {
        tasks.submit(Lane.CARD_IO, "remove demo card", () -> {
            simulatedReader.get().ifPresent(SimulatedCardReaders::remove);
            return Boolean.TRUE;
        }, removed -> { }, failure -> { });
    }
}
