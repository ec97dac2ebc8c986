package dev.madoguchi.app.volunteer;

import java.util.List;
import java.util.Objects;

/**
 * One piece of advice for the resident in one language, ready to show or read aloud: what it is about, what to do,
 * where to go and what to bring. Holds nothing about the resident beyond the check-up's own facts (dates, tries).
 *
 * @param severity {@code ok}, {@code info} or {@code action}
 * @param place where to go (name, address, hours), or empty
 * @param titleRuby the title's reading (furigana) in Japanese, or empty
 */
public record AdviceLine(String severity, String title, String advice, String place, List<String> bring,
        String titleRuby, String adviceRuby) {

    /** Advice without readings (a language without furigana). */
    public AdviceLine(String severity, String title, String advice, String place, List<String> bring) {
        this(severity, title, advice, place, bring, "", "");
    }

    public AdviceLine {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(place, "place");
        bring = List.copyOf(bring);
        Objects.requireNonNull(titleRuby, "titleRuby");
        Objects.requireNonNull(adviceRuby, "adviceRuby");
    }
}
