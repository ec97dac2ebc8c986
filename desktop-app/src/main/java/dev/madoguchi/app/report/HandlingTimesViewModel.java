package dev.madoguchi.app.report;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.cases.HandlingTimeReport;
import dev.madoguchi.store.cases.HandlingTimeReport.LifeEventFigures;
import dev.madoguchi.store.cases.HandlingTimeReport.StepFigures;
import dev.madoguchi.store.cases.StepDuration;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * The handling-time screen (docs/adr/0018): a date range, the clerk's own figures or — for an administrator — every
 * clerk's, as a table of life event × step with count, median and 90th percentile, and per life event the share of
 * visits finished without manual entry. The store is read on the {@code store-writer} lane through the
 * {@link TaskRunner}; the results come back on the UI thread.
 */
public final class HandlingTimesViewModel {

    /** Days shown when the screen opens: the last 30, today included (as the command line's default). */
    public static final int DEFAULT_DAYS = 30;

    /** One line of the table, as shown. {@code withoutManualEntry} is filled on a life event's total line only. */
    public record Row(String lifeEvent, String step, String count, String median, String p90,
            String withoutManualEntry) {}

    private static final Map<String, String> STEP_KEYS = Map.of(
            StepDuration.IDENTIFY, "report.step.identify",
            StepDuration.MATCH, "report.step.match",
            StepDuration.PLAN, "report.step.plan",
            StepDuration.FORMS, "report.step.forms",
            StepDuration.PRINT, "report.step.print",
            HandlingTimeReport.TOTAL, "report.step.total");

    private final Messages messages;
    private final TaskRunner tasks;
    private final HandlingTimesService service;
    private final ZoneId zone;

    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty to = new SimpleStringProperty("");
    private final BooleanProperty allClerks = new SimpleBooleanProperty();
    private final BooleanProperty allClerksAllowed = new SimpleBooleanProperty();
    private final ReadOnlyListWrapper<Row> rows = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsError = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /** @param clock today and the time zone the days are counted in */
    public HandlingTimesViewModel(Messages messages, TaskRunner tasks, HandlingTimesService service, Clock clock) {
        this.messages = messages;
        this.tasks = tasks;
        this.service = service;
        this.zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        to.set(today.toString());
        from.set(today.minusDays(DEFAULT_DAYS - 1).toString());
    }

    /** Reads the figures of the range again; a range that cannot be read is said in words and nothing is read. */
    public void refresh() {
        LocalDate first;
        LocalDate last;
        try {
            first = LocalDate.parse(from.get().strip());
            last = LocalDate.parse(to.get().strip());
        } catch (DateTimeParseException e) {
            fail("report.error.date");
            return;
        }
        if (last.isBefore(first)) {
            fail("report.error.range");
            return;
        }
        boolean all = allClerks.get();
        busy.set(true);
        message.set(messages.get("report.working"));
        messageIsError.set(false);
        tasks.submit(Lane.STORE_WRITER, "report handling times", () -> service.report(first, last, all, zone),
                this::show, this::failed);
    }

    private void show(HandlingTimesService.Figures figures) {
        busy.set(false);
        allClerksAllowed.set(figures.mayReadAll());
        HandlingTimeReport report = figures.report();
        List<Row> lines = new ArrayList<>();
        for (LifeEventFigures event : report.lifeEvents()) {
            String title = service.lifeEventTitle(event.lifeEvent(), messages.locale());
            for (StepFigures step : event.steps()) {
                boolean total = step.step().equals(HandlingTimeReport.TOTAL);
                lines.add(new Row(title, stepTitle(step.step()), Integer.toString(step.count()),
                        HandlingTimeExport.minutes(step.median()), HandlingTimeExport.minutes(step.p90()),
                        total ? share(event.withoutManualEntry(), event.visits()) : ""));
            }
        }
        rows.setAll(lines);
        summary.set(report.visits() == 0
                ? messages.get(report.clerkId() == null ? "report.summary.noneAll" : "report.summary.none")
                : messages.get(report.clerkId() == null ? "report.summary.all" : "report.summary.mine",
                        report.visits(), share(report.visitsWithoutManualEntry(), report.visits())));
        message.set("");
        messageIsError.set(false);
    }

    /** "15 / 20 (75 %)". */
    private String share(int without, int visits) {
        long percent = visits == 0 ? 0 : Math.round(100.0 * without / visits);
        return messages.get("report.share", without, visits, percent);
    }

    private String stepTitle(String step) {
        String key = STEP_KEYS.get(step);
        return key == null ? step : messages.get(key);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        rows.clear();
        summary.set("");
        if (failure instanceof StoreException e) {
            message.set(messages.get("report.failed", messages.get(Messages.keyFor("store.error.", e.error())),
                    e.error().code()));
        } else {
            message.set(messages.get("report.failed", messages.get("status.error.unexpected"), "STORE-099"));
        }
        messageIsError.set(true);
    }

    private void fail(String key) {
        message.set(messages.get(key));
        messageIsError.set(true);
    }

    /** The first day, yyyy-MM-dd. */
    public StringProperty fromProperty() {
        return from;
    }

    /** The last day, yyyy-MM-dd, inclusive. */
    public StringProperty toProperty() {
        return to;
    }

    /** Every clerk's figures instead of the signed-in clerk's (administrators). */
    public BooleanProperty allClerksProperty() {
        return allClerks;
    }

    /** True once the store said the signed-in clerk may see every clerk's figures; the view shows the choice. */
    public ReadOnlyBooleanProperty allClerksAllowedProperty() {
        return allClerksAllowed;
    }

    public ReadOnlyListProperty<Row> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** Visits and the share without manual entry over the whole range, in words. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** What went wrong (or that the figures are being read), in words; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError;
    }

    /** True while the store is read; the view disables 集計. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
