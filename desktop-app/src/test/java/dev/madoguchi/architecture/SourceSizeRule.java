package dev.madoguchi.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No main source file over {@value #LIMIT} lines. Files that were longer when the rule came in are listed by name with
 * their length then, as debt: a listed file may shrink but not grow, and leaves the list once it is within the limit.
 */
final class SourceSizeRule {

    static final int LIMIT = 400;

    private SourceSizeRule() {
    }

    /** What breaks the rule, one sentence each; empty when the tree keeps it. */
    static List<String> violations(Map<String, Integer> sources, Map<String, Integer> debt) {
        List<String> violations = new ArrayList<>();
        sources.forEach((file, lines) -> {
            Integer allowed = debt.get(file);
            if (allowed == null && lines > LIMIT) {
                violations.add(file + " has " + lines + " lines (limit " + LIMIT + "): split it by role");
            } else if (allowed != null && lines > allowed) {
                violations.add(file + " grew to " + lines + " lines; as listed debt it may only shrink (" + allowed + ")");
            } else if (allowed != null && lines <= LIMIT) {
                violations.add(file + " is within the limit now (" + lines + " lines): remove it from the debt list");
            }
        });
        debt.keySet().stream().filter(file -> !sources.containsKey(file))
                .forEach(file -> violations.add(file + " is listed as debt but no longer exists: remove it from the list"));
        return violations;
    }
}
