package dev.madoguchi.app.wiring;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.lock.LockView;
import dev.madoguchi.app.lock.LockViewModel;
import dev.madoguchi.app.login.SignIn;
import dev.madoguchi.app.task.TaskRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;

/**
 * The lock over the main window: after {@link #LOCK_AFTER} without keyboard or mouse input the counter locks, drops
 * the running visit and today's visits from memory, and asks for the clerk's passphrase; after the unlock the dropped
 * visit goes on from its draft (other drafts are only offered).
 */
public final class LockWiring {

    /** The counter locks after this long without keyboard or mouse input. */
    public static final Duration LOCK_AFTER = Duration.ofMinutes(5);

    private final TaskRunner tasks;
    private final SignIn signIn;
    private final Supplier<String> clerkId;
    private LockViewModel lock;

    public LockWiring(TaskRunner tasks, SignIn signIn, Supplier<String> clerkId) {
        this.tasks = tasks;
        this.signIn = signIn;
        this.clerkId = clerkId;
    }

    /** The main window under its lock screen; any key or mouse press counts as activity. */
    public Parent wrap(Parent main, Messages messages, CounterWiring counter) {
        stop();
        UUID[] droppedAtLock = new UUID[1];
        LockViewModel viewModel = new LockViewModel(messages, tasks, Clock.systemUTC(), LOCK_AFTER, signIn, clerkId,
                List.of(() -> droppedAtLock[0] = counter.steps().visit().discard(), counter.caseList()::clear));
        viewModel.whenUnlocked(counter.caseList()::refresh); // 本日の受付 reloads what the lock made it forget
        viewModel.lockedProperty().addListener((obs, was, now) -> {
            if (was && !now) {
                counter.steps().drafts().resumeDropped(droppedAtLock[0]);
                droppedAtLock[0] = null;
            }
        });
        Parent lockScreen = new ViewLoader(messages.bundle()).with(LockView.class, () -> new LockView(viewModel))
                .load(LockView.class);
        StackPane shell = new StackPane(main, lockScreen);
        shell.getStylesheets().add(ViewLoader.stylesheet());
        main.visibleProperty().bind(viewModel.lockedProperty().not());
        shell.addEventFilter(KeyEvent.KEY_PRESSED, e -> viewModel.activity());
        shell.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> viewModel.activity());
        shell.addEventFilter(MouseEvent.MOUSE_MOVED, e -> viewModel.activity());
        lock = viewModel;
        viewModel.start();
        return shell;
    }

    /** The current lock (for tests). */
    public LockViewModel viewModel() {
        return lock;
    }

    public void stop() {
        if (lock != null) {
            lock.stop();
        }
    }
}
