package dev.madoguchi.app.counter.plan;

import dev.madoguchi.app.counter.HouseholdMove;
import dev.madoguchi.app.counter.MatchCandidate;
import dev.madoguchi.app.counter.MoveInOrigin;
import dev.madoguchi.app.counter.Mover;
import dev.madoguchi.app.counter.RegisterMatchService;
import dev.madoguchi.app.counter.RelationshipToNewHead;
import dev.madoguchi.app.counter.Visit;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.store.register.RegisterResident;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * Part of the plan step: who moves together. For a 転入, 転居 or 転出 the register's household members are offered
 * with their 続柄; the person at the counter moves and cannot be taken out; the others move only when the clerk
 * checks them (they are included by the 届出人, their data comes from the register). What the choice does to the
 * household is said in words: the whole household moves, it splits (世帯分離), or its head leaves and the members who
 * stay need a new 世帯主, which the clerk must name before the procedures are proposed. For a 転入 from a 転出証明書, and
 * for a 転居 of part of the household, the movers form a household here: its 世帯主 is the former one when they move
 * along, the only mover when one moves, or else the mover the clerk chooses (the forms' 世帯主の氏名 then take that
 * name, {@link HouseholdMove#newHouseholdHead}); the movers' 続柄 to that head are said as they will be printed, and
 * those the register does not decide are named for the clerk ({@link RelationshipToNewHead}). For a 転入 or a 転居 the
 * clerk may say instead that the movers join a household that exists here (世帯合併): its 世帯主's name and every
 * mover's 続柄 to that 世帯主 are then asked, none derived (docs/adr/0022, addendum (4)).
 */
public final class MoversViewModel {

    /** The life events that move people: the 住民異動届's variants. */
    static final Set<String> MOVE_EVENTS = Set.of("tennyu", "tenkyo", "tenshutsu");
    static final String HEAD = "世帯主";
    /** The moves whose movers may join a household that exists here (世帯合併); a 転出's is the next town's. */
    static final Set<String> JOIN_EVENTS = Set.of("tennyu", "tenkyo");

    /** One member of the household, shown as a checkbox. */
    public record Member(String code, String name, String relationship, boolean atCounter) {

        public boolean head() {
            return HEAD.equals(relationship);
        }

        @Override
        public String toString() {
            return "Member[…]";
        }
    }

    /** A mover whose 続柄 to the new 世帯主 the register does not decide: the clerk asks and types it. */
    public record Ask(String code, String name, String formerRelationship) {

        @Override
        public String toString() {
            return "Ask[…]";
        }
    }

    private final VisitCoordinator visit;
    private final Messages messages;
    private final ObservableList<Member> members = FXCollections.observableArrayList();
    private final ObservableSet<String> chosen = FXCollections.observableSet();
    private final ObservableList<Member> staying = FXCollections.observableArrayList();
    private final ObservableList<String> consequences = FXCollections.observableArrayList();
    private final StringProperty remainingHead = new SimpleStringProperty();
    private final ObservableList<Member> moving = FXCollections.observableArrayList();
    private final StringProperty newHead = new SimpleStringProperty();
    private final StringProperty newHeadLabel = new SimpleStringProperty();
    private final ObservableList<Ask> toAsk = FXCollections.observableArrayList();
    private final ObservableList<Ask> toAskView = FXCollections.unmodifiableObservableList(toAsk);
    private final BooleanProperty joinOffered = new SimpleBooleanProperty();
    private final BooleanProperty joining = new SimpleBooleanProperty();
    private final StringProperty joinHead = new SimpleStringProperty("");
    private RelationshipToNewHead.Rows rows = new RelationshipToNewHead.Rows(List.of(), List.of());
    // read-only views, made once: a wrapper made per call would drop its listeners when collected
    private final ObservableList<Member> membersView = FXCollections.unmodifiableObservableList(members);
    private final ObservableSet<String> chosenView = FXCollections.unmodifiableObservableSet(chosen);
    private final ObservableList<Member> stayingView = FXCollections.unmodifiableObservableList(staying);
    private final ObservableList<String> consequencesView = FXCollections.unmodifiableObservableList(consequences);
    private final ObservableList<Member> movingView = FXCollections.unmodifiableObservableList(moving);

    public MoversViewModel(VisitCoordinator visit) {
        this.visit = visit;
        this.messages = visit.messages();
        newHeadLabel.set(messages.get("counter.view.newHouseholdHead"));
        visit.visitProperty().addListener((obs, old, now) -> refresh());
        visit.materialProperty().addListener((obs, old, now) -> refresh());
    }

    /** The visit's movers as they start when a move is chosen: the person at the counter alone. */
    static HouseholdMove start(VisitCoordinator visit, String eventId) {
        HouseholdMove now = visit.visit().moving();
        if (eventId == null || !JOIN_EVENTS.contains(eventId)) {
            now = now.withJoining(false);
        }
        if (now.origin() != null) {
            return now; // a 転入 from a 転出証明書: the person at the counter was chosen with it
        }
        MatchCandidate confirmed = visit.material().confirmed();
        if (eventId == null || !MOVE_EVENTS.contains(eventId) || confirmed == null) {
            return now.withMovers(List.of(), null);
        }
        String code = confirmed.resident().residentCode();
        return now.movers().contains(code) ? now : now.withMovers(List.of(code), null);
    }

    private void refresh() {
        Visit v = visit.visit();
        List<Member> now = candidates(v);
        if (!now.equals(members)) {
            members.setAll(now);
        }
        Set<String> codes = Set.copyOf(v.moving().movers());
        chosen.retainAll(codes);
        chosen.addAll(codes);
        List<Member> stay = members.stream().filter(m -> !codes.contains(m.code())).toList();
        if (!stay.equals(staying)) {
            staying.setAll(stay);
        }
        remainingHead.set(v.moving().remainingHead());
        List<Member> go = members.stream().filter(m -> codes.contains(m.code())).toList();
        if (!go.equals(moving)) {
            moving.setAll(go);
        }
        Mover head = v.moving().newHouseholdHead(v.event(), visit.material().household());
        newHead.set(head == null ? null : head.residentCode());
        newHeadLabel.set(messages.get(tennyu(v) ? "counter.view.newHouseholdHead" : "counter.view.movedHouseholdHead"));
        joinOffered.set(v.event() != null && JOIN_EVENTS.contains(v.event()) && !members.isEmpty());
        joining.set(v.moving().joins());
        joinHead.set(v.moving().joins() ? v.moving().joinHead() : "");
        rows = v.moving().joins() ? RelationshipToNewHead.joined(chosenMovers(), v.moving().relationships())
                : head == null ? new RelationshipToNewHead.Rows(List.of(), List.of())
                : RelationshipToNewHead.rows(chosenMovers(), head.residentCode(), v.moving().relationships());
        List<Ask> ask = rows.toAsk().stream().map(c -> new Ask(c.mover().residentCode(), c.mover().name(),
                c.mover().relationship())).toList();
        if (!ask.equals(toAsk)) {
            toAsk.setAll(ask);
        }
        List<String> words = MoverWords.of(this, v, rows, messages);
        if (!words.equals(consequences)) {
            consequences.setAll(words);
        }
    }

    private List<Member> candidates(Visit v) {
        MoveInOrigin origin = v.moving().origin();
        if (origin != null && "tennyu".equals(v.event())) {
            String atCounter = v.moving().movers().isEmpty() ? null : v.moving().movers().get(0);
            return origin.members().stream().map(m -> new Member(m.residentCode(), m.name(), m.relationship(),
                    m.residentCode().equals(atCounter))).toList();
        }
        MatchCandidate confirmed = visit.material().confirmed();
        if (v.event() == null || !MOVE_EVENTS.contains(v.event()) || confirmed == null) {
            return List.of();
        }
        List<Member> out = new ArrayList<>();
        for (RegisterResident r : visit.material().household()) {
            out.add(new Member(r.residentCode(), RegisterMatchService.registerName(r), r.relationship(),
                    r.residentId().equals(confirmed.resident().residentId())));
        }
        return out;
    }

    static boolean tennyu(Visit v) {
        return v.moving().origin() != null;
    }

    /** The clerk checks or unchecks a member; the person at the counter always moves. */
    public void setMoving(String code, boolean moves) {
        Member member = members.stream().filter(m -> m.code().equals(code)).findFirst().orElse(null);
        if (member == null || visit.stepProperty().get() != VisitStep.LIFE_EVENT || visit.isBusy()
                || (member.atCounter() && !moves) || chosen.contains(code) == moves) {
            return;
        }
        List<String> next = new ArrayList<>();
        members.stream().filter(Member::atCounter).forEach(m -> next.add(m.code()));
        for (Member m : members) {
            boolean in = m.code().equals(code) ? moves : chosen.contains(m.code());
            if (in && !m.atCounter()) {
                next.add(m.code());
            }
        }
        String head = next.contains(remainingHead.get()) ? null : remainingHead.get();
        visit.update(visit.visit().withMoving(visit.visit().moving().withMovers(next, head)));
    }

    /** The clerk names the new 世帯主 of the members who stay. */
    public void chooseRemainingHead(String code) {
        if (visit.stepProperty().get() == VisitStep.LIFE_EVENT && !visit.isBusy()
                && staying.stream().anyMatch(m -> m.code().equals(code))
                && !Objects.equals(code, remainingHead.get())) {
            HouseholdMove now = visit.visit().moving();
            visit.update(visit.visit().withMoving(now.withMovers(now.movers(), code)));
        }
    }

    /**
     * The clerk names the 世帯主 of the household the movers form (a 転入, or a 転居 of part of the household), when the
     * former one stays behind.
     */
    public void chooseNewHead(String code) {
        if (visit.stepProperty().get() == VisitStep.LIFE_EVENT && !visit.isBusy() && needsNewHead()
                && moving.stream().anyMatch(m -> m.code().equals(code)) && !Objects.equals(code, newHead.get())) {
            visit.update(visit.visit().withMoving(visit.visit().moving().withNewHead(code)));
        }
    }

    /**
     * Two or more people form a household here (a 転入, or a 転居 of part of the household) without the former 世帯主:
     * the new household's 世帯主 must be chosen.
     */
    public boolean needsNewHead() {
        return visit.visit().moving().needsNewHead(visit.visit().event(), visit.material().household());
    }

    /**
     * The head leaves and members stay: a new 世帯主 must be named. Not for a 転入 from a 転出証明書: the members who
     * stay remain in the former municipality's register, not this one's.
     */
    public boolean needsRemainingHead() {
        return visit.visit().moving().origin() == null && !staying.isEmpty() && members.stream().anyMatch(m -> m.head() && chosen.contains(m.code()));
    }

    /**
     * Whether the choice is complete: a new 世帯主 named when one is needed, and every 続柄 to it that the register does
     * not decide typed.
     */
    public boolean complete() {
        return (!needsRemainingHead() || remainingHead.get() != null) && (!needsNewHead() || newHead.get() != null)
                && !joinHeadMissing() && rows.toAsk().stream().noneMatch(RelationshipToNewHead.Change::unknown);
    }

    private boolean joinHeadMissing() {
        return joining.get() && joinHead.get().isBlank();
    }

    /** What is missing while the choice is not {@link #complete()}, in words. */
    String missingText() {
        if (needsRemainingHead() && remainingHead.get() == null) {
            return messages.get("counter.movers.headMissing");
        }
        if (needsNewHead() && newHead.get() == null) {
            return messages.get(tennyu(visit.visit()) ? "counter.movers.newHeadMissing"
                    : "counter.movers.movedHeadMissing");
        }
        if (joinHeadMissing()) {
            return messages.get("counter.movers.joinHeadMissing");
        }
        String names = String.join("、", rows.toAsk().stream().filter(RelationshipToNewHead.Change::unknown)
                .map(c -> c.mover().name()).toList());
        return joining.get() ? messages.get("counter.movers.joinRelationshipMissing", joinHead.get(), names)
                : messages.get("counter.movers.relationshipMissing", names);
    }

    /** The clerk types a mover's 続柄 to the new 世帯主 (one the register does not decide); blank takes it back. */
    public void setRelationship(String code, String relationship) {
        HouseholdMove now = visit.visit().moving();
        String text = relationship == null ? "" : relationship.strip();
        if (visit.stepProperty().get() == VisitStep.LIFE_EVENT && !visit.isBusy()
                && toAsk.stream().anyMatch(a -> a.code().equals(code))
                && !text.equals(now.relationships().getOrDefault(code, ""))) {
            visit.update(visit.visit().withMoving(now.withRelationship(code, text)));
        }
    }

    /**
     * The clerk says the movers join a household that exists here (世帯合併): no head is chosen among them, its 世帯主's
     * name and every mover's 続柄 to that 世帯主 are asked instead. Switching drops the 続柄 typed so far.
     */
    public void setJoining(boolean joins) {
        if (visit.stepProperty().get() == VisitStep.LIFE_EVENT && !visit.isBusy() && joinOffered.get()
                && joins != joining.get()) {
            visit.update(visit.visit().withMoving(visit.visit().moving().withJoining(joins)));
        }
    }

    /** The name of the 世帯主 of the household the movers join, as the resident says it (blank: not yet). */
    public void setJoinHead(String name) {
        String text = name == null ? "" : name.strip();
        if (visit.stepProperty().get() == VisitStep.LIFE_EVENT && !visit.isBusy() && joining.get()
                && !text.equals(joinHead.get())) {
            visit.update(visit.visit().withMoving(visit.visit().moving().withJoinHead(text)));
        }
    }

    /** The label of the field for a mover's 続柄: to the new 世帯主 among the movers, or to the joined household's. */
    public String askLabel(Ask ask) {
        return MoverWords.askLabel(ask, joining.get() ? joinHead.get() : null, messages);
    }

    /** Whether the movers may join a household here: a 転入 or a 転居 with movers to ask about. */
    public ReadOnlyBooleanProperty joinOfferedProperty() {
        return joinOffered;
    }

    /** Whether the clerk said the movers join a household that exists here (世帯合併). */
    public ReadOnlyBooleanProperty joiningProperty() {
        return joining;
    }

    /** The name of the joined household's 世帯主 as typed ("" when not joining or not typed yet). */
    public ReadOnlyStringProperty joinHeadProperty() {
        return joinHead;
    }

    /** The 続柄 the clerk typed for this mover, or empty. */
    public String typedRelationship(String code) {
        return visit.visit().moving().relationships().getOrDefault(code, "");
    }

    /** The movers whose 続柄 to the new 世帯主 the clerk must ask and type (the register does not decide it). */
    public ObservableList<Ask> toAsk() {
        return toAskView;
    }

    /**
     * 住民票コード of the 世帯主 of the household the movers form here (a 転入 or a 転居), or null (a 転出, or not
     * chosen yet).
     */
    public String newHeadCode() {
        return newHead.get();
    }

    /** The chosen movers' data for the forms, the person at the counter first. */
    public List<Mover> chosenMovers() {
        HouseholdMove moving = visit.visit().moving();
        if (moving.origin() != null) {
            return moving.moversFromOrigin();
        }
        return visit.visit().moving().moversFrom(visit.material().household());
    }

    /** The name of the new 世帯主 of the members who stay, or null when none was named. */
    String remainingHeadName() {
        String code = remainingHead.get();
        return code == null ? null : members.stream().filter(m -> m.code().equals(code)).map(Member::name)
                .findFirst().orElse(null);
    }

    /** Where the movers' rows come from, as the forms name a source. */
    String moversSource() {
        MoveInOrigin origin = visit.visit().moving().origin();
        return origin != null ? origin.source() : "register.household";
    }

    public ObservableList<Member> members() {
        return membersView;
    }

    /** 住民票コード of the members who move. */
    public ObservableSet<String> chosen() {
        return chosenView;
    }

    /** The members who stay (those the new 世帯主 is chosen from). */
    public ObservableList<Member> staying() {
        return stayingView;
    }

    /** What the choice does to the household, in words. */
    public ObservableList<String> consequences() {
        return consequencesView;
    }

    public ReadOnlyStringProperty remainingHeadProperty() {
        return remainingHead;
    }

    /** The members who move (those the new household's 世帯主 of a 転入 is chosen from). */
    public ObservableList<Member> moving() {
        return movingView;
    }

    /**
     * 住民票コード of the 世帯主 of the household the movers form (a 転入 or a 転居): the former head, the only mover, or
     * the clerk's choice.
     */
    public ReadOnlyStringProperty newHeadProperty() {
        return newHead;
    }

    /** The words over the choice of that 世帯主 (転入後の… or 転居後の…). */
    public ReadOnlyStringProperty newHeadLabelProperty() {
        return newHeadLabel;
    }
}
