package dev.madoguchi.app.volunteer;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.card.checkup.CheckUp;
import dev.madoguchi.card.reader.CardIoException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * One volunteer check-up at a time: the card's reader, the {@link CheckUp} read from it, the step, busy and the
 * failure in words. The step view models ({@code app.volunteer.welcome}, {@code .result}, {@code .selftest}) depend
 * on this class and never on each other. A session ends for certain — card taken away, 終了, or {@link #idleAfter()}
 * without input — and then nothing of it is held: the check-up is dropped, every step clears its own state
 * ({@link #whenEnded}), and late results of its card work are ignored (the generation changes).
 * Uses {@code javafx.beans} only; work runs on the task runner's lanes.
 */
public final class CheckUpSession {

    /** Why a session ended (for the log line and the tally; never shown with anything of the session). */
    public enum End {
        CARD_REMOVED,
        FINISHED,
        IDLE
    }

    private final Messages messages;
    private final TaskRunner tasks;
    private final VolunteerService service;
    private final LongSupplier ticker;
    private final Duration idleAfter;

    private final ObjectProperty<CheckUpStep> step = new SimpleObjectProperty<>(CheckUpStep.WELCOME);
    private final ObjectProperty<CheckUp> checkUp = new SimpleObjectProperty<>();
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty residentLanguage = new SimpleStringProperty("ja");
    private final StringProperty residentText = new SimpleStringProperty("");
    private final ObservableMap<String, String> answers = FXCollections.observableHashMap();
    private final ObservableMap<String, String> answersView = FXCollections.unmodifiableObservableMap(answers);
    private final List<Runnable> whenEnded = new ArrayList<>();
    private final List<Consumer<End>> afterEnd = new ArrayList<>();
    private String reader;
    private long generation;
    private long lastActivity;

    /**
     * @param ticker a monotonic clock in nanoseconds ({@code System::nanoTime}); tests move their own
     * @param idleAfter a session with no input for this long ends
     */
    public CheckUpSession(Messages messages, TaskRunner tasks, VolunteerService service, LongSupplier ticker,
            Duration idleAfter) {
        this.messages = messages;
        this.tasks = tasks;
        this.service = service;
        this.ticker = ticker;
        this.idleAfter = idleAfter;
        this.lastActivity = ticker.getAsLong();
    }

    // --- the session --------------------------------------------------------------------------------------------

    /** A card lies on {@code reader}: the check-up starts (card-io lane). */
    public void begin(String cardReader) {
        if (step.get() != CheckUpStep.WELCOME && step.get() != CheckUpStep.NOT_READ) {
            return;
        }
        reader = cardReader;
        error.set("");
        activity();
        step.set(CheckUpStep.CHECKING);
        run(Lane.CARD_IO, "volunteer check-up", () -> service.checkUp(cardReader), this::show, failure -> {
            if (failure instanceof CardIoException e && e.error() == dev.madoguchi.card.reader.CardIoError.CARD_REMOVED) {
                end(End.CARD_REMOVED);
            } else {
                error.set(failure instanceof CardIoException e ? messages.get("volunteer.notRead", e.error().code())
                        : describe(failure));
                step.set(CheckUpStep.NOT_READ);
                count(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")), List.of("not-read"));
            }
        });
    }

    private void show(CheckUp found) {
        checkUp.set(found);
        step.set(CheckUpStep.RESULT);
        count(found.checkedOn(), CheckUpOutcomes.of(found));
    }

    /** Counts outcomes in the day's tally (store-writer); a failure is logged by the task runner, never shown. */
    public void count(java.time.LocalDate day, List<String> outcomes) {
        tasks.submit(Lane.STORE_WRITER, "volunteer tally", () -> service.count(day, outcomes), counted -> { },
                failure -> { });
    }

    /** Replaces the check-up with a newer reading of the same card (the tries after a self-test). */
    public void replace(CheckUp newer) {
        if (checkUp.get() != null) {
            checkUp.set(newer);
        }
    }

    /**
     * Ends the session: every step forgets its state, the check-up and the reader are dropped, the screen returns to
     * the welcome, and results still on their way are ignored. Ending an empty session does nothing.
     */
    public void end(End why) {
        boolean held = step.get() != CheckUpStep.WELCOME || checkUp.get() != null;
        answers.clear(); // before the generation changes: advice made again for the cleared answers is dropped
        generation++;
        whenEnded.forEach(Runnable::run);
        checkUp.set(null);
        reader = null;
        busy.set(false);
        error.set("");
        step.set(CheckUpStep.WELCOME);
        if (held) {
            afterEnd.forEach(after -> after.accept(why));
        }
    }

    /**
     * The resident's answer to one of the advice table's questions ({@code yes} / {@code no}), given on either window;
     * ignored between sessions. The advice is made again by whoever watches {@link #answers()}.
     */
    public void answer(String question, String value) {
        if (checkUp.get() == null || !("yes".equals(value) || "no".equals(value))) {
            return;
        }
        activity();
        answers.put(question, value);
    }

    /** The answers of this session (question id → yes / no); empty between sessions. */
    public ObservableMap<String, String> answers() {
        return answersView;
    }

    /** Keyboard or mouse input on either window: the idle time starts again. */
    public void activity() {
        lastActivity = ticker.getAsLong();
    }

    /** Ends a session that has had no input for {@link #idleAfter()}; called on each reader poll. */
    public void checkIdle() {
        if (step.get() != CheckUpStep.WELCOME && ticker.getAsLong() - lastActivity >= idleAfter.toNanos()) {
            end(End.IDLE);
        }
    }

    public Duration idleAfter() {
        return idleAfter;
    }

    /** Runs for each step when a session ends: the step clears what it holds. */
    public void whenEnded(Runnable forget) {
        whenEnded.add(forget);
    }

    /** Runs after a session that held a card ended (the daily tally; nothing of the session is passed). */
    public void afterEnd(Consumer<End> after) {
        afterEnd.add(after);
    }

    // --- work ---------------------------------------------------------------------------------------------------

    /**
     * Runs {@code work} on the lane with the session busy; {@code done} gets its result and {@code failed} its failure
     * unless the session ended in the meantime.
     */
    public <T> void run(Lane lane, String name, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        busy.set(true);
        long started = generation;
        tasks.submit(lane, name, work, result -> {
            if (started == generation) {
                busy.set(false);
                done.accept(result);
            }
        }, failure -> {
            if (started == generation) {
                busy.set(false);
                failed.accept(failure);
            }
        });
    }

    /** Runs {@code work} without making the session busy (reading aloud); results of an ended session are dropped. */
    public <T> void background(Lane lane, String name, Callable<T> work, Consumer<T> done) {
        long started = generation;
        tasks.submit(lane, name, work, result -> {
            if (started == generation) {
                done.accept(result);
            }
        }, failure -> {
            if (started == generation) {
                error.set(describe(failure));
            }
        });
    }

    /** A failure in words with its remedy and code; never a stack trace (the task runner logged the cause). */
    public String describe(Throwable failure) {
        if (failure instanceof CardIoException e) {
            return messages.get("volunteer.failed", messages.get(Messages.keyFor("card.error.", e.error())),
                    e.error().code());
        }
        return messages.get("volunteer.failed", messages.get("status.error.unexpected"), "VOLUNTEER-999");
    }

    // --- what the steps read ------------------------------------------------------------------------------------

    public Messages messages() {
        return messages;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public VolunteerService service() {
        return service;
    }

    /** The reader the checked card lies on, or null between sessions. */
    public String reader() {
        return reader;
    }

    public ReadOnlyObjectProperty<CheckUpStep> stepProperty() {
        return step;
    }

    /** The check-up shown, or null between sessions. */
    public ReadOnlyObjectProperty<CheckUp> checkUpProperty() {
        return checkUp;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public void setError(String text) {
        error.set(text);
    }

    /** The resident window's language tag ({@code ja}, {@code ja-easy}, {@code en}, …); its view model sets it. */
    public StringProperty residentLanguageProperty() {
        return residentLanguage;
    }

    /** What the resident window shows, as one text: what 読み上げ says. Its view model sets it. */
    public StringProperty residentTextProperty() {
        return residentText;
    }
}
