package dev.madoguchi.app.diagnostics;

import java.util.Map;

/**
 * One line of the diagnostics report. Never holds personal data: only versions, names of devices and fonts, counts,
 * sizes, paths of the data directory and states.
 *
 * @param id a stable identifier ({@code java}, {@code pcsc}, {@code fonts}, …)
 * @param status how it came out
 * @param summary one line in English for the vendor
 * @param facts what was found, in order (strings, numbers, booleans, lists of strings)
 * @param remedy what to do, in the report's language; empty when the status is OK
 */
public record Check(String id, CheckStatus status, String summary, Map<String, Object> facts, String remedy) {

    public Check {
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        remedy = remedy == null ? "" : remedy;
    }
}
