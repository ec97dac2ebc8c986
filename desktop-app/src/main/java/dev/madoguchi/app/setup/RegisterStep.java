package dev.madoguchi.app.setup;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.store.register.RegisterFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Step 3: creates the municipality's store with its administrator (always: the store is made here) and imports the
 * register snapshot when one is given, on the store-writer lane with {@link SetupService}'s import; the bar shows the
 * residents imported of those in the file and the time left. Skipping creates the store without a register
 * (later: {@code madoguchi store import}).
 */
public final class RegisterStep extends WizardStep {

    private final TaskRunner tasks;
    private final SetupService service;
    private final StringProperty file = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private boolean created;

    public RegisterStep(Messages messages, TaskRunner tasks, SetupService service) {
        super(messages);
        this.tasks = tasks;
        this.service = service;
    }

    @Override
    public String laterKey() {
        return "setup.later.register";
    }

    /** True once the store exists: the municipality and the administrator can no longer be changed here. */
    public boolean created() {
        return created;
    }

    /**
     * Creates the store from {@code plan} (its register: this step's file, or none when {@code skip}), then calls
     * {@code done} on the UI thread. A file that cannot be read stops here, before anything is written.
     */
    public void run(Supplier<SetupPlan> plan, char[] passphrase, boolean skip, Runnable done) {
        if (created) { // the store is there (an import that failed half-way): only going on is left
            Arrays.fill(passphrase, ' ');
            if (statusProperty().get() == Status.OPEN) {
                statusProperty().set(Status.SKIPPED);
            }
            done.run();
            return;
        }
        Path register = skip || file.get() == null || file.get().isBlank() ? null : Path.of(file.get().strip());
        if (register != null && (!Files.isReadable(register) || RegisterFormat.byExtension(register).isEmpty())) {
            Arrays.fill(passphrase, ' ');
            fail(new SetupException(SetupError.REGISTER_UNREADABLE, "register file", null));
            return;
        }
        SetupPlan base = plan.get();
        SetupPlan withRegister = new SetupPlan(base.municipalityCode(), base.municipalityName(),
                base.administratorId(), base.administratorName(), register, null, null);
        busyProperty().set(true);
        say(register == null ? "setup.register.creating" : "setup.register.counting");
        progress.set(register == null ? -1 : 0);
        tasks.submit(Lane.STORE_WRITER, "setup: create the store", () -> {
            try {
                long total = register == null ? 0 : lines(register);
                long started = System.nanoTime();
                service.moveDemoStoreAside();
                return service.run(withRegister, passphrase, count -> tasks.onUi(() -> shown(count, total, started)));
            } finally {
                Arrays.fill(passphrase, ' ');
            }
        }, outcome -> {
            busyProperty().set(false);
            created = true;
            progress.set(1);
            if (register == null) {
                statusProperty().set(Status.SKIPPED);
                say("setup.register.createdEmpty");
            } else {
                statusProperty().set(Status.DONE);
                say("setup.register.done", outcome.residents(), outcome.households());
            }
            done.run();
        }, failure -> {
            busyProperty().set(false);
            progress.set(0);
            created = service.storeCreated(); // the store was made before the import failed: import later
            fail(failure instanceof IllegalArgumentException
                    ? new SetupException(SetupError.REGISTER_UNREADABLE, failure.getMessage(), failure) : failure);
        });
    }

    private void shown(long count, long total, long started) {
        double share = total <= 0 ? 1 : Math.min(1, count / (double) total);
        progress.set(share);
        long elapsed = System.nanoTime() - started;
        long left = share <= 0 || share >= 1 ? 0 : (long) (elapsed / share - elapsed);
        progressText.set(messages.get("setup.register.progress", count, total, Duration.ofNanos(left).toSeconds()));
    }

    /** The residents in the file, counted as lines (a CSV's header left out), for the bar and the time left. */
    static long lines(Path file) throws IOException {
        long lines = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    lines++;
                }
            }
        }
        boolean csv = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
        return Math.max(0, csv ? lines - 1 : lines);
    }

    public StringProperty fileProperty() {
        return file;
    }

    /** 0–1; −1 while the share is not known (creating the store only). */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }
}
