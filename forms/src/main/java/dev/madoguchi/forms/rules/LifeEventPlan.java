package dev.madoguchi.forms.rules;

import java.util.List;

/** What a life event needs at the counter, with the rules version and hash that decided it. */
public record LifeEventPlan(String event, String rulesVersion, String rulesSha256, List<ProposedProcedure> procedures) {

    public LifeEventPlan {
        procedures = List.copyOf(procedures);
    }
}
