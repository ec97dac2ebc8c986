package dev.madoguchi.forms.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the life-event rules: a procedure is proposed when every condition holds. A condition whose question was
 * answered "unknown" — or not answered at all — is treated as possibly true, so "I don't know" yields the safe
 * superset and each such procedure says which answers were unknown.
 */
public final class LifeEventService {

    private final LifeEventRules rules;

    public LifeEventService(LifeEventRules rules) {
        this.rules = rules;
    }

    /**
     * @param answers question id → {@code yes}, {@code no} or {@code unknown}
     * @throws IllegalArgumentException for an unknown event, an unknown question or an answer that is not allowed
     */
    public LifeEventPlan plan(String eventId, Map<String, String> answers) {
        LifeEventRules.Event event = rules.event(eventId).orElseThrow(() -> new IllegalArgumentException(
                "unknown life event '" + eventId + "'; known: "
                        + rules.events().stream().map(LifeEventRules.Event::id).toList()));
        answers.forEach((question, answer) -> {
            if (rules.question(question).isEmpty()) {
                throw new IllegalArgumentException("unknown question '" + question + "'; known: "
                        + rules.questions().stream().map(LifeEventRules.Question::id).toList());
            }
            if (!rules.answers().contains(answer)) {
                throw new IllegalArgumentException("answer to '" + question + "' must be one of " + rules.answers()
                        + ", not '" + answer + "'");
            }
        });
        List<ProposedProcedure> proposed = new ArrayList<>();
        for (LifeEventRules.Procedure procedure : event.procedures()) {
            List<String> uncertain = new ArrayList<>();
            boolean excluded = false;
            for (LifeEventRules.Condition condition : procedure.when()) {
                String answer = answers.getOrDefault(condition.question(), LifeEventRules.UNKNOWN);
                if (LifeEventRules.UNKNOWN.equals(answer)) {
                    uncertain.add(condition.question());
                } else if (!answer.equals(condition.is())) {
                    excluded = true;
                }
            }
            if (!excluded) {
                proposed.add(new ProposedProcedure(procedure.id(), procedure.form(), procedure.variant(),
                        procedure.title(), procedure.reason(), procedure.documents(), uncertain));
            }
        }
        return new LifeEventPlan(event.id(), rules.version(), rules.sha256(), proposed);
    }
}
