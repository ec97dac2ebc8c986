package dev.madoguchi.app.counter.match;

import dev.madoguchi.app.counter.HouseholdMove;
import dev.madoguchi.app.counter.MoveInOrigin;
import dev.madoguchi.app.counter.MoveOutMatching;
import dev.madoguchi.app.counter.Mover;
import dev.madoguchi.app.counter.ResidentIdentity;
import dev.madoguchi.app.counter.Visit;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.counter.match.PaperCertificateProblem.Problem;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.forms.prefill.ForeignResidentItems;
import dev.madoguchi.forms.rules.LifeEventRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
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
 * digit, no code twice, and the person at the counter among the rows; each problem in words with the item named, once:
 * in its row for a person, in the summary for the certificate's own items, which also counts the rows to fix.
 */
public final class PaperCertificateViewModel {

    private static final String TENNYU = "tennyu";

    /** One person on the certificate, as typed; the foreign-resident items count only when {@link #foreign} is on. */
    public static final class Row {
        public final StringProperty name = new SimpleStringProperty("");
        public final StringProperty nameKana = new SimpleStringProperty("");
        public final StringProperty birthDate = new SimpleStringProperty("");
        public final StringProperty sex = new SimpleStringProperty("");
        public final StringProperty relationship = new SimpleStringProperty("");
        public final StringProperty residentCode = new SimpleStringProperty("");
        /** A foreign national: the 30条の45 items below are shown, checked and carried into the forms. */
        public final BooleanProperty foreign = new SimpleBooleanProperty(false);
        public final StringProperty nationality = new SimpleStringProperty("");
        public final StringProperty residenceStatus = new SimpleStringProperty("");
        public final StringProperty periodOfStay = new SimpleStringProperty("");
        public final StringProperty stayExpiry = new SimpleStringProperty("");
        public final StringProperty residenceCardNumber = new SimpleStringProperty("");
        public final StringProperty foreignCategory = new SimpleStringProperty("");
        private final StringProperty problem = new SimpleStringProperty("");
        private final ObservableList<Problem> rowProblems = FXCollections.observableArrayList();
        private String typing;

        /** The typed items by the ids problems name them with. */
        private Map<String, StringProperty> items() {
            Map<String, StringProperty> items = new LinkedHashMap<>();
            items.put("name", name);
            items.put("nameKana", nameKana);
            items.put("birthDate", birthDate);
            items.put("sex", sex);
            items.put("relationship", relationship);
            items.put("residentCode", residentCode);
            items.put("nationality", nationality);
            items.put("residenceStatus", residenceStatus);
            items.put("periodOfStay", periodOfStay);
            items.put("stayExpiry", stayExpiry);
            items.put("residenceCardNumber", residenceCardNumber);
            items.put("foreignCategory", foreignCategory);
            return items;
        }

        boolean blank() {
            return items().values().stream().allMatch(p -> p.get() == null || p.get().isBlank());
        }

        /**
         * What is wrong with this row in words: the last check's problems, and (while marked foreign) the card number
         * as it is typed.
         */
        public ReadOnlyStringProperty problemProperty() {
            return problem;
        }

        /** The last check's problems of this row, typed. */
        public ObservableList<Problem> problems() {
            return rowProblems;
        }

        private void show() {
            List<String> words = new ArrayList<>(rowProblems.stream().map(Problem::text).toList());
            if (typing != null && foreign.get() && !words.contains(typing)) {
                words.add(typing);
            }
            problem.set(String.join("\n", words));
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
    private final ObservableList<Problem> typedProblems = FXCollections.observableArrayList();

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
        Row first = watched(new Row());
        first.name.set(who.name());
        first.nameKana.set(who.nameKana() == null ? "" : who.nameKana());
        first.birthDate.set(who.birthDate().toString());
        first.sex.set(who.sex() == Sex.MALE ? "男" : who.sex() == Sex.FEMALE ? "女" : "");
        if (who.residenceCard() != null) {
            // a residence card or 特別永住者証明書 was read: its items start row 1 (在留資格 is not on the chip)
            ForeignResidentItems card = who.residenceCard().formItems();
            first.foreign.set(true);
            first.nationality.set(orEmpty(card.nationality()));
            first.periodOfStay.set(orEmpty(card.periodOfStay()));
            first.stayExpiry.set(card.stayExpiry() == null ? "" : card.stayExpiry().toString());
            first.residenceCardNumber.set(orEmpty(card.residenceCardNumber()));
            first.foreignCategory.set(orEmpty(card.category()));
        }
        rows.add(first);
        entering.set(true);
    }

    public void addRow() {
        if (entering.get()) {
            rows.add(watched(new Row()));
        }
    }

    /**
     * The row's card number is checked as it is typed (the words name the row it is in now); a problem the last check
     * found in an item goes from the row once that item is changed.
     */
    private Row watched(Row row) {
        row.residenceCardNumber.addListener((obs, old, now) -> {
            row.typing = PaperCertificateCheck.cardNumberWhileTyped(messages, rows.indexOf(row) + 1, now);
            row.show();
        });
        row.foreign.addListener((obs, old, now) -> row.show());
        row.items().forEach((item, value) -> value.addListener((obs, old, now) -> {
            if (row.rowProblems.removeIf(p -> p.item().equals(item))) {
                row.show();
                summarize();
            }
        }));
        return row;
    }

    /** Removes a row the clerk added (the first, the person at the counter, stays). */
    public void removeRow(Row row) {
        if (entering.get() && rows.indexOf(row) > 0) {
            rows.remove(row);
            summarize();
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
        typedProblems.clear();
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
        PaperCertificateCheck check = new PaperCertificateCheck(messages, LocalDate.now(visit.service().clock()));
        check.required(0, "previousAddress", previousAddress.get());
        check.required(0, "previousHead", previousHead.get());
        LocalDate planned = check.date(0, "plannedMoveDate", plannedMoveDate.get());
        List<Mover> members = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        List<Row> typed = rows.stream().filter(r -> rows.indexOf(r) == 0 || !r.blank()).toList();
        for (int i = 0; i < typed.size(); i++) {
            Mover m = check.person(typed.get(i), rows.indexOf(typed.get(i)) + 1, codes);
            if (m != null) {
                members.add(m);
            }
        }
        ResidentIdentity who = visit.visit().identity();
        Mover atCounter = members.stream().filter(m -> m.birthDate().equals(who.birthDate())
                && sameName(who.name(), m.name())).findFirst().orElse(null);
        if (check.clean() && atCounter == null) {
            check.add(PaperCertificateProblem.NOT_AT_COUNTER, 1, "name", who.name(), who.birthDate());
        }
        show(check.problems());
        if (!check.clean()) {
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

    /**
     * Each problem once, where the clerk fixes it: a person's in their row; the summary says how many rows need
     * attention (and the first of them) and holds the problems of the certificate's own items (row 0).
     */
    private void show(List<Problem> found) {
        List<Problem> ordered = found.stream()
                .sorted(java.util.Comparator.comparingInt(Problem::row)).toList(); // the certificate's order
        typedProblems.setAll(ordered);
        for (int i = 0; i < rows.size(); i++) {
            int n = i + 1;
            Row row = rows.get(i);
            row.rowProblems.setAll(found.stream().filter(p -> p.row() == n).toList());
            row.show();
        }
        summarize();
    }

    /** The summary from the rows' problems as they are now (a fixed item leaves its row) and the header's. */
    private void summarize() {
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).rowProblems.isEmpty()) {
                wrong.add(i + 1);
            }
        }
        List<String> summary = new ArrayList<>();
        if (!wrong.isEmpty()) {
            summary.add(messages.get("counter.paper.rowsNeedAttention", wrong.size(), wrong.get(0)));
        }
        typedProblems.stream().filter(p -> p.row() == 0).map(Problem::text).forEach(summary::add);
        if (!summary.equals(problems)) {
            problems.setAll(summary);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
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

    /**
     * The summary under the certificate: how many rows need attention (their problems are in the rows,
     * {@link Row#problemProperty()}), then what is wrong with the certificate's own items; empty when nothing is.
     */
    public ObservableList<String> problems() {
        return problems;
    }

    /** Where the clerk starts fixing: the first problem in the certificate's order (header, then rows), or null. */
    public Problem firstProblem() {
        return typedProblems.isEmpty() ? null : typedProblems.get(0);
    }

    /** Every problem of the last check, typed, in the certificate's order: kind, row (0 for the header), item. */
    public ObservableList<Problem> typedProblems() {
        return typedProblems;
    }

    /** The 30条の45 categories offered for a foreign national's row. */
    public List<String> foreignCategories() {
        return PaperCertificateCheck.FOREIGN_CATEGORIES;
    }

    public Messages messages() {
        return messages;
    }
}
