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
 * check-out of one person with where they go (a transfer names the target shelter). Store work on
 * {@code store-writer}.
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
                desk.records().shelters()), snapshot -> {
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
                p.householdId(), flags.isEmpty() ? "—" : flags);
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
