package dev.madoguchi.app.counter.trust;

import dev.madoguchi.app.counter.ErrorTexts;
import dev.madoguchi.app.counter.ResidenceTrustSettings.Facts;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * ファイル → 在留カードの署名の信頼点: the anchors this terminal added, and their removal after a confirmation that shows
 * what is removed — subject, key id, fingerprint, validity — and warns that cards signed under it will show as not
 * verified. Store work on the {@code store-writer} lane; the removal is audited by the store.
 */
public final class TrustAnchorsViewModel {

    private final Messages messages;
    private final TaskRunner tasks;
    private final TrustAnchorService service;
    private final DateTimeFormatter dates;
    private final ObservableList<Facts> anchors = FXCollections.observableArrayList();
    private final ObjectProperty<Facts> selected = new SimpleObjectProperty<>();
    private final BooleanProperty confirming = new SimpleBooleanProperty(false);
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private Facts toRemove;

    public TrustAnchorsViewModel(Messages messages, TaskRunner tasks, TrustAnchorService service, ZoneId zone) {
        this.messages = messages;
        this.tasks = tasks;
        this.service = service;
        this.dates = DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone);
    }

    /** Reads the anchors again. */
    public void refresh() {
        load(null);
    }

    /** Reads the anchors; then says {@code said}, or that there are none. */
    private void load(String said) {
        busy.set(true);
        tasks.submit(Lane.STORE_WRITER, "trust anchors list", service::list, (List<Facts> found) -> {
            busy.set(false);
            anchors.setAll(found);
            message.set(said != null ? said : found.isEmpty() ? messages.get("counter.trust.none") : "");
            selected.set(found.isEmpty() ? null : found.get(0));
        }, this::failed);
    }

    /** 削除…: asks to confirm the removal of the selected anchor, showing what it is. */
    public void askRemove() {
        Facts chosen = selected.get();
        if (chosen == null || busy.get()) {
            return;
        }
        toRemove = chosen;
        confirmation.set(describe(chosen));
        message.set("");
        confirming.set(true);
    }

    /** やめる: nothing is removed. */
    public void cancelRemove() {
        toRemove = null;
        confirming.set(false);
        confirmation.set("");
    }

    /** 削除する: removes the anchor confirmed; the list is read again. */
    public void confirmRemove() {
        Facts removing = toRemove;
        if (!confirming.get() || removing == null || busy.get()) {
            return;
        }
        busy.set(true);
        tasks.submit(Lane.STORE_WRITER, "trust anchor remove", () -> service.remove(removing.fingerprint()),
                removed -> {
                    busy.set(false);
                    cancelRemove();
                    load(messages.get("counter.trust.removed", removed.name()));
                }, failure -> {
                    cancelRemove();
                    failed(failure);
                });
    }

    private void failed(Throwable failure) {
        busy.set(false);
        message.set(new ErrorTexts(messages).describe(failure));
    }

    /** The list's text of one anchor: name, profile and validity. */
    public String rowText(Facts f) {
        return messages.get("counter.trust.row", f.name(), messages.get(Messages.keyFor("counter.trust.profile.", f.profile())),
                dates.format(f.notBefore()), dates.format(f.notAfter()));
    }

    /** What the confirmation shows: subject, key id, fingerprint, validity, and the warning. */
    String describe(Facts f) {
        return messages.get("counter.trust.confirm.text", f.subject(),
                f.keyId().isEmpty() ? messages.get("counter.trust.confirm.noKeyId") : f.keyId(), fingerprint(f.fingerprint()),
                dates.format(f.notBefore()), dates.format(f.notAfter()));
    }

    /** The fingerprint in groups of four, to read aloud or compare with the published one. */
    static String fingerprint(String hex) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            out.append(i == 0 ? "" : " ").append(hex, i, Math.min(hex.length(), i + 4));
        }
        return out.toString();
    }

    public ObservableList<Facts> anchors() {
        return anchors;
    }

    public ObjectProperty<Facts> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty confirmingProperty() {
        return confirming;
    }

    public ReadOnlyStringProperty confirmationProperty() {
        return confirmation;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
