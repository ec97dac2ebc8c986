package dev.madoguchi.app.wiring;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shell.MainWindowView;
import dev.madoguchi.app.shell.Mode;
import dev.madoguchi.app.shell.MainWindowViewModel;
import dev.madoguchi.app.shell.StatusBarViewModel;
import dev.madoguchi.app.store.BackupViewModel;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.store.clerks.Role;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.stage.Window;

/**
 * The shell of one main window: the menu, the mode buttons and the status bar, and the main window view's controller
 * for the view loader. The modes' own views are registered by their wirings ({@link CounterWiring},
 * {@link ShelterWiring}, {@link VolunteerWiring}).
 */
public final class ShellWiring {

    private final StatusBarViewModel statusBar;
    private final MainWindowViewModel viewModel;
    private Consumer<Window> openTrustAnchors;
    private Map<Mode, Supplier<? extends Node>> modeViews = Map.of();
    private MainWindowView view;

    public ShellWiring(Messages messages, TaskRunner tasks, StatusBarViewModel statusBar, int fontScalePercent,
            Supplier<Optional<SimulatedCardReaders>> simulatedReader, boolean demo) {
        this.statusBar = statusBar;
        this.viewModel = new MainWindowViewModel(messages, tasks, statusBar, demo, fontScalePercent, simulatedReader);
    }

    /** Registers the main window's view; {@code openHandlingTimes} opens the handling-time figures over a window. */
    public void register(ViewLoader loader, Runnable exit, BackupViewModel backup, Consumer<Window> openBlocked,
            Consumer<Window> openHandlingTimes) {
        loader.with(MainWindowView.class, () -> {
            MainWindowView made = new MainWindowView(viewModel, exit, backup, openBlocked);
            made.setOpenHandlingTimes(openHandlingTimes);
            made.setOpenTrustAnchors(openTrustAnchors);
            made.setModeViews(modeViews);
            this.view = made;
            return made;
        });
    }

    /** How each mode's view is made, when its mode is first shown (call before the main window's view is loaded). */
    public void useModeViews(Map<Mode, Supplier<? extends Node>> views) {
        this.modeViews = Map.copyOf(views);
    }

    /** Makes every mode's view of the loaded main window now (the sign-in's warm-up). */
    public void makeEveryModeView() {
        if (view != null) {
            view.makeEveryModeView();
        }
    }

    /** ファイル → 在留カードの署名の信頼点… opens the trust anchors over a window (call before the view is loaded). */
    public void useTrustAnchors(Consumer<Window> open) {
        this.openTrustAnchors = open;
    }

    /** The modes an account of this role works in: its own, or all for an administrator. */
    public static Set<Mode> modesFor(Role role) {
        return switch (role) {
            case CLERK -> EnumSet.of(Mode.COUNTER);
            case SHELTER_STAFF -> EnumSet.of(Mode.SHELTER);
            case VOLUNTEER -> EnumSet.of(Mode.VOLUNTEER);
            case ADMINISTRATOR -> EnumSet.allOf(Mode.class);
        };
    }

    public MainWindowViewModel viewModel() {
        return viewModel;
    }

    public StatusBarViewModel statusBar() {
        return statusBar;
    }
}
