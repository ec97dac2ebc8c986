package dev.madoguchi.app.lock;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.login.SignIn;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Locks the counter after a period without keyboard or mouse input: every screen's personal data is dropped first
 * (the visit in progress is abandoned, the case list forgotten), so nothing personal is on screen or in memory while
 * locked. The signed-in clerk unlocks with their passphrase, checked by signing in to the store again on the
 * {@code store-writer} lane. The clock is checked on the {@code background} lane every few seconds.
 */
public final class LockViewModel {

    static final Duration CHECK_EVERY = Duration.ofSeconds(5);

    private final Messages messages;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Duration lockAfter;
    private final SignIn signIn;
    private final Supplier<String> clerkId;
    private final List<Runnable> forgetPersonalData;
    private final List<Runnable> whenUnlocked = new java.util.ArrayList<>();
    private final BooleanProperty locked = new SimpleBooleanProperty(false);
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private Instant lastActivity;
    /** Who was signed in when the counter locked: only they unlock (a wrong passphrase signs the store out). */
    private String lockedBy;
    private TaskRunner.Cancellable checking;

    /**
     * @param clerkId the signed-in clerk (who may unlock)
     * @param forgetPersonalData run on the UI thread when locking: each drops one screen's personal data
     */
    public LockViewModel(Messages messages, TaskRunner tasks, Clock clock, Duration lockAfter, SignIn signIn,
            Supplier<String> clerkId, List<Runnable> forgetPersonalData) {
        this.messages = messages;
        this.tasks = tasks;
        this.clock = clock;
        this.lockAfter = lockAfter;
        this.signIn = signIn;
        this.clerkId = clerkId;
        this.forgetPersonalData = List.copyOf(forgetPersonalData);
        this.lastActivity = clock.instant();
    }

    public void start() {
        if (checking == null) {
            checking = tasks.repeat(Lane.BACKGROUND, "inactivity check", CHECK_EVERY, clock::instant, this::check,
                    failure -> { });
        }
    }

    public void stop() {
        if (checking != null) {
            checking.cancel();
            checking = null;
        }
    }

    /** A key or mouse event: the counter is in use. */
    public void activity() {
        if (!locked.get()) {
            lastActivity = clock.instant();
        }
    }

    void check(Instant now) {
        if (!locked.get() && Duration.between(lastActivity, now).compareTo(lockAfter) >= 0) {
            lock(messages.get("lock.locked", lockAfter.toMinutes()));
        }
    }

    /** Locks now, by hand (the menu's 画面をロック or its shortcut): personal data is dropped first. */
    public void lock() {
        if (!locked.get()) {
            lock(messages.get("lock.lockedByHand"));
        }
    }

    private void lock(String why) {
        lockedBy = clerkId.get();
        forgetPersonalData.forEach(Runnable::run);
        passphrase.set("");
        message.set(why);
        locked.set(true);
    }

    /**
     * Runs {@code action} on the UI thread each time the counter is unlocked (e.g. the case list reloads what the lock
     * made it forget).
     */
    public void whenUnlocked(Runnable action) {
        whenUnlocked.add(action);
    }

    /** Checks the signed-in clerk's passphrase; the field is cleared whatever the outcome. */
    public void unlock() {
        if (!locked.get() || busy.get()) {
            return;
        }
        char[] secret = passphrase.get() == null ? new char[0] : passphrase.get().toCharArray();
        passphrase.set("");
        String id = lockedBy;
        if (secret.length == 0 || id == null) {
            message.set(messages.get("lock.missing"));
            return;
        }
        busy.set(true);
        tasks.submit(Lane.STORE_WRITER, "unlock", () -> signIn.signIn(id, secret), summary -> {
            busy.set(false);
            message.set("");
            lastActivity = clock.instant();
            locked.set(false);
            whenUnlocked.forEach(Runnable::run);
        }, failure -> {
            busy.set(false);
            message.set(failureText(failure));
        });
    }

    /** The lock screen asks only for the passphrase: a wrong one is named so, without the sign-in's 職員ID. */
    private String failureText(Throwable failure) {
        if (failure instanceof StoreException e && e.error() == StoreError.WRONG_PASSPHRASE) {
            return messages.get("lock.wrongPassphrase", e.error().code());
        }
        return failure instanceof StoreException e
                ? messages.get("lock.failed", messages.get(Messages.keyFor("store.error.", e.error())), e.error().code())
                : messages.get("lock.failed", messages.get("status.error.unexpected"), "STORE-999");
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** The clerk who may unlock (while locked), else the signed-in clerk. */
    public String clerkId() {
        return locked.get() ? lockedBy : clerkId.get();
    }
}
