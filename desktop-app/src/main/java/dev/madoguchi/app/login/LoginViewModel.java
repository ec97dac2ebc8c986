package dev.madoguchi.app.login;

import dev.madoguchi.app.demo.DemoAccount;
import java.util.List;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.store.StoreSummary;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.store.error.StoreException;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The offline sign-in: clerk id and passphrase unlock the local store on the store-writer lane. In demo mode the demo
 * clerk's id and passphrase are shown (they are public) and the id is filled in.
 */
public final class LoginViewModel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LoginViewModel.class);

    private final Messages messages;
    private final TaskRunner tasks;
    private final SignIn signIn;
    private final Consumer<StoreSummary> onSignedIn;
    private final StringProperty clerkId = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty demoHint = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty setUpOffered = new SimpleBooleanProperty(false);
    private final Runnable setUp;
    private long storeMillis = -1;
    private long windowMillis = -1;

    /**
     * @param demoAccounts the demo accounts to show (one per mode; the first is filled in), empty outside demo mode
     */
    public LoginViewModel(Messages messages, TaskRunner tasks, SignIn signIn, List<DemoAccount> demoAccounts,
            Consumer<StoreSummary> onSignedIn) {
        this(messages, tasks, signIn, demoAccounts, onSignedIn, null);
    }

    /**
     * @param setUp opens the setup assistant (この端末を設定する): given only on a computer never set up (the demo's
     *     sign-in, docs/adr/0031); null on a set-up computer, where an administrator reaches 設定 after the sign-in
     */
    public LoginViewModel(Messages messages, TaskRunner tasks, SignIn signIn, List<DemoAccount> demoAccounts,
            Consumer<StoreSummary> onSignedIn, Runnable setUp) {
        this.setUp = setUp;
        this.setUpOffered.set(setUp != null);
        this.messages = messages;
        this.tasks = tasks;
        this.signIn = signIn;
        this.onSignedIn = onSignedIn;
        if (!demoAccounts.isEmpty()) {
            clerkId.set(demoAccounts.get(0).clerkId());
            StringBuilder hint = new StringBuilder(messages.get("login.demoHint"));
            for (DemoAccount account : demoAccounts) {
                hint.append('\n').append(messages.get("login.demoAccount", messages.get(account.modeKey()),
                        account.clerkId(), account.passphrase()));
            }
            demoHint.set(hint.toString());
        }
    }

    /** Signs in with what was typed; the passphrase field is cleared whatever the outcome. */
    public void signIn() {
        if (busy.get()) {
            return;
        }
        String id = clerkId.get() == null ? "" : clerkId.get().strip();
        char[] secret = passphrase.get() == null ? new char[0] : passphrase.get().toCharArray();
        passphrase.set("");
        if (id.isEmpty() || secret.length == 0) {
            message.set(messages.get("login.missing"));
            return;
        }
        busy.set(true);
        message.set(messages.get("login.signingIn"));
        long submitted = System.nanoTime();
        tasks.submit(Lane.STORE_WRITER, "sign in", () -> signIn.signIn(id, secret), summary -> {
            long opened = System.nanoTime();
            busy.set(false);
            message.set("");
            onSignedIn.accept(summary);
            long ready = System.nanoTime();
            storeMillis = (opened - submitted) / 1_000_000;
            windowMillis = (ready - opened) / 1_000_000;
            LOG.info("signed in: store opened in {} ms, main window ready {} ms later", storeMillis, windowMillis);
        }, failure -> {
            busy.set(false);
            if (failure instanceof StoreException e) {
                message.set(messages.get("login.failed", messages.get(Messages.keyFor("store.error.", e.error())),
                        e.error().code()));
            } else {
                message.set(messages.get("login.failed", messages.get("status.error.unexpected"), "STORE-999"));
            }
        });
    }

    /**
     * この端末を設定する: leaves the demo's sign-in for the setup assistant. Does nothing where it is not offered or while
     * a sign-in runs (the demo store could be opening).
     */
    public void setUpThisTerminal() {
        if (setUp == null || busy.get()) {
            return;
        }
        passphrase.set("");
        setUpOffered.set(false);
        setUp.run();
    }

    /** Whether この端末を設定する is offered (a computer never set up). */
    public ReadOnlyBooleanProperty setUpOfferedProperty() {
        return setUpOffered;
    }

    /** The last sign-in's store part (key derivation, opening the store) in ms; -1 before one succeeded. */
    public long storeMillis() {
        return storeMillis;
    }

    /** The last sign-in's window part (building and showing the main window) in ms; -1 before one succeeded. */
    public long windowMillis() {
        return windowMillis;
    }

    public StringProperty clerkIdProperty() {
        return clerkId;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty demoHintProperty() {
        return demoHint;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
