package dev.madoguchi.app.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.madoguchi.forms.rules.LifeEventPlan;
import dev.madoguchi.forms.rules.LifeEventRules;
import dev.madoguchi.forms.rules.LifeEventService;
import dev.madoguchi.forms.rules.ProposedProcedure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code madoguchi life-event}: which procedures and forms a life event needs, and why. */
@Command(name = "life-event",
        mixinStandardHelpOptions = true,
        description = {"Proposes the procedures and forms for a life event (tennyu, tenkyo, tenshutsu, shussei, shibou,",
            "hisai) from interview answers {\"question\": \"yes\"|\"no\"|\"unknown\"}; unknown keeps a procedure in."})
public final class LifeEventCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--event", required = true, paramLabel = "ID", description = "The life event id.")
    String event;

    @Option(names = "--answers", paramLabel = "FILE.json", description = "Interview answers (default: none, all unknown).")
    Path answers;

    @Option(names = "--rules", paramLabel = "FILE.json", description = "A municipality's rules instead of the built-in ones.")
    Path rulesFile;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean asJson;

    @Override
    public Integer call() throws IOException {
        LifeEventRules rules = rulesFile == null ? LifeEventRules.builtIn() : LifeEventRules.load(rulesFile);
        Map<String, String> given = answers == null ? Map.of()
                : FormCommand.json().readValue(answers.toFile(), new TypeReference<Map<String, String>>() { });
        LifeEventPlan plan = new LifeEventService(rules).plan(event, given);
        PrintWriter out = spec.commandLine().getOut();
        if (asJson) {
            out.println(FormCommand.json().writeValueAsString(plan));
        } else {
            out.printf("%s (rules %s, sha256:%s)%n", rules.event(event).orElseThrow().title().ja(), plan.rulesVersion(),
                    plan.rulesSha256().substring(0, 16));
            int n = 1;
            for (ProposedProcedure p : plan.procedures()) {
                out.printf("%d. %s%s%s%n", n++, p.title().ja(), p.form() == null ? "" : "  [form " + p.form()
                        + (p.variant() == null ? "" : " " + p.variant()) + "]",
                        p.isUncertain() ? "  (わからない: " + String.join(", ", p.uncertainBecause()) + ")" : "");
                out.printf("   理由: %s%n", p.reason().ja());
                p.documents().forEach(d -> out.printf("   持ち物: %s%n", d.ja()));
            }
        }
        out.flush();
        return 0;
    }
}
