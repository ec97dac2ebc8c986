package dev.madoguchi.app.shelter.backlog;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.shelter.FlagText;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.domain.JapaneseDateParser;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.domain.shelter.PresentPerson;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.Stay;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The paper-card backlog: a stack of handwritten 避難者カード typed row by row (Tab between fields, Enter for the next row).
 * Each row is checked as it is typed — a missing name, a date that is not one, a duplicate of another row or of someone
 * present, consent ⑫⑬⑭ not typed as three y/n — is flagged in the row — and saving stores the good rows, grouped by the
 * household column (one transaction per household), leaving the flagged ones for a second look. A running count says
 * where the stack is. The rows of a save stay in the grid, marked saved, until the next save; then they leave it (the
 * count keeps them), so that the grid does not grow with every card of a long night (docs/performance.md, "Shelter
 * mode": every row is nine text fields).
 */
public final class BacklogViewModel {

    private final CheckInCoordinator desk;
    private final Messages messages;
    private final Clock clock;
    private final ObservableList<BacklogRow> rows = FXCollections.observableArrayList();
    private final StringProperty counts = new SimpleStringProperty("");
    private final StringProperty space = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final FlagText flagText;
    private Set<String> presentKeys = Set.of();
    /** Rows saved by earlier saves, no longer in the grid. */
    private int savedEarlier;

    public BacklogViewModel(CheckInCoordinator desk, Clock clock) {
        this.desk = desk;
        this.messages = desk.messages();
        this.clock = clock;
        this.flagText = new FlagText(messages);
        addRow();
    }

    /** Reads who is present (for duplicates) when the grid is shown. */
    public void start() {
        Shelter at = desk.shelterProperty().get();
        if (at == null) {
            error.set(messages.get("shelter.present.noShelter"));
            return;
        }
        if (space.get().isEmpty() && !at.spaces().isEmpty()) {
            space.set(at.spaces().get(0));
        }
        desk.work().side(Lane.STORE_WRITER, "shelter backlog present", () -> desk.records().present(at.id()),
                present -> {
                    Set<String> keys = new HashSet<>();
                    for (PresentPerson p : present.people()) {
                        keys.add(key(p.person().name(), p.person().birthDate()));
                    }
                    presentKeys = keys;
                    rows.forEach(this::check);
                }, error::set);
    }

    /** A new empty row at the end (Enter on a row's last field). */
    public BacklogRow addRow() {
        BacklogRow row = new BacklogRow();
        for (StringProperty f : row.fields()) {
            f.addListener((obs, was, now) -> {
                check(row);
                rows.stream().filter(r -> r != row).forEach(this::check); // duplicates change with every row
            });
        }
        rows.add(row);
        recount();
        return row;
    }

    private void check(BacklogRow row) {
        if (row.state.get() == BacklogRow.State.SAVED) {
            return;
        }
        if (row.blank()) {
            set(row, BacklogRow.State.EMPTY, "");
            return;
        }
        List<String> wrong = new ArrayList<>();
        if (row.name.get().isBlank()) {
            wrong.add(messages.get("shelter.backlog.noName"));
        }
        Optional<LocalDate> born = JapaneseDateParser.parse(row.birthDate.get());
        if (!row.birthDate.get().isBlank() && (born.isEmpty() || born.get().isAfter(LocalDate.now(clock)))) {
            wrong.add(messages.get("shelter.backlog.badDate"));
        }
        if (sex(row.sex.get()) == null) {
            wrong.add(messages.get("shelter.backlog.badSex"));
        }
        if (flags(row.flags.get()) == null) {
            wrong.add(messages.get("shelter.backlog.badFlags"));
        }
        if (consent(row.consent.get()) == null) {
            wrong.add(messages.get("shelter.backlog.badConsent"));
        }
        if (!wrong.isEmpty()) {
            set(row, BacklogRow.State.BAD, String.join(" / ", wrong));
            return;
        }
        String key = key(row.name.get(), born.orElse(null));
        boolean twice = rows.stream().anyMatch(r -> r != row && r.state.get() != BacklogRow.State.SAVED
                && !r.name.get().isBlank() && key(r.name.get(),
                        JapaneseDateParser.parse(r.birthDate.get()).orElse(null)).equals(key));
        if (presentKeys.contains(key)) {
            set(row, BacklogRow.State.DUPLICATE, messages.get("shelter.backlog.alreadyPresent"));
        } else if (twice) {
            set(row, BacklogRow.State.DUPLICATE, messages.get("shelter.backlog.twice"));
        } else {
            set(row, BacklogRow.State.READY, "");
        }
    }

    private void set(BacklogRow row, BacklogRow.State state, String status) {
        row.state.set(state);
        row.status.set(status);
        recount();
    }

    private void recount() {
        long typed = savedEarlier + rows.stream().filter(r -> r.state.get() != BacklogRow.State.EMPTY).count();
        counts.set(messages.get("shelter.backlog.counts", typed, count(BacklogRow.State.READY),
                savedEarlier + count(BacklogRow.State.SAVED),
                count(BacklogRow.State.BAD) + count(BacklogRow.State.DUPLICATE)));
    }

    private long count(BacklogRow.State state) {
        return rows.stream().filter(r -> r.state.get() == state).count();
    }

    /** Stores the ready rows, one transaction per household; flagged rows stay for a second look. */
    public void save() {
        Shelter at = desk.shelterProperty().get();
        if (at == null || busy.get()) {
            return;
        }
        if (desk.withdrawnProperty().get()) {
            error.set(messages.get("shelter.withdrawn.noCheckIn", at.name()));
            return;
        }
        dropSavedRows();
        Map<String, List<BacklogRow>> byHousehold = new LinkedHashMap<>();
        for (BacklogRow r : rows) {
            if (r.state.get() == BacklogRow.State.READY) {
                String h = r.household.get().strip();
                byHousehold.computeIfAbsent(h.isEmpty() ? "P-" + UUID.randomUUID() : h, k -> new ArrayList<>()).add(r);
            }
        }
        if (byHousehold.isEmpty()) {
            error.set(messages.get("shelter.backlog.nothingReady"));
            return;
        }
        Map<String, Arrival> arrivals = new LinkedHashMap<>();
        byHousehold.forEach((h, members) -> arrivals.put(h, new Arrival(h.startsWith("P-") ? "H-" + h.substring(2, 10)
                : h, Stay.SHELTER, space.get().strip(), List.of(), "", members.stream().map(this::evacuee).toList())));
        busy.set(true);
        desk.work().side(Lane.STORE_WRITER, "shelter backlog save", () -> {
            Map<String, String> failed = new HashMap<>();
            for (Map.Entry<String, Arrival> e : arrivals.entrySet()) {
                try {
                    desk.records().checkIn(at.id(), e.getValue());
                } catch (RuntimeException ex) {
                    failed.put(e.getKey(), desk.errors().describe(ex));
                }
            }
            return failed;
        }, failed -> {
            busy.set(false);
            error.set("");
            byHousehold.forEach((h, members) -> members.forEach(r -> {
                if (failed.containsKey(h)) {
                    set(r, BacklogRow.State.BAD, failed.get(h));
                } else {
                    set(r, BacklogRow.State.SAVED, messages.get("shelter.backlog.saved"));
                }
            }));
        }, failure -> {
            busy.set(false);
            error.set(failure);
        });
    }

    /** The rows the previous save stored leave the grid; the count keeps them. */
    private void dropSavedRows() {
        List<BacklogRow> saved = rows.stream().filter(r -> r.state.get() == BacklogRow.State.SAVED).toList();
        if (!saved.isEmpty()) {
            savedEarlier += saved.size();
            rows.removeAll(saved);
            if (rows.isEmpty()) {
                addRow();
            }
            recount();
        }
    }

    private Evacuee evacuee(BacklogRow r) {
        return new Evacuee(UUID.randomUUID().toString(), r.name.get().strip(), r.kana.get().strip(),
                JapaneseDateParser.parse(r.birthDate.get()).orElse(null), sex(r.sex.get()), r.address.get().strip(),
                r.phone.get().strip(), "", IdentifiedBy.PAPER, flags(r.flags.get()), "", consent(r.consent.get()));
    }

    /** 男 / 女 / M / F / 1 / 2 / その他 / N, or blank: not stated; null when not one of these. */
    static Sex sex(String typed) {
        String s = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
        return switch (s) {
            case "", "N", "9", "他", "その他", "-" -> Sex.NOT_APPLICABLE;
            case "男", "M", "1" -> Sex.MALE;
            case "女", "F", "2" -> Sex.FEMALE;
            default -> null;
        };
    }

    /** Flags separated by blanks, 、 or ・: a code or its name, a detail after ':' (アレルギー:卵); null if unknown. */
    List<CareFlag> flags(String typed) {
        return flagText.parse(typed);
    }

    /**
     * The consent items ⑫⑬⑭ typed as three characters in their order, each y (yes; also 1 or ○) or n (no; also 0, x
     * or ×): "ynn" consents to answers to family only. Blank: not asked, so nothing is consented (as in the backlog file).
     * Null when it is not three such characters.
     */
    static Consent consent(String typed) {
        String s = Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("\\s", "").toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return Consent.NONE;
        }
        if (s.length() != 3) {
            return null;
        }
        boolean[] yes = new boolean[3];
        for (int i = 0; i < 3; i++) {
            char c = s.charAt(i);
            if ("y1○".indexOf(c) >= 0) {
                yes[i] = true;
            } else if ("n0×x".indexOf(c) < 0) {
                return null;
            }
        }
        return new Consent(yes[0], yes[1], yes[2]);
    }

    private static String key(String name, LocalDate born) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s", "") + "|" + born;
    }

    public ObservableList<BacklogRow> rows() {
        return rows;
    }

    /** Typed, ready, saved, to look at again. */
    public StringProperty countsProperty() {
        return counts;
    }

    /** The shelter space the stack's households stay in. */
    public StringProperty spaceProperty() {
        return space;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public CheckInCoordinator desk() {
        return desk;
    }
}
