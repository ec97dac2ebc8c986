package dev.madoguchi.app.diagnostics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The diagnostics report: the checks in order and the masked tail of the log. What one-person IT sends to the vendor;
 * it holds no PIN, name, address or My Number.
 */
public record DiagnosticsReport(String createdAt, List<Check> checks, List<String> logTail) {

    public DiagnosticsReport {
        checks = List.copyOf(checks);
        logTail = List.copyOf(logTail);
    }

    /** The worst status of all checks. */
    public CheckStatus worst() {
        return checks.stream().map(Check::status).max(Enum::compareTo).orElse(CheckStatus.OK);
    }

    /** The report as one JSON object ({@code doctor --json}). */
    public String toJson() {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("report", "madoguchi-diagnostics-1");
        top.put("createdAt", createdAt);
        top.put("status", worst().word());
        Map<String, Object> byId = new LinkedHashMap<>();
        for (Check c : checks) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("status", c.status().word());
            one.put("summary", c.summary());
            one.put("facts", c.facts());
            if (!c.remedy().isEmpty()) {
                one.put("remedy", c.remedy());
            }
            byId.put(c.id(), one);
        }
        top.put("checks", byId);
        top.put("logTail", logTail);
        return JsonText.of(top);
    }

    /** The report for a person: one line per check, its remedy below when there is one. */
    public String toText() {
        StringBuilder out = new StringBuilder("Madoguchi diagnostics, " + createdAt + "\n");
        for (Check c : checks) {
            out.append(String.format("%-8s %-16s %s%n", "[" + c.status().word() + "]", c.id(), c.summary()));
            if (!c.remedy().isEmpty()) {
                out.append("         ").append(" ".repeat(17)).append("→ ").append(c.remedy()).append('\n');
            }
        }
        return out.toString();
    }

    /** The facts of every check, as text lines (for the zip's report.txt). */
    public String factsText() {
        return checks.stream()
                .map(c -> c.id() + ": " + c.facts().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
