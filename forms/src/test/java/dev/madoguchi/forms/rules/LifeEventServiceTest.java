package dev.madoguchi.forms.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.definition.FormDefinitionException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifeEventServiceTest {

    private final LifeEventService service = new LifeEventService(LifeEventRules.builtIn());

    @Test
    void movingInWithAChildProposesResidenceInsuranceChildAllowanceAndSchool() {
        LifeEventPlan plan = service.plan("tennyu", Map.of("withChildren", "yes", "schoolAge", "yes",
                "nationalHealthInsurance", "yes", "over65", "no", "sealRegistration", "no", "needsCertificate", "no",
                "foreignResident", "no"));
        assertThat(plan.procedures()).extracting(ProposedProcedure::id)
                .containsExactly("jumin-ido", "kokuho", "jidou-teate", "school");
        ProposedProcedure move = plan.procedures().get(0);
        assertThat(move.form()).isEqualTo("jumin-ido");
        assertThat(move.variant()).isEqualTo("tennyu");
        assertThat(move.reason().ja()).contains("14日以内").contains("22条");
        assertThat(move.documents()).isNotEmpty();
        assertThat(plan.procedures()).noneMatch(ProposedProcedure::isUncertain);
        assertThat(plan.rulesVersion()).isEqualTo("1.1.0");
        assertThat(plan.rulesSha256()).hasSize(64);
    }

    @Test
    void noMeansTheProcedureIsLeftOut() {
        LifeEventPlan plan = service.plan("tennyu", Map.of("withChildren", "no", "schoolAge", "no",
                "nationalHealthInsurance", "no", "over65", "no", "sealRegistration", "no", "needsCertificate", "no",
                "foreignResident", "no"));
        assertThat(plan.procedures()).extracting(ProposedProcedure::id).containsExactly("jumin-ido");
    }

    @Test
    void iDontKnowYieldsTheSafeSupersetAndSaysWhy() {
        LifeEventPlan known = service.plan("tennyu", Map.of("withChildren", "no"));
        LifeEventPlan unknown = service.plan("tennyu", Map.of("withChildren", "unknown"));
        assertThat(unknown.procedures()).extracting(ProposedProcedure::id).contains("jidou-teate")
                .containsAll(known.procedures().stream().map(ProposedProcedure::id).toList());
        assertThat(unknown.procedures()).filteredOn(p -> p.id().equals("jidou-teate")).singleElement()
                .satisfies(p -> assertThat(p.uncertainBecause()).containsExactly("withChildren"));
        assertThat(service.plan("tennyu", Map.of()).procedures()).hasSize(
                LifeEventRules.builtIn().event("tennyu").orElseThrow().procedures().size());
    }

    @Test
    void everyEventOfTheIssueHasRulesAndEveryFormTheyNameExists() {
        LifeEventRules rules = LifeEventRules.builtIn();
        assertThat(rules.events()).extracting(LifeEventRules.Event::id)
                .containsExactly("tennyu", "tenkyo", "tenshutsu", "shussei", "shibou", "hisai");
        FormCatalog catalog = FormCatalog.builtIn();
        rules.events().forEach(e -> e.procedures().stream().filter(p -> p.form() != null).forEach(p -> {
            var form = catalog.get(p.form());
            if (p.variant() != null) {
                assertThat(form.variant(p.variant())).as(p.id()).isPresent();
            }
        }));
    }

    @Test
    void unknownEventsQuestionsAndAnswersAreRejectedByName() {
        assertThatThrownBy(() -> service.plan("kekkon", Map.of())).hasMessageContaining("unknown life event 'kekkon'");
        assertThatThrownBy(() -> service.plan("tennyu", Map.of("pets", "yes")))
                .hasMessageContaining("unknown question 'pets'");
        assertThatThrownBy(() -> service.plan("tennyu", Map.of("withChildren", "maybe")))
                .hasMessageContaining("not 'maybe'");
    }

    @Test
    void aRuleWithAnUnknownQuestionIsASchemaError() {
        String json = """
                {"version": "x", "answers": ["yes", "no", "unknown"], "questions": [],
                 "events": [{"id": "e", "title": {"ja": "e"}, "procedures": [{"id": "p", "title": {"ja": "p"},
                   "reason": {"ja": "r"}, "when": [{"question": "q", "is": "yes"}]}]}]}
                """;
        assertThatThrownBy(() -> LifeEventRules.parse("rules.json", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FormDefinitionException.class).hasMessageContaining("unknown question 'q'");
        assertThatThrownBy(() -> LifeEventRules.parse("rules.json", "{\"version\": \n 1,, }"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(FormDefinitionException.class)
                .hasMessageStartingWith("rules.json:2:");
    }
}
