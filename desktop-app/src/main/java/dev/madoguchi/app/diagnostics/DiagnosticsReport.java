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
            out.append(String.format("%-10s %-16s %s%n", "[" + c.status().word() + "]", c.id(), c.summary()));
            if (!c.remedy().isEmpty()) {
                out.append(" ".repeat(28)).append("→ ").append(c.remedy()).append('\n');
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

    /** The zip for the vendor: report.json, report.txt, log-tail.txt; written beside and moved into place. */
    public void writeZip(java.nio.file.Path file) throws java.io.IOException {
        java.nio.file.Path target = file.toAbsolutePath();
        java.nio.file.Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(
                java.nio.file.Files.newOutputStream(partial))) {
            entry(zip, "report.json", toJson());
            entry(zip, "report.txt", toText() + "\n" + factsText());
            entry(zip, "log-tail.txt", String.join("\n", logTail) + "\n");
        }
        java.nio.file.Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void entry(java.util.zip.ZipOutputStream zip, String name, String text) throws java.io.IOException {
        zip.putNextEntry(new java.util.zip.ZipEntry(name));
        zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
