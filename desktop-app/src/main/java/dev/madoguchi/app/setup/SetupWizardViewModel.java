package dev.madoguchi.app.setup;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.store.StoreSummary;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.sync.SyncSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The first-run setup assistant of a real municipality (docs/adr/0031): seven steps and a summary, each step done,
 * skipped for later (all but the first two) or gone back to (until the store exists). The last button signs the
 * administrator in on the new store, writes what the steps tried (backend, forms folder, shelters) and opens the main
 * window on the imported register — no demo data anywhere.
 */
public final class SetupWizardViewModel {

    /** The pages, in order. */
    public enum Page { MUNICIPALITY, ADMINISTRATOR, REGISTER, BACKEND, PRINTER, CARD_READER, FOLDERS, SUMMARY }

    /** Signs the administrator in on the new store and hands it to {@code apply}, on the store-writer lane. */
    @FunctionalInterface
    public interface Completion {
        StoreSummary finish(String administratorId, char[] passphrase, Consumer<LocalStore> apply);
    }

    private final Messages messages;
    private final TaskRunner tasks;
    private final Steps steps;
    private final Completion completion;
    private final Consumer<StoreSummary> onFinished;
    private final Clock clock;
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.MUNICIPALITY);
    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty later = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty finishMessage = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty canSkip = new SimpleBooleanProperty(false);
    private final BooleanProperty canGoBack = new SimpleBooleanProperty(false);

    /** The step view models, in page order. */
    public record Steps(MunicipalityStep municipality, AdministratorStep administrator, RegisterStep register,
            BackendStep backend, PrinterStep printer, CardReaderStep cardReader, FoldersStep folders) {

        List<WizardStep> all() {
            return List.of(municipality, administrator, register, backend, printer, cardReader, folders);
        }
    }

    public SetupWizardViewModel(Messages messages, TaskRunner tasks, Steps steps, Completion completion,
            Consumer<StoreSummary> onFinished, Clock clock) {
        this.messages = messages;
        this.tasks = tasks;
        this.steps = steps;
        this.completion = completion;
        this.onFinished = onFinished;
        this.clock = clock;
        steps.all().forEach(s -> s.busyProperty().addListener((obs, was, now) -> busy.set(now)));
        page.addListener((obs, was, now) -> shown(now));
        shown(Page.MUNICIPALITY);
    }

    /** Goes on: checks or runs the step, then shows the next page; on the summary, finishes. */
    public void next() {
        if (busy.get()) {
            return;
        }
        switch (page.get()) {
            case MUNICIPALITY -> {
                if (steps.municipality().validate()) {
                    go(Page.ADMINISTRATOR);
                }
            }
            case ADMINISTRATOR -> {
                if (steps.administrator().validate()) {
                    go(Page.REGISTER);
                }
            }
            case REGISTER -> steps.register().run(this::plan, steps.administrator().passphrase(), false,
                    () -> go(Page.BACKEND));
            case BACKEND -> {
                if (steps.backend().statusProperty().get() == WizardStep.Status.DONE) {
                    go(Page.PRINTER);
                } else if (steps.backend().urlProperty().get() == null || steps.backend().urlProperty().get().isBlank()) {
                    skip();
                } else {
                    steps.backend().test(() -> go(Page.PRINTER));
                }
            }
            case PRINTER -> go(Page.CARD_READER);
            case CARD_READER -> go(Page.FOLDERS);
            case FOLDERS -> steps.folders().check(() -> go(Page.SUMMARY));
            case SUMMARY -> finish();
        }
    }

    /** Leaves the step for later (not the municipality or the administrator: the store needs them). */
    public void skip() {
        if (busy.get() || !canSkip.get()) {
            return;
        }
        WizardStep step = current();
        if (page.get() == Page.REGISTER) { // the store is still made, without a register
            steps.register().run(this::plan, steps.administrator().passphrase(), true, () -> go(Page.BACKEND));
            return;
        }
        if (step.statusProperty().get() != WizardStep.Status.DONE) {
            step.statusProperty().set(WizardStep.Status.SKIPPED);
        }
        go(Page.values()[page.get().ordinal() + 1]);
    }

    /** Shows the page before (not back into the municipality or the administrator once the store exists). */
    public void back() {
        if (!busy.get() && canGoBack.get()) {
            go(Page.values()[page.get().ordinal() - 1]);
        }
    }

    private void finish() {
        busy.set(true);
        finishMessage.set(messages.get("setup.finish.signingIn"));
        char[] passphrase = steps.administrator().passphrase();
        tasks.submit(Lane.STORE_WRITER, "setup: sign in and record", () -> completion.finish(
                steps.administrator().id(), passphrase, store -> {
                    steps.backend().apply(new SyncSettings(store.settings()));
                    steps.folders().apply(store);
                    steps.printer().apply(store); // the counter preselects it
                    store.settings().put(SetupService.COMPLETED_AT, Instant.now(clock).toString());
                }), signedIn -> {
                    busy.set(false);
                    steps.administrator().forget();
                    finishMessage.set("");
                    onFinished.accept(signedIn);
                }, failure -> {
                    busy.set(false);
                    finishMessage.set(WizardStep.remedy(messages, failure));
                });
    }

    private SetupPlan plan() {
        return new SetupPlan(steps.municipality().code(), steps.municipality().name(), steps.administrator().id(),
                steps.administrator().name(), null, null, null);
    }

    private void go(Page next) {
        page.set(next);
    }

    private WizardStep current() {
        return page.get() == Page.SUMMARY ? null : steps.all().get(page.get().ordinal());
    }

    private void shown(Page now) {
        heading.set(messages.get("setup.heading", now.ordinal() + 1, Page.values().length,
                messages.get(Messages.keyFor("setup.page.", now))));
        WizardStep step = current();
        canSkip.set(step != null && step.skippable());
        int first = steps.register().created() ? Page.BACKEND.ordinal() : 0;
        canGoBack.set(now.ordinal() > first);
        later.set(step == null || !step.skippable() ? "" : messages.get(step.laterKey()));
        if (now == Page.PRINTER && steps.printer().printers().isEmpty()) {
            steps.printer().refresh();
        }
        if (now == Page.SUMMARY) {
            summary.set(summaryText());
        }
    }

    /** One line a step: what was done, or that it was left and where to do it. */
    String summaryText() {
        StringBuilder text = new StringBuilder();
        for (WizardStep step : steps.all()) {
            Page of = Page.values()[steps.all().indexOf(step)];
            String name = messages.get(Messages.keyFor("setup.page.", of));
            if (step.statusProperty().get() == WizardStep.Status.DONE) {
                text.append(messages.get("setup.summary.done", name, step.doneSummary()));
            } else {
                text.append(messages.get("setup.summary.left", name, messages.get(step.laterKey())));
            }
            text.append('\n');
        }
        return text.toString().strip();
    }

    public Steps steps() {
        return steps;
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public StringProperty headingProperty() {
        return heading;
    }

    public StringProperty laterProperty() {
        return later;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty finishMessageProperty() {
        return finishMessage;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty canSkipProperty() {
        return canSkip;
    }

    public BooleanProperty canGoBackProperty() {
        return canGoBack;
    }
}
