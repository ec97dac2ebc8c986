package dev.madoguchi.app.outbox;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.outbox.DiscardOutcome;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * The blocked-messages screen: lists the messages the backend refused with its problem in words, and lets a person
 * send one again, discard it with a reason or write it to a file. All work runs on the {@code sync} lane (beside no
 * sync pass); results come back on the UI thread through the {@link TaskRunner}.
 */
public final class BlockedMessagesViewModel {

    /** One line of the list: the message and how it reads. */
    public record Row(BlockedMessage message, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final Messages messages;
    private final TaskRunner tasks;
    private final BlockedMessagesService service;
    private final DateTimeFormatter when;

    private final ReadOnlyListWrapper<Row> rows = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final StringProperty detail = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    private final BooleanProperty outcomeIsError = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public BlockedMessagesViewModel(Messages messages, TaskRunner tasks, BlockedMessagesService service, ZoneId zone) {
        this.messages = messages;
        this.tasks = tasks;
        this.service = service;
        this.when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
        selected.addListener((obs, old, now) -> detail.set(now == null ? "" : describe(now.message())));
    }

    /** Reads the blocked messages again. */
    public void refresh() {
        busy.set(true);
        tasks.submit(Lane.SYNC, "list blocked messages", service::list, this::show, this::fail);
    }

    /** Sends the chosen message again at the next sync pass. */
    public void retrySelected() {
        Row row = selected.get();
        if (row == null) {
            say("status.blocked.chooseFirst", true);
            return;
        }
        UUID id = row.message().id();
        busy.set(true);
        tasks.submit(Lane.SYNC, "retry a blocked message", () -> {
            service.retry(id);
            return service.list();
        }, list -> {
            show(list);
            say("status.blocked.retried", false);
        }, this::fail);
    }

    /** Discards the chosen message with the {@linkplain #reasonProperty() reason} given; a reason is required. */
    public void discardSelected() {
        Row row = selected.get();
        if (row == null) {
            say("status.blocked.chooseFirst", true);
            return;
        }
        String why = reason.get() == null ? "" : reason.get().strip();
        if (why.isEmpty()) {
            say("status.blocked.reasonRequired", true);
            return;
        }
        UUID id = row.message().id();
        busy.set(true);
        tasks.submit(Lane.SYNC, "discard a blocked message", () -> {
            DiscardOutcome done = service.discard(id, why);
            return new Discarded(done, service.list());
        }, done -> {
            reason.set("");
            show(done.list());
            say(done.outcome() == DiscardOutcome.CASE_CANCELLED ? "status.blocked.discardedCaseCancelled"
                    : "status.blocked.discarded", false);
        }, this::fail);
    }

    private record Discarded(DiscardOutcome outcome, List<BlockedMessage> list) {}

    /** Writes the chosen message (with its personal data) to {@code file}. */
    public void exportSelected(Path file) {
        Row row = selected.get();
        if (row == null) {
            say("status.blocked.chooseFirst", true);
            return;
        }
        UUID id = row.message().id();
        busy.set(true);
        tasks.submit(Lane.SYNC, "export a blocked message", () -> service.export(id, file), written -> {
            busy.set(false);
            outcome.set(messages.get("status.blocked.exported", written.toString()));
            outcomeIsError.set(false);
        }, this::fail);
    }

    /** The message in words: what, whose, when, tries, and the backend's problem. No payload. */
    String describe(BlockedMessage m) {
        return messages.get("status.blocked.detail", kindText(m), aggregateText(m), when.format(m.recordedAt()),
                m.attempts(), m.problemCode() == null ? "—" : m.problemCode(),
                m.problem() == null ? "—" : m.problem(), m.id().toString());
    }

    private String kindText(BlockedMessage m) {
        return messages.get(m.aggregateType().equals("case") ? "status.blocked.kind.case" : "status.blocked.kind.shelter",
                m.kind());
    }

    private String aggregateText(BlockedMessage m) {
        return messages.get(m.aggregateType().equals("case") ? "status.blocked.aggregate.case"
                : "status.blocked.aggregate.shelter", m.aggregateId(), m.sequence());
    }

    private void show(List<BlockedMessage> list) {
        busy.set(false);
        UUID keep = selected.get() == null ? null : selected.get().message().id();
        rows.setAll(list.stream().map(m -> new Row(m, messages.get("status.blocked.row", when.format(m.recordedAt()),
                kindText(m), aggregateText(m), m.problemCode() == null ? "—" : m.problemCode()))).toList());
        selected.set(rows.stream().filter(r -> r.message().id().equals(keep)).findFirst()
                .orElse(rows.isEmpty() ? null : rows.get(0)));
        if (rows.isEmpty()) {
            say("status.blocked.none", false);
        } else {
            outcome.set("");
        }
    }

    private void fail(Throwable failure) {
        busy.set(false);
        if (failure instanceof StoreException e) {
            outcome.set(messages.get("status.blocked.failed", messages.get(Messages.keyFor("store.error.", e.error())),
                    e.error().code()));
        } else if (failure instanceof java.io.IOException) {
            outcome.set(messages.get("status.blocked.exportFailed"));
        } else {
            outcome.set(messages.get("status.blocked.failed", messages.get("status.error.unexpected"), "SYNC-999"));
        }
        outcomeIsError.set(true);
    }

    private void say(String key, boolean error) {
        outcome.set(messages.get(key));
        outcomeIsError.set(error);
    }

    public ReadOnlyListProperty<Row> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** The chosen line; the view keeps it in step with the list's selection. */
    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** What the last action did, in words (empty when there is nothing to say). */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome;
    }

    public ReadOnlyBooleanProperty outcomeIsErrorProperty() {
        return outcomeIsError;
    }

    /** True while work is on the lane; the view disables the actions. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
