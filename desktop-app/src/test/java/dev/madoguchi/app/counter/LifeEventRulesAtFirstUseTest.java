package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.task.Lazy;
import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.rules.LifeEventRules;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The desktop parses the life-event rules at their first use, after the sign-in, not while it builds its services
 * before the first window (docs/performance.md, "Start of the installed app"): building the counter's services asks
 * nothing of the rules; the first question does, once.
 */
class LifeEventRulesAtFirstUseTest {

    @Test
    void buildingTheServicesParsesNoRulesTheFirstUseParsesThemOnce() {
        AtomicInteger parsed = new AtomicInteger();
        Lazy<LifeEventRules> rules = Lazy.of(() -> {
            parsed.incrementAndGet();
            return LifeEventRules.builtIn();
        });

        VisitFormsService forms = new VisitFormsService(FormCatalog::builtIn, rules, Map.of(), Clock.systemUTC());
        CaseListService cases = new CaseListService(forms::catalog, forms.rulesSupplier(), Clock.systemUTC());
        assertThat(cases).isNotNull();
        assertThat(parsed).hasValue(0);

        assertThat(forms.events()).isNotEmpty();
        assertThat(forms.questions(forms.events().get(0).id())).isNotNull();
        assertThat(parsed).hasValue(1);
    }
}
