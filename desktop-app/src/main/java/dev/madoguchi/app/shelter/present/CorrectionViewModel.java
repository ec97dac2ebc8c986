package dev.madoguchi.app.shelter.present;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.shelter.FlagText;
import dev.madoguchi.app.shelter.PersonEvent;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.domain.JapaneseDateParser;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.PresentPerson;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.Stay;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The correction of a checked-in person's recorded data (様式第1号 ①–⑭, where they stay and the space) with their
 * history beside it. Saving records a correction event — the earlier events stay as they were — and the history
 * shows it at once. Store work on {@code store-writer}.
 */
public final class CorrectionViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));

    private final CheckInCoordinator desk;
    private final Messages messages;
    private final FlagText flagText;
    private final Runnable changed;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty kana = new SimpleStringProperty("");
    private final StringProperty birthDate = new SimpleStringProperty("");
    private final ObjectProperty<Sex> sex = new SimpleObjectProperty<>(Sex.NOT_APPLICABLE);
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty flags = new SimpleStringProperty("");
    private final StringProperty injury = new SimpleStringProperty("");
    private final BooleanProperty consentFamily = new SimpleBooleanProperty(false);
    private final BooleanProperty consentAcquaintances = new SimpleBooleanProperty(false);
    private final BooleanProperty consentOthers = new SimpleBooleanProperty(false);
    private final ObjectProperty<Stay> stay = new SimpleObjectProperty<>(Stay.SHELTER);
    private final StringProperty space = new SimpleStringProperty("");
    private final StringProperty who = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty editing = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private PresentPerson person;

    /** @param changed runs after a correction is stored (the present list is read again) */
    public CorrectionViewModel(CheckInCoordinator desk, Runnable changed) {
        this.desk = desk;
        this.messages = desk.messages();
        this.flagText = new FlagText(messages);
        this.changed = changed;
    }

    /** Opens the form for this person, filled with what is recorded now, and reads their history. */
    public void open(PresentPerson p) {
        person = p;
        Evacuee e = p.person();
        name.set(e.name());
        kana.set(e.kana());
        birthDate.set(e.birthDate() == null ? "" : e.birthDate().toString());
        sex.set(e.sex());
        address.set(e.address());
        phone.set(e.phone());
        flags.set(flagText.format(e.flags()));
        injury.set(e.injury());
        consentFamily.set(e.consent().family());
        consentAcquaintances.set(e.consent().acquaintances());
        consentOthers.set(e.consent().others());
        stay.set(p.stay());
        space.set(p.space());
        who.set(messages.get("shelter.correct.who", e.name(), p.householdId()));
        error.set("");
        message.set("");
        history.clear();
        editing.set(true);
        readHistory();
    }

    private void readHistory() {
        Shelter at = desk.shelterProperty().get();
        if (at == null) {
            return;
        }
        String personId = person.personId();
        desk.work().side(Lane.STORE_WRITER, "shelter person history", () -> desk.records().history(at.id(), personId),
                events -> history.setAll(events.stream().map(this::line).toList()), error::set);
    }

    private String line(PersonEvent e) {
        String what = switch (e.kind()) {
            case CHECK_IN -> messages.get("shelter.history.checkIn", e.household());
            case CHECK_OUT -> messages.get("shelter.history.checkOut", destination(e.destination()));
            case CORRECT -> messages.get("shelter.history.correct");
            case LEAVE_HOUSEHOLD -> messages.get("shelter.history.leave", e.household());
            case PRESENCE -> messages.get("shelter.history.presence", here(e.day()), here(e.night()));
        };
        return messages.get("shelter.history.row", WHEN.format(e.at()), what, e.terminal());
    }

    private String here(boolean here) {
        return messages.get(here ? "shelter.presence.in" : "shelter.presence.out");
    }

    private String destination(String code) {
        for (var d : dev.madoguchi.domain.shelter.Destination.values()) {
            if (d.code().equals(code)) {
                return messages.get(Messages.keyFor("shelter.destination.", d));
            }
        }
        return code;
    }

    /** Records the form as a correction event (nothing is rewritten); the history shows it at once. */
    public void save() {
        Shelter at = desk.shelterProperty().get();
        if (person == null || at == null || busy.get()) {
            return;
        }
        List<String> wrong = new ArrayList<>();
        if (name.get().isBlank()) {
            wrong.add(messages.get("shelter.backlog.noName"));
        }
        Optional<LocalDate> born = JapaneseDateParser.parse(birthDate.get());
        if (!birthDate.get().isBlank() && born.isEmpty()) {
            wrong.add(messages.get("shelter.backlog.badDate"));
        }
        List<CareFlag> chosen = flagText.parse(flags.get());
        if (chosen == null) {
            wrong.add(messages.get("shelter.backlog.badFlags"));
        }
        if (!wrong.isEmpty()) {
            error.set(String.join(" / ", wrong));
            return;
        }
        Evacuee was = person.person();
        Evacuee now = new Evacuee(was.personId(), name.get().strip(), kana.get().strip(), born.orElse(null),
                sex.get(), address.get().strip(), phone.get().strip(), was.residentId(), was.identifiedBy(), chosen,
                injury.get().strip(),
                new Consent(consentFamily.get(), consentAcquaintances.get(), consentOthers.get()));
        Stay newStay = stay.get() == null ? person.stay() : stay.get();
        String newSpace = newStay == Stay.SHELTER ? space.get().strip() : "";
        busy.set(true);
        desk.work().side(Lane.STORE_WRITER, "shelter correction", () -> {
            desk.records().correct(at.id(), now, newStay, newSpace);
            return desk.records().history(at.id(), now.personId());
        }, events -> {
            busy.set(false);
            error.set("");
            person = new PresentPerson(now, person.householdId(), newStay, newSpace, person.pets(), person.vehicle(),
                    person.since(), person.day(), person.night());
            who.set(messages.get("shelter.correct.who", now.name(), person.householdId()));
            message.set(messages.get("shelter.correct.saved", now.name()));
            history.setAll(events.stream().map(this::line).toList());
            changed.run();
        }, failed -> {
            busy.set(false);
            error.set(failed);
        });
    }

    /** Back to the list (Escape); what was not saved is dropped. */
    public void close() {
        editing.set(false);
        person = null;
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty kanaProperty() { return kana; }
    /** Digits or 和暦 (S13.4.1), as at check-in; blank: not known. */
    public StringProperty birthDateProperty() { return birthDate; }
    public ObjectProperty<Sex> sexProperty() { return sex; }
    public StringProperty addressProperty() { return address; }
    public StringProperty phoneProperty() { return phone; }
    /** As in the paper-card grid: 高齢 アレルギー:卵. */
    public StringProperty flagsProperty() { return flags; }
    public StringProperty injuryProperty() { return injury; }
    public BooleanProperty consentFamilyProperty() { return consentFamily; }
    public BooleanProperty consentAcquaintancesProperty() { return consentAcquaintances; }
    public BooleanProperty consentOthersProperty() { return consentOthers; }
    public ObjectProperty<Stay> stayProperty() { return stay; }
    public StringProperty spaceProperty() { return space; }
    public StringProperty whoProperty() { return who; }
    public StringProperty errorProperty() { return error; }
    public StringProperty messageProperty() { return message; }
    /** The form is open (the list is hidden meanwhile). */
    public BooleanProperty editingProperty() { return editing; }
    public BooleanProperty busyProperty() { return busy; }
    /** The person's events, oldest first: when, what, which laptop. */
    public ObservableList<String> history() { return history; }
    public CheckInCoordinator desk() { return desk; }
}
