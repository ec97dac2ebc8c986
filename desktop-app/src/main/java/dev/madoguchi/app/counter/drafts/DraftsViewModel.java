package dev.madoguchi.app.counter.drafts;

import dev.madoguchi.app.counter.InterviewItem;
import dev.madoguchi.app.counter.MatchCandidate;
import dev.madoguchi.app.counter.RegisterMatch;
import dev.madoguchi.app.counter.Visit;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitForm;
import dev.madoguchi.app.counter.VisitMaterial;
import dev.madoguchi.app.counter.VisitService;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.forms.rules.LifeEventPlan;
import dev.madoguchi.forms.rules.LifeEventRules;
import dev.madoguchi.store.drafts.VisitDraft;
import dev.madoguchi.store.register.RegisterResident;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The drafts step (docs/adr/0014): after a sign-in the clerk's own interrupted visits are offered, newest first, each
 * resumed (再開) or discarded (破棄, audited); after an unlock or a language switch the dropped visit goes on at once.
 * A resumed visit is the draft's {@link Visit}; its register match and household are read again (audited) and its
 * plan and forms made again, the clerk's corrections applied in order.
 */
public final class DraftsViewModel {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm")
            .withZone(ZoneId.systemDefault());

    private final VisitCoordinator visit;
    private final VisitService visits;
    private final Messages messages;
    private final ObservableList<VisitDraft> offered = FXCollections.observableArrayList();
    private final ObservableList<VisitDraft> offeredView = FXCollections.unmodifiableObservableList(offered);
    private final StringProperty draftText = new SimpleStringProperty("");

    public DraftsViewModel(VisitCoordinator visit) {
        this.visit = visit;
        this.visits = visit.service();
        this.messages = visit.messages();
        visit.stepProperty().addListener((obs, old, now) -> {
            if (now != VisitStep.WAITING_FOR_CARD) {
                clearOffer(); // a new visit began: the drafts are offered again at the next sign-in
            }
        });
        visit.whenEnded(this::clearOffer);
    }

    private void clearOffer() {
        offered.clear();
        draftText.set("");
    }

    private boolean waiting() {
        return visit.stepProperty().get() == VisitStep.WAITING_FOR_CARD;
    }

    /** Offers the signed-in clerk's drafts (after a sign-in); another clerk's drafts are never offered. */
    public void offerDrafts() {
        lookForDrafts(null);
    }

    /**
     * After an unlock or a language switch: the visit that was dropped goes on where it was. When no visit was running
     * then ({@code null}), or its draft is gone, the clerk's other drafts are offered as after a sign-in — an older
     * interrupted visit is never resumed without the clerk choosing it.
     */
    public void resumeDropped(UUID dropped) {
        lookForDrafts(dropped);
    }

    private void lookForDrafts(UUID resume) {
        if (!waiting() || visit.isBusy()) {
            return;
        }
        visit.work().background(Lane.STORE_WRITER, "counter look for drafts", visits::myDrafts, found -> {
            if (!waiting() || found.isEmpty()) {
                return;
            }
            Optional<VisitDraft> dropped = resume == null ? Optional.empty()
                    : found.stream().filter(d -> d.draftId().equals(resume)).findFirst();
            if (dropped.isPresent()) {
                resume(dropped.get());
            } else {
                offered.setAll(found);
                draftText.set(offerHeadline());
            }
        });
    }

    private String offerHeadline() {
        return offered.isEmpty() ? "" : offered.size() == 1
                ? messages.get("counter.draft.offer", draftText(offered.get(0)))
                : messages.get("counter.draft.offerMany", offered.size());
    }

    /** One offered draft in words: its step and when it was last saved (HH:MM). */
    public String draftText(VisitDraft draft) {
        VisitStep at;
        try {
            at = VisitStep.valueOf(draft.step());
        } catch (IllegalArgumentException e) {
            return messages.get("counter.draft.item", draft.step(), HH_MM.format(draft.savedAt()));
        }
        return messages.get("counter.draft.item", visit.stepText(at), HH_MM.format(draft.savedAt()));
    }

    /** 再開 of the newest offered draft. */
    public void resumeDraft() {
        if (!offered.isEmpty()) {
            resumeDraft(offered.get(0));
        }
    }

    /** 再開: the offered draft's visit goes on at its step with its values. */
    public void resumeDraft(VisitDraft draft) {
        if (draft != null && offered.contains(draft) && !visit.isBusy() && waiting()) {
            resume(draft);
        }
    }

    /** 破棄 of the newest offered draft. */
    public void discardOfferedDraft() {
        if (!offered.isEmpty()) {
            discardOfferedDraft(offered.get(0));
        }
    }

    /** 破棄: the offered draft is deleted (audited); the others stay offered; the counter waits for the next card. */
    public void discardOfferedDraft(VisitDraft draft) {
        if (draft != null && offered.contains(draft) && !visit.isBusy()) {
            offered.remove(draft);
            draftText.set(offerHeadline());
            visit.work().background(Lane.STORE_WRITER, "counter discard draft", () -> {
                visits.discardDraft(draft);
                return Boolean.TRUE;
            }, done -> {
                if (visit.stepProperty().get() == VisitStep.WAITING_FOR_CARD) {
                    visit.setMessage(messages.get("counter.draft.discarded"));
                }
            });
        }
    }

    private record Resumed(Visit visit, RegisterMatch match, MatchCandidate chosen, List<RegisterResident> household) {}

    private record Made(LifeEventPlan plan, List<InterviewItem> items, List<VisitForm> forms) {}

    /** Reads the register again (audited), then makes the plan and forms again from the same inputs. */
    private void resume(VisitDraft draft) {
        clearOffer();
        visit.work().run(Lane.STORE_WRITER, "counter resume: register", () -> {
            Visit saved = visits.openDraft(draft);
            RegisterMatch match = visits.match(saved.identity());
            MatchCandidate chosen = saved.confirmedResidentId() == null ? null : match.candidates().stream()
                    .filter(c -> c.resident().residentId().equals(saved.confirmedResidentId())).findFirst()
                    .orElse(null);
            List<RegisterResident> members = chosen == null ? List.of() : visits.household(chosen.resident());
            return new Resumed(saved, match, chosen, members);
        }, this::restore);
    }

    private void restore(Resumed resumed) {
        Visit saved = resumed.visit();
        VisitStep target = saved.resumeStep();
        // a step that was running when the visit was interrupted is not kept: its start is another run's clock
        Visit base = saved.withTimings(saved.startedAt(), saved.timings().stream().filter(t -> !t.running())
                .toList()).withPrints(saved.prints(), saved.printedForms(),
                        !saved.prints().isEmpty() && target != VisitStep.PRINTED);
        visit.setMessage(messages.get("counter.draft.resumed"));
        VisitMaterial found = VisitMaterial.NONE.withMatch(resumed.match());
        boolean lostEntry = saved.confirmedResidentId() != null && resumed.chosen() == null;
        if (target == VisitStep.CANDIDATES || lostEntry) {
            visit.advance(base.withStep(VisitStep.CANDIDATES), found);
            return;
        }
        VisitMaterial confirmed = found.withConfirmed(resumed.chosen(), resumed.household());
        Map<String, String> answers = new LinkedHashMap<>();
        if (saved.event() != null) {
            visits.questions(saved.event()).forEach(q -> answers.put(q.id(),
                    saved.answers().getOrDefault(q.id(), LifeEventRules.UNKNOWN)));
        }
        Visit withAnswers = base.withEvent(saved.event(), answers);
        if (target == VisitStep.LIFE_EVENT || saved.event() == null) {
            visit.advance(withAnswers.withStep(VisitStep.LIFE_EVENT), confirmed);
            return;
        }
        RegisterResident resident = resumed.chosen() == null ? null : resumed.chosen().resident();
        visit.work().run(Lane.BACKGROUND, "counter resume: forms", () -> {
            LifeEventPlan p = visits.plan(saved.event(), answers);
            List<InterviewItem> items = visits.interviewItems(p);
            List<VisitForm> filled = List.of();
            if (target == VisitStep.FORMS || target == VisitStep.PRINTED) {
                List<VisitForm> made = new ArrayList<>(visits.prepareForms(
                        VisitService.without(p, saved.setAside().keySet()), saved.identity(), resident,
                        resumed.household(), saved.interview(), saved.moving().origin() != null
                                ? saved.moving().moversFromOrigin() : saved.moving().moversFrom(resumed.household()),
                        saved.moving().origin() != null ? saved.moving().origin().source() : "register.household",
                        remainingHeadName(saved, resumed.household()), newHeadCode(saved, resumed.household()),
                        saved.moving().relationships(), saved.moving().joinHead()));
                for (Visit.FieldEdit e : saved.edits()) {
                    for (int i = 0; i < made.size(); i++) {
                        if (made.get(i).formId().equals(e.formId())) {
                            made.set(i, visits.edit(made.get(i), e.fieldId(), e.text()));
                        }
                    }
                }
                filled = made;
            }
            return new Made(p, items, filled);
        }, made -> {
            Map<String, String> values = new LinkedHashMap<>(saved.interview());
            made.items().forEach(item -> values.putIfAbsent(item.key(), ""));
            VisitStep at = target == VisitStep.PRINTED ? VisitStep.PRINTED
                    : target == VisitStep.FORMS ? VisitStep.FORMS : VisitStep.PROCEDURES;
            visit.advance(withAnswers.withInterview(values).withStep(at),
                    confirmed.withPlan(made.plan(), made.items()).withForms(made.forms()));
        }, failure -> visit.advance(withAnswers.withStep(VisitStep.LIFE_EVENT), confirmed));
    }

    /** The signed-in clerk's drafts offered after sign-in (再開 / 破棄 each), newest first; empty when none. */
    public ObservableList<VisitDraft> offeredDrafts() {
        return offeredView;
    }

    /** The offer in words: which step, saved when (one draft), or how many there are. */
    public ReadOnlyStringProperty draftTextProperty() {
        return draftText;
    }

    public VisitCoordinator visit() {
        return visit;
    }

    /** The 世帯主 of the household the movers form (a 転入 or a 転居), by 住民票コード, or null. */
    private static String newHeadCode(Visit saved, List<RegisterResident> household) {
        dev.madoguchi.app.counter.Mover head = saved.moving().newHouseholdHead(saved.event(), household);
        return head == null ? null : head.residentCode();
    }

    /** The new 世帯主 of those who stay, by name from the register household (a 転居 or 転出), or null. */
    private static String remainingHeadName(Visit saved, List<RegisterResident> household) {
        String code = saved.moving().remainingHead();
        return code == null ? null : household.stream().filter(m -> m.residentCode().equals(code))
                .map(dev.madoguchi.app.counter.RegisterMatchService::registerName).findFirst().orElse(null);
    }
}
