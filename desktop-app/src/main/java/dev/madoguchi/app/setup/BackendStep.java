package dev.madoguchi.app.setup;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.sync.SyncSettings;
import java.net.URI;
import java.nio.file.Path;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Step 4: the backend's URL, the terminal's token file and, for a private CA, a trust store — tried live on the sync
 * lane ({@link BackendCheck}); only a configuration that answered is kept, and written into the store's sync settings
 * when the assistant ends. Later: {@code madoguchi sync configure}.
 */
public final class BackendStep extends WizardStep {

    private final TaskRunner tasks;
    private final BackendCheck check;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty tokenFile = new SimpleStringProperty("");
    private final StringProperty trustStore = new SimpleStringProperty("");
    private final StringProperty trustStorePassword = new SimpleStringProperty("");
    private Tried tried;

    /** A configuration that answered. */
    private record Tried(URI url, Path tokenFile, Path trustStore, char[] password) {}

    public BackendStep(Messages messages, TaskRunner tasks, BackendCheck check) {
        super(messages);
        this.tasks = tasks;
        this.check = check;
    }

    @Override
    public String laterKey() {
        return "setup.later.backend";
    }

    /** Tries what was typed; {@code answered} runs on the UI thread when the backend accepted the token. */
    public void test(Runnable answered) {
        String address = url.get() == null ? "" : url.get().strip();
        Path token = path(tokenFile.get());
        Path trust = path(trustStore.get());
        char[] password = trustStorePassword.get() == null || trustStorePassword.get().isEmpty() ? null
                : trustStorePassword.get().toCharArray();
        tried = null;
        busyProperty().set(true);
        say("setup.backend.testing", address);
        tasks.submit(Lane.SYNC, "setup: try the backend", () -> check.check(address, token, trust, password), answer -> {
            busyProperty().set(false);
            tried = new Tried(URI.create(address), token, trust, password);
            statusProperty().set(Status.DONE);
            say("setup.backend.ok", answer.version(), answer.database());
            answered.run();
        }, failure -> {
            busyProperty().set(false);
            fail(failure);
        });
    }

    /** Writes a configuration that answered into the store's sync settings (on the store-writer lane). */
    void apply(SyncSettings settings) {
        if (tried != null) {
            settings.configure(tried.url(), BackendCheck.token(tried.tokenFile()), tried.trustStore(), tried.password());
        }
    }

    static Path path(String text) {
        return text == null || text.isBlank() ? null : Path.of(text.strip());
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty tokenFileProperty() {
        return tokenFile;
    }

    public StringProperty trustStoreProperty() {
        return trustStore;
    }

    public StringProperty trustStorePasswordProperty() {
        return trustStorePassword;
    }
}
