package dev.madoguchi.app.counter;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The counter's list of today's visits: status on the way to the backend, a search over the cases' values, and an
 * audited reprint of a case's printed forms. Store work on {@code store-writer}, rendering and printing on
 * {@code background}. Uses {@code javafx.beans}/{@code javafx.collections} only.
 */
public final class CaseListViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Messages messages;
    private final TaskRunner tasks;
    private final VisitService visits;
    private final Supplier<PrintDestination> destination;
    private final ZoneId zone;
    private final ObservableList<CaseSummary> cases = FXCollections.observableArrayList();
    private final FilteredList<CaseSummary> shown = new FilteredList<>(cases);
    private final ObservableList<CaseSummary> shownView = FXCollections.unmodifiableObservableList(shown);
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ErrorTexts errors;

    public CaseListViewModel(Messages messages, TaskRunner tasks, VisitService visits,
            Supplier<PrintDestination> destination, ZoneId zone) {
        this.messages = messages;
        this.tasks = tasks;
        this.visits = visits;
        this.destination = destination;
        this.zone = zone;
        this.errors = new ErrorTexts(messages);
        query.addListener((obs, old, now) -> {
            String key = now == null ? "" : TextMatching.nameKey(now);
            shown.setPredicate(key.isEmpty() ? null : c -> c.searchText().contains(key));
        });
    }

    /** Reads today's cases again. */
    public void refresh() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        tasks.submit(Lane.STORE_WRITER, "case list", visits::todaysCases, list -> {
            busy.set(false);
            error.set("");
            cases.setAll(list);
            message.set(messages.get("counter.cases.count", list.size()));
        }, this::failed);
    }

    /** Prints a case's printed forms again with a fresh signed QR; audited. */
    public void reprint(CaseSummary summary) {
        if (busy.get() || summary == null) {
            return;
        }
        busy.set(true);
        error.set("");
        tasks.submit(Lane.STORE_WRITER, "case reprint: read", () -> visits.storedForms(summary.caseId()), forms ->
                tasks.submit(Lane.BACKGROUND, "case reprint: print", () -> {
                    PrintDestination where = destination.get();
                    List<PrintOutcome> out = new ArrayList<>();
                    for (VisitForm form : forms) {
                        out.add(visits.print(visits.render(form), where));
                    }
                    return out;
                }, prints -> tasks.submit(Lane.STORE_WRITER, "case reprint: audit", () -> {
                    visits.recordReprint(summary, prints);
                    return prints.size();
                }, n -> {
                    busy.set(false);
                    message.set(messages.get("counter.cases.reprinted", n));
                }, this::failed), this::failed), this::failed);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        error.set(errors.describe(failure));
    }

    /**
     * One line of the list, in the clerk's language: time, the case number to read aloud, the life event and the forms
     * by their titles, and the state in words — no internal id, and no name (the list is seen over the clerk's
     * shoulder; the search still finds a case by name).
     */
    public String describe(CaseSummary c) {
        String forms = String.join(messages.get("counter.cases.formSeparator"),
                c.formTitles().stream().map(t -> t.in(messages.locale())).toList());
        return messages.get("counter.cases.row", TIME.format(c.openedAt().atZone(zone)), c.number(),
                c.lifeEventTitle().in(messages.locale()), forms,
                messages.get(Messages.keyFor("counter.caseState.", c.state())),
                messages.get(c.printed() ? "counter.cases.printed" : "counter.cases.notPrinted"));
    }

    /** The cases the search shows. */
    public ObservableList<CaseSummary> cases() {
        return shownView;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Forgets the list (the counter locks, or the clerk signs out). */
    public void clear() {
        cases.clear();
        query.set("");
        message.set("");
        error.set("");
    }
}
