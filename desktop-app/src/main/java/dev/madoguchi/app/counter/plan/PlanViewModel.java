package dev.madoguchi.app.counter.plan;

import dev.madoguchi.app.counter.InterviewItem;
import dev.madoguchi.app.counter.Mover;
import dev.madoguchi.app.counter.Visit;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitService;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.forms.definition.LocalizedText;
import dev.madoguchi.forms.rules.LifeEventPlan;
import dev.madoguchi.forms.rules.LifeEventRules;
import dev.madoguchi.forms.rules.ProposedProcedure;
import dev.madoguchi.store.register.RegisterResident;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The plan step: the life event and its questions (each starts as "unknown", which keeps a procedure in, to be safe)
 * → the proposed procedures with reasons and documents, any of which the clerk may set aside with a reason (audited;
 * its forms are neither filled nor printed) → the interview values the forms need → the forms ({@code background}).
 */
public final class PlanViewModel {

    /** Why a procedure is set aside: fixed reasons, so that the audit row holds no free text about a person. */
    public enum SetAsideReason {
        /** It does not apply to this resident. */
        NOT_APPLICABLE,
        /** The resident does it another day. */
        LATER,
        /** Done at another counter. */
        ELSEWHERE
    }

    private static final String TENNYU = "tennyu";
    private static final String TENKYO = "tenkyo";
    /** The interview's 世帯主の氏名: asked in the plan step instead when the movers join a household. */
    private static final String HOUSEHOLD_HEAD = "householdHead";

    private final VisitCoordinator visit;
    private final VisitService visits;
    private final Messages messages;
    private final MoversViewModel movers;
    private final TennyuStop stop;

    private final ObservableList<LifeEventRules.Event> events = FXCollections.observableArrayList();
    private final StringProperty event = new SimpleStringProperty();
    private final ObservableList<LifeEventRules.Question> questions = FXCollections.observableArrayList();
    private final ObservableMap<String, String> answers = FXCollections.observableMap(new LinkedHashMap<>());
    private final ObservableList<InterviewItem> interviewItems = FXCollections.observableArrayList();
    private final ObservableMap<String, String> interview = FXCollections.observableMap(new LinkedHashMap<>());
    private final ObservableMap<String, String> setAside = FXCollections.observableMap(new LinkedHashMap<>());
    private final ObservableList<LifeEventRules.Event> eventsView = FXCollections.unmodifiableObservableList(events);
    private final ObservableList<LifeEventRules.Question> questionsView = FXCollections.unmodifiableObservableList(questions);
    private final ObservableMap<String, String> answersView = FXCollections.unmodifiableObservableMap(answers);
    private final ObservableList<InterviewItem> interviewItemsView = FXCollections.unmodifiableObservableList(interviewItems);
    private final ObservableMap<String, String> interviewView = FXCollections.unmodifiableObservableMap(interview);
    private final ObservableMap<String, String> setAsideView = FXCollections.unmodifiableObservableMap(setAside);

    public PlanViewModel(VisitCoordinator visit) {
        this.visit = visit;
        this.visits = visit.service();
        this.messages = visit.messages();
        this.movers = new MoversViewModel(visit);
        events.setAll(visits.events());
        this.stop = new TennyuStop(visit);
        visit.visitProperty().addListener((obs, old, now) -> show(old, now));
        visit.materialProperty().addListener((obs, old, now) -> showInterviewItems());
        setAside.addListener((MapChangeListener<String, String>) c -> showInterviewItems());
    }

    /**
     * The interview asks only for what the forms of the procedures not set aside take; not for the 世帯主の氏名 when
     * the movers join a household here (世帯合併): the plan step asked it, with each mover's 続柄 to that 世帯主.
     */
    private void showInterviewItems() {
        LifeEventPlan plan = visit.material().plan();
        List<InterviewItem> items = plan == null || setAside.isEmpty() ? visit.material().interviewItems()
                : visits.interviewItems(VisitService.without(plan, setAside.keySet()));
        if (visit.visit().moving().joins()) {
            items = items.stream().filter(i -> !i.key().equals(HOUSEHOLD_HEAD)).toList();
        }
        if (!items.equals(interviewItems)) {
            interviewItems.setAll(items);
        }
    }

    /** Mirrors the visit's event, answers and interview values into the lists and maps the view binds to. */
    private void show(Visit old, Visit now) {
        mirror(answers, now.answers());
        mirror(interview, now.interview());
        mirror(setAside, now.setAside());
        if (old.moving().joins() != now.moving().joins()) {
            showInterviewItems();
        }
        if (!Objects.equals(old.event(), now.event())) {
            questions.setAll(now.event() == null ? List.of() : visits.questions(now.event()));
            event.set(now.event());
        }
    }

    private static void mirror(ObservableMap<String, String> shown, Map<String, String> now) {
        shown.keySet().retainAll(now.keySet());
        now.forEach((k, v) -> {
            if (!v.equals(shown.get(k))) {
                shown.put(k, v);
            }
        });
    }

    private VisitStep step() {
        return visit.stepProperty().get();
    }

    /**
     * Chooses the life event; its questions start as "unknown" (which keeps a procedure in, to be safe). A 転入 of a
     * person the clerk confirmed in this municipality's register is stopped: they live here, so it is a 転居
     * ({@link #switchToTenkyo}); the register's current address would otherwise print as 従前の住所.
     */
    public void chooseEvent(String eventId) {
        if (step() != VisitStep.LIFE_EVENT || visit.isBusy()) {
            return;
        }
        if (TENNYU.equals(eventId) && stop.stops()) {
            return;
        }
        stop.hide();
        Map<String, String> unknown = new LinkedHashMap<>();
        visits.questions(eventId).forEach(q -> unknown.put(q.id(), LifeEventRules.UNKNOWN));
        Visit chosen = visit.visit().withEvent(eventId, unknown);
        visit.update(chosen.withMoving(MoversViewModel.start(visit, eventId)));
    }

    /** The one key after the 転入 stop: the resident moves within the city. */
    public void switchToTenkyo() {
        if (step() == VisitStep.LIFE_EVENT) {
            stop.toTenkyo(() -> chooseEvent(TENKYO));
        }
    }

    /** After a stop on an unconfirmed register entry: the clerk says it is another person, and 転入 goes on. */
    public void continueTennyu() {
        if (step() == VisitStep.LIFE_EVENT && stop.pass()) {
            chooseEvent(TENNYU);
        }
    }

    /** @param answer yes, no or unknown */
    public void answer(String questionId, String answer) {
        if (step() == VisitStep.LIFE_EVENT && answers.containsKey(questionId) && answer != null
                && !answer.equals(answers.get(questionId))) {
            visit.update(visit.visit().withAnswer(questionId, answer));
        }
    }

    public void proposeProcedures() {
        if (step() != VisitStep.LIFE_EVENT || visit.isBusy()) {
            return;
        }
        if (event.get() == null) {
            visit.setError(messages.get("counter.event.missing"));
            return;
        }
        if (!movers.complete()) {
            visit.setError(movers.missingText());
            return;
        }
        String eventId = event.get();
        Map<String, String> given = Map.copyOf(answers);
        visit.work().run(Lane.BACKGROUND, "counter plan", () -> {
            LifeEventPlan p = visits.plan(eventId, given);
            return Map.entry(p, visits.interviewItems(p));
        }, result -> {
            Map<String, String> values = new LinkedHashMap<>(visit.visit().interview());
            childFromHousehold(values, result.getValue());
            result.getValue().forEach(item -> values.putIfAbsent(item.key(), ""));
            if (visit.visit().moving().joins() && values.containsKey(HOUSEHOLD_HEAD)) {
                values.put(HOUSEHOLD_HEAD, ""); // typed before: the plan step's name is the one to print
            }
            Map<String, String> kept = new LinkedHashMap<>(visit.visit().setAside());
            kept.keySet().retainAll(result.getKey().procedures().stream().map(ProposedProcedure::id).toList());
            visit.advance(visit.visit().withInterview(values).withSetAside(kept).withStep(VisitStep.PROCEDURES),
                    visit.material().withPlan(result.getKey(), result.getValue()));
        });
    }

    /**
     * When the register's household has exactly one child (続柄 子) and the interview asks for a child not typed yet,
     * the child's name, furigana and birth date start from the register (the clerk checks and corrects them).
     */
    private void childFromHousehold(Map<String, String> values, List<InterviewItem> items) {
        List<RegisterResident> children = visit.material().household().stream()
                .filter(m -> "子".equals(m.relationship())).toList();
        if (children.size() != 1 || items.stream().noneMatch(i -> i.key().equals("childName"))
                || !values.getOrDefault("childName", "").isBlank()) {
            return;
        }
        RegisterResident child = children.get(0);
        values.put("childName", dev.madoguchi.app.counter.RegisterMatchService.registerName(child));
        values.put("childNameKana", child.familyNameKana() + "\u3000" + child.givenNameKana());
        values.put("childBirthDate", child.birthDate().toString());
    }

    public void backToLifeEvent() {
        if (step() == VisitStep.PROCEDURES && !visit.isBusy()) {
            visit.goTo(VisitStep.LIFE_EVENT);
        }
    }

    public void setInterviewValue(String key, String value) {
        String text = value == null ? "" : value;
        if (step() == VisitStep.PROCEDURES && !text.equals(interview.get(key))) {
            visit.update(visit.visit().withInterviewValue(key, text));
        }
    }

    /**
     * The clerk sets a proposed procedure aside (it does not apply, or is done elsewhere): its forms are neither
     * filled, required nor printed. Audited ({@code store-writer}): the procedure and the reason, nothing else.
     */
    public void setAside(String procedureId, SetAsideReason reason) {
        if (step() != VisitStep.PROCEDURES || visit.isBusy() || reason == null
                || visit.procedures().stream().noneMatch(p -> p.id().equals(procedureId))) {
            return;
        }
        Map<String, String> next = new LinkedHashMap<>(visit.visit().setAside());
        next.put(procedureId, reason.name());
        visit.update(visit.visit().withSetAside(next));
        String subject = visit.visit().confirmedResidentId();
        visit.work().background(Lane.STORE_WRITER, "counter set aside", () -> {
            visits.recordSetAside(subject, procedureId, reason.name());
            return Boolean.TRUE;
        }, done -> visit.saveDraft());
    }

    /** The clerk takes a set-aside procedure back into the visit. */
    public void takeBack(String procedureId) {
        if (step() == VisitStep.PROCEDURES && !visit.isBusy() && setAside.containsKey(procedureId)) {
            Map<String, String> next = new LinkedHashMap<>(visit.visit().setAside());
            next.remove(procedureId);
            visit.update(visit.visit().withSetAside(next));
            visit.saveDraft();
        }
    }

    /** Fills the forms of the procedures not set aside ({@code background}). */
    public void prepareForms() {
        if (step() != VisitStep.PROCEDURES || visit.isBusy()) {
            return;
        }
        Visit now = visit.visit();
        LifeEventPlan p = VisitService.without(visit.material().plan(), now.setAside().keySet());
        RegisterResident resident = visit.material().confirmed() == null ? null
                : visit.material().confirmed().resident();
        List<RegisterResident> members = visit.material().household();
        Map<String, String> values = new LinkedHashMap<>(now.interview());
        if (now.moving().joins()) {
            values.remove(HOUSEHOLD_HEAD); // not asked in the interview: the plan step's name is printed
        }
        List<Mover> moving = movers.chosenMovers();
        String source = movers.moversSource();
        String remainingHead = movers.remainingHeadName();
        String newHead = movers.newHeadCode();
        Map<String, String> typed = now.moving().relationships();
        String joinHead = now.moving().joinHead();
        visit.work().run(Lane.BACKGROUND, "counter prefill",
                () -> visits.prepareForms(p, now.identity(), resident, members, values, moving, source, remainingHead,
                        newHead, typed, joinHead),
                filled -> {
                    visit.setMessage(filled.isEmpty() ? messages.get("counter.forms.none") : "");
                    visit.advance(visit.visit().withStep(VisitStep.FORMS), visit.material().withForms(filled));
                });
    }

    public ObservableList<LifeEventRules.Event> events() {
        return eventsView;
    }

    /** Who moves together (for a 転入, 転居 or 転出). */
    public MoversViewModel movers() {
        return movers;
    }

    /** 転入 was chosen for a person registered here: the stop that offers 転居 is shown. */
    public ReadOnlyBooleanProperty registeredHereProperty() {
        return stop.shownProperty();
    }

    /** The stop's words: the confirmed entry, or the unconfirmed one(s) the card or typed data agrees with. */
    public ReadOnlyStringProperty registeredTextProperty() {
        return stop.textProperty();
    }

    /** Whether the stop may be passed as "another person" (nothing was confirmed). */
    public ReadOnlyBooleanProperty registeredPassableProperty() {
        return stop.passableProperty();
    }

    public ReadOnlyStringProperty eventProperty() {
        return event;
    }

    public ObservableList<LifeEventRules.Question> questions() {
        return questionsView;
    }

    public ObservableMap<String, String> answers() {
        return answersView;
    }

    public ObservableList<ProposedProcedure> procedures() {
        return visit.procedures();
    }

    public ObservableList<InterviewItem> interviewItems() {
        return interviewItemsView;
    }

    public ObservableMap<String, String> interview() {
        return interviewView;
    }

    /** Procedure id → the reason ({@link SetAsideReason} name) it was set aside for. */
    public ObservableMap<String, String> setAside() {
        return setAsideView;
    }

    public String text(LocalizedText text) {
        return text == null ? "" : text.in(messages.locale());
    }

    public String answerText(String answer) {
        return messages.get("counter.answer." + answer);
    }

    public String reasonText(SetAsideReason reason) {
        return messages.get(Messages.keyFor("counter.setAside.", reason));
    }

    public VisitCoordinator visit() {
        return visit;
    }
}
