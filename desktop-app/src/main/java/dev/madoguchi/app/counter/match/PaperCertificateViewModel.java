package dev.madoguchi.app.counter.match;

import dev.madoguchi.app.counter.HouseholdMove;
import dev.madoguchi.app.counter.MoveInOrigin;
import dev.madoguchi.app.counter.MoveOutMatching;
import dev.madoguchi.app.counter.Mover;
import dev.madoguchi.app.counter.ResidentIdentity;
import dev.madoguchi.app.counter.Visit;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.forms.rules.LifeEventRules;
import dev.madoguchi.forms.validation.ResidentCode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Part of the match step: a resident brings the paper 転出証明書 of their old municipality and no electronic record
 * came. The clerk types the certificate's items as it lays them out — 転出元, 従前の住所, 世帯主, 転出予定日, then one
 * row per person who moves (氏名, フリガナ, 生年月日, 性別, 続柄, 住民票コード; the person at the counter starts in the
 * first row from the card or the typed identity) — and the result fills the same movers and household as a pulled
 * record would ({@link MoveInOrigin} with {@code typed}), so the forms name "typed from a paper certificate" as the
 * rows' source. Checked before it is taken: required items, dates, katakana, the 住民票コード's 11 digits and check
 * digit, no code twice, and the person at the counter among the rows; each problem in words with the item named.
 */
public final class PaperCertificateViewModel {

    private static final String TENNYU = "tennyu";

    /** One person on the certificate, as typed. */
    public static final class Row {
        public final StringProperty name = new SimpleStringProperty("");
        public final StringProperty nameKana = new SimpleStringProperty("");
        public final StringProperty birthDate = new SimpleStringProperty("");
        public final StringProperty sex = new SimpleStringProperty("");
        public final StringProperty relationship = new SimpleStringProperty("");
        public final StringProperty residentCode = new SimpleStringProperty("");

        boolean blank() {
            return List.of(name, nameKana, birthDate, sex, relationship, residentCode).stream()
                    .allMatch(p -> p.get().isBlank());
        }
    }

    private final VisitCoordinator visit;
    private final Messages messages;
    private final BooleanProperty entering = new SimpleBooleanProperty(false);
    private final StringProperty fromMunicipality = new SimpleStringProperty("");
    private final StringProperty previousAddress = new SimpleStringProperty("");
    private final StringProperty previousHead = new SimpleStringProperty("");
    private final StringProperty plannedMoveDate = new SimpleStringProperty("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();

    public PaperCertificateViewModel(VisitCoordinator visit) {
        this.visit = visit;
        this.messages = visit.messages();
        visit.whenEnded(this::clear);
        visit.holdsPersonalDataToo(() -> entering.get() || !rows.isEmpty() || !previousAddress.get().isEmpty());
        visit.stepProperty().addListener((obs, old, now) -> {
            if (now != VisitStep.CANDIDATES) {
                entering.set(false);
            }
        });
    }

    /** The clerk starts typing the paper certificate (match step only); the person at the counter is row 1. */
    public void start() {
        if (visit.stepProperty().get() != VisitStep.CANDIDATES || visit.isBusy() || entering.get()) {
            return;
        }
        clear();
        ResidentIdentity who = visit.visit().identity();
        Row first = new Row();
        first.name.set(who.name());
        first.nameKana.set(who.nameKana() == null ? "" : who.nameKana());
        first.birthDate.set(who.birthDate().toString());
        first.sex.set(who.sex() == Sex.MALE ? "男" : who.sex() == Sex.FEMALE ? "女" : "");
        rows.add(first);
        entering.set(true);
    }

    public void addRow() {
        if (entering.get()) {
            rows.add(new Row());
        }
    }

    /** Removes a row the clerk added (the first, the person at the counter, stays). */
    public void removeRow(Row row) {
        if (entering.get() && rows.indexOf(row) > 0) {
            rows.remove(row);
        }
    }

    public void cancel() {
        clear();
    }

    private void clear() {
        entering.set(false);
        fromMunicipality.set("");
        previousAddress.set("");
        previousHead.set("");
        plannedMoveDate.set("");
        rows.clear();
        problems.clear();
    }

    /**
     * Checks what was typed and, when nothing is wrong, makes the visit a 転入 from it: 従前の住所 from the
     * certificate, its people to choose the movers from, the person at the counter moving.
     *
     * @return whether the certificate was taken
     */
    public boolean submit() {
        if (!entering.get() || visit.isBusy() || visit.stepProperty().get() != VisitStep.CANDIDATES) {
            return false;
        }
        List<String> found = new ArrayList<>();
        required(found, previousAddress.get(), messages.get("counter.paper.previousAddress"));
        required(found, previousHead.get(), messages.get("counter.paper.previousHead"));
        LocalDate planned = date(found, plannedMoveDate.get(), messages.get("counter.paper.plannedMoveDate"));
        List<Mover> members = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        List<Row> typed = rows.stream().filter(r -> rows.indexOf(r) == 0 || !r.blank()).toList();
        for (int i = 0; i < typed.size(); i++) {
            Mover m = row(found, typed.get(i), i + 1, codes);
            if (m != null) {
                members.add(m);
            }
        }
        ResidentIdentity who = visit.visit().identity();
        Mover atCounter = members.stream().filter(m -> m.birthDate().equals(who.birthDate())
                && sameName(who.name(), m.name())).findFirst().orElse(null);
        if (found.isEmpty() && atCounter == null) {
            found.add(messages.get("counter.paper.notAtCounter", who.name(), who.birthDate()));
        }
        problems.setAll(found);
        if (!found.isEmpty()) {
            return false;
        }
        MoveInOrigin origin = new MoveInOrigin(null, true, blankToNull(fromMunicipality.get()),
                previousAddress.get().strip(), previousHead.get().strip(), planned, members);
        Map<String, String> unknown = new LinkedHashMap<>();
        visit.service().questions(TENNYU).forEach(q -> unknown.put(q.id(), LifeEventRules.UNKNOWN));
        Visit next = visit.visit().withConfirmed(null).withEvent(TENNYU, unknown)
                .withInterviewValue("previousAddress", origin.previousAddress())
                .withMoving(new HouseholdMove(List.of(atCounter.residentCode()), null, origin));
        entering.set(false);
        visit.advance(next.withStep(VisitStep.LIFE_EVENT), visit.material().withConfirmed(null, List.of()));
        clear();
        return true;
    }

    private Mover row(List<String> found, Row r, int n, Set<String> codes) {
        int before = found.size();
        String name = r.name.get().strip();
        String kana = r.nameKana.get().strip();
        required(found, name, messages.get("counter.paper.row", n, messages.get("counter.paper.name")));
        required(found, kana, messages.get("counter.paper.row", n, messages.get("counter.paper.nameKana")));
        if (!kana.isEmpty() && !kana.matches("[\\p{IsKatakana}ー\u3000 ・]+")) {
            found.add(messages.get("counter.paper.kana", messages.get("counter.paper.row", n,
                    messages.get("counter.paper.nameKana"))));
        }
        LocalDate born = date(found, r.birthDate.get(), messages.get("counter.paper.row", n,
                messages.get("counter.paper.birthDate")));
        String sexText = r.sex.get().strip();
        Sex sex = switch (sexText) {
            case "男" -> Sex.MALE;
            case "女" -> Sex.FEMALE;
            default -> null;
        };
        if (sex == null) {
            found.add(messages.get("counter.paper.sex", messages.get("counter.paper.row", n,
                    messages.get("counter.paper.sexLabel"))));
        }
        String relationship = r.relationship.get().strip();
        required(found, relationship, messages.get("counter.paper.row", n, messages.get("counter.paper.relationship")));
        String code = r.residentCode.get().strip();
        String codeLabel = messages.get("counter.paper.row", n, messages.get("counter.paper.residentCode"));
        if (!ResidentCode.isWellFormed(code)) {
            found.add(messages.get("counter.paper.residentCodeDigits", codeLabel));
        } else if (!ResidentCode.checkDigitValid(code)) {
            found.add(messages.get("counter.paper.checkDigit", codeLabel));
        } else if (!codes.add(code)) {
            found.add(messages.get("counter.paper.twice", codeLabel));
        }
        return found.size() > before ? null
                : new Mover(code, name, kana, born, sex, relationship, null, null, null, null, null);
    }

    private void required(List<String> found, String text, String label) {
        if (text == null || text.isBlank()) {
            found.add(messages.get("counter.paper.required", label));
        }
    }

    private LocalDate date(List<String> found, String text, String label) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            found.add(messages.get("counter.paper.required", label));
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(t);
            if (d.isAfter(LocalDate.now(visit.service().clock()).plusYears(1)) || d.getYear() < 1868) {
                found.add(messages.get("counter.paper.date", label));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            found.add(messages.get("counter.paper.date", label));
            return null;
        }
    }

    private static boolean sameName(String a, String b) {
        return MoveOutMatching.sameNames(a, b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public ReadOnlyBooleanProperty enteringProperty() {
        return entering;
    }

    public StringProperty fromMunicipalityProperty() {
        return fromMunicipality;
    }

    public StringProperty previousAddressProperty() {
        return previousAddress;
    }

    public StringProperty previousHeadProperty() {
        return previousHead;
    }

    public StringProperty plannedMoveDateProperty() {
        return plannedMoveDate;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** What is wrong with what was typed, each item named; empty when nothing is. */
    public ObservableList<String> problems() {
        return problems;
    }

    public Messages messages() {
        return messages;
    }
}
