package dev.madoguchi.app.shelter.present;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.domain.JapaneseDateParser;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.Departure;
import dev.madoguchi.domain.shelter.Destination;
import dev.madoguchi.domain.shelter.Present;
import dev.madoguchi.domain.shelter.PresentPerson;
import dev.madoguchi.domain.shelter.Shelter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Who is present at the chosen shelter now (everyone checked in and not out, wherever they stay), searched by kana,
 * name or birth date (digits or 和暦) and filtered by a care flag, with the counts by day and by night; and the
 * check-out of one person with where they go (a transfer names the target shelter); day/night presence of a person or
 * their household, and a person leaving their household (for one of their own or another present one). Every change
 * is a new event; the list and counts are read again at once. Store work on {@code store-writer}.
 */
public final class PresentViewModel {

    private final CheckInCoordinator desk;
    private final Messages messages;
    private final ObservableList<String> rows = FXCollections.observableArrayList();
    private final ObservableList<Shelter> targets = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<CareKind> flag = new SimpleObjectProperty<>();
    private final StringProperty counts = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Destination> destination = new SimpleObjectProperty<>(Destination.HOME);
    private final ObjectProperty<Shelter> target = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty wholeHousehold = new SimpleBooleanProperty(false);
    private final ObjectProperty<String> join = new SimpleObjectProperty<>("");
    private final ObservableList<String> households = FXCollections.observableArrayList();
    private List<PresentPerson> all = List.of();
    private List<PresentPerson> shown = List.of();

    public PresentViewModel(CheckInCoordinator desk) {
        this.desk = desk;
        this.messages = desk.messages();
        query.addListener((obs, was, now) -> filter());
        flag.addListener((obs, was, now) -> filter());
    }

    /** Reads the present list (and the other shelters, for a transfer). */
    public void refresh() {
        Shelter at = desk.shelterProperty().get();
        if (at == null) {
            error.set(messages.get("shelter.present.noShelter"));
            return;
        }
        busy.set(true);
        desk.work().side(Lane.STORE_WRITER, "shelter present", () -> new Snapshot(desk.records().present(at.id()),
                desk.records().openShelters()), snapshot -> { // no transfer into a withdrawn shelter
                    busy.set(false);
                    error.set("");
                    show(snapshot.present());
                    targets.setAll(snapshot.shelters().stream().filter(s -> !s.id().equals(at.id())).toList());
                }, failed -> {
                    busy.set(false);
                    error.set(failed);
                });
    }

    private record Snapshot(Present present, List<Shelter> shelters) {
    }

    private void show(Present present) {
        all = present.people().stream().sorted(Comparator.comparing((PresentPerson p) -> p.person().kana())
                .thenComparing(p -> p.person().name())).toList();
        counts.set(messages.get("shelter.present.counts", present.present(), present.households(), present.day(),
                present.night()));
        List<String> ids = new ArrayList<>();
        ids.add("");
        all.stream().map(PresentPerson::householdId).distinct().sorted().forEach(ids::add);
        String joining = join.get();
        households.setAll(ids);
        join.set(ids.contains(joining) ? joining : "");
        filter();
    }

    private void filter() {
        String typed = query.get().strip();
        Optional<LocalDate> born = JapaneseDateParser.parse(typed);
        String key = key(typed);
        List<PresentPerson> now = new ArrayList<>();
        for (PresentPerson p : all) {
            boolean matches = typed.isEmpty() || born.map(d -> d.equals(p.person().birthDate())).orElse(false)
                    || key(p.person().name()).contains(key)
                    || key(p.person().kana()).contains(key);
            if (matches && (flag.get() == null || p.person().has(flag.get()))) {
                now.add(p);
            }
        }
        shown = List.copyOf(now);
        rows.setAll(shown.stream().map(this::line).toList());
    }

    /** For searching: NFKC, no blanks, hiragana as katakana (やまだ finds ヤマダ). */
    static String key(String text) {
        String s = java.text.Normalizer.normalize(text == null ? "" : text, java.text.Normalizer.Form.NFKC)
                .replaceAll("\\s", "");
        StringBuilder b = new StringBuilder(s.length());
        s.chars().forEach(c -> b.append((char) (c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c)));
        return b.toString();
    }

    private String line(PresentPerson p) {
        var e = p.person();
        String flags = e.flags().stream().map(f -> messages.get(Messages.keyFor("shelter.flag.", f.kind()))
                + (f.detail().isEmpty() ? "" : "（" + f.detail() + "）")).collect(Collectors.joining("・"));
        return messages.get("shelter.present.row", e.name(), e.kana().isEmpty() ? "—" : e.kana(),
                e.birthDate() == null ? messages.get("shelter.person.birthUnknown") : e.birthDate().toString(),
                messages.get(Messages.keyFor("shelter.stay.", p.stay())) + (p.space().isEmpty() ? "" : " " + p.space()),
                p.householdId(), flags.isEmpty() ? "—" : flags) + messages.get("shelter.present.dayNight",
                messages.get(p.day() ? "shelter.presence.in" : "shelter.presence.out"),
                messages.get(p.night() ? "shelter.presence.in" : "shelter.presence.out"));
    }

    /** Checks the person at this index of the shown list out, to the chosen destination. */
    public void checkOut(int index) {
        Shelter at = desk.shelterProperty().get();
        if (at == null || index < 0 || index >= shown.size()) {
            error.set(messages.get("shelter.present.chooseOne"));
            return;
        }
        Destination to = destination.get();
        if (to == Destination.OTHER_SHELTER && target.get() == null) {
            error.set(messages.get("shelter.present.chooseTarget"));
            return;
        }
        PresentPerson p = shown.get(index);
        Departure departure = new Departure(p.personId(), to, to == Destination.OTHER_SHELTER ? target.get().id() : "");
        busy.set(true);
        desk.work().side(Lane.STORE_WRITER, "shelter check-out", () -> {
            desk.records().checkOut(at.id(), departure);
            return desk.records().present(at.id());
        }, present -> {
            busy.set(false);
            error.set("");
            message.set(to == Destination.OTHER_SHELTER
                    ? messages.get("shelter.present.transferred", p.person().name(), target.get().name())
                    : messages.get("shelter.present.checkedOut", p.person().name(),
                            messages.get(Messages.keyFor("shelter.destination.", to))));
            show(present);
        }, failed -> {
            busy.set(false);
            error.set(failed);
        });
    }

    /** The person at this index of the shown list, or null. */
    public PresentPerson person(int index) {
        return index < 0 || index >= shown.size() ? null : shown.get(index);
    }

    /** Toggles the day presence of the person at this index (of their whole household when that is chosen). */
    public void toggleDay(int index) {
        PresentPerson p = person(index);
        if (p != null) {
            setPresence(p, !p.day(), null);
        }
    }

    /** Toggles the night presence of the person at this index (of their whole household when that is chosen). */
    public void toggleNight(int index) {
        PresentPerson p = person(index);
        if (p != null) {
            setPresence(p, null, !p.night());
        }
    }

    /** The chosen person's new value goes to everyone concerned; the other half of the day stays each one's own. */
    private void setPresence(PresentPerson p, Boolean day, Boolean night) {
        Shelter at = desk.shelterProperty().get();
        List<String> who = wholeHousehold.get() ? all.stream().filter(o -> o.householdId().equals(p.householdId()))
                .map(PresentPerson::personId).toList() : List.of(p.personId());
        String whom = wholeHousehold.get() ? messages.get("shelter.presence.household", p.householdId(), who.size())
                : p.person().name();
        boolean here = day != null ? day : night;
        String text = messages.get(day != null ? "shelter.presence.setDay" : "shelter.presence.setNight", whom,
                messages.get(here ? "shelter.presence.in" : "shelter.presence.out"));
        change("shelter presence", () -> desk.records().setPresence(at.id(), who, day, night), text);
    }

    /**
     * The person at this index leaves their household: for the household chosen in {@link #joinProperty()}, or, when
     * none is chosen, a new household of their own.
     */
    public void leaveHousehold(int index) {
        Shelter at = desk.shelterProperty().get();
        PresentPerson p = person(index);
        if (at == null || p == null) {
            error.set(messages.get("shelter.present.chooseOne"));
            return;
        }
        String chosen = join.get() == null ? "" : join.get();
        if (chosen.equals(p.householdId())) {
            error.set(messages.get("shelter.leave.same"));
            return;
        }
        String to = chosen.isEmpty() ? desk.newHouseholdId() : chosen;
        change("shelter leave household", () -> desk.records().leaveHousehold(at.id(), p.personId(), to),
                messages.get(chosen.isEmpty() ? "shelter.leave.own" : "shelter.leave.joined", p.person().name(), to));
    }

    private void change(String name, Runnable work, String done) {
        Shelter at = desk.shelterProperty().get();
        busy.set(true);
        desk.work().side(Lane.STORE_WRITER, name, () -> {
            work.run();
            return desk.records().present(at.id());
        }, present -> {
            busy.set(false);
            error.set("");
            message.set(done);
            show(present);
        }, failed -> {
            busy.set(false);
            error.set(failed);
        });
    }

    /** The households present (a person leaving theirs may join one); "" first: a new household of their own. */
    public ObservableList<String> households() {
        return households;
    }

    /** The household a person leaving theirs joins; "" or null: a new one of their own. */
    public ObjectProperty<String> joinProperty() {
        return join;
    }

    /** Presence changes apply to the chosen person's whole household. */
    public BooleanProperty wholeHouseholdProperty() {
        return wholeHousehold;
    }

    public ObservableList<String> rows() {
        return rows;
    }

    public ObservableList<Shelter> targets() {
        return targets;
    }

    /** Kana, name or birth date (digits or 和暦). */
    public StringProperty queryProperty() {
        return query;
    }

    /** Only people with this care flag; null: everyone. */
    public ObjectProperty<CareKind> flagProperty() {
        return flag;
    }

    public StringProperty countsProperty() {
        return counts;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<Destination> destinationProperty() {
        return destination;
    }

    public ObjectProperty<Shelter> targetProperty() {
        return target;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public CheckInCoordinator desk() {
        return desk;
    }
}
