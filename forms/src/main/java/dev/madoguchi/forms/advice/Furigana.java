package dev.madoguchi.forms.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Furigana in the やさしい日本語 texts, written {@code {窓口|まどぐち}}: the base text, a bar, its reading. The sheet
 * prints the reading above the base; a screen without ruby shows the base alone; read-aloud speaks the reading.
 */
public final class Furigana {

    private static final Pattern RUBY = Pattern.compile("\\{([^{}|]+)\\|([^{}|]+)\\}");

    /** A piece of text with its reading, or without one ({@code ruby == null}). */
    public record Segment(String base, String ruby) {}

    private Furigana() {}

    /** The text as pieces, in order: plain runs and ruby pairs. */
    public static List<Segment> segments(String text) {
        List<Segment> out = new ArrayList<>();
        Matcher m = RUBY.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                out.add(new Segment(text.substring(at, m.start()), null));
            }
            out.add(new Segment(m.group(1), m.group(2)));
            at = m.end();
        }
        if (at < text.length()) {
            out.add(new Segment(text.substring(at), null));
        }
        return out;
    }

    /** The text without its readings (what a screen shows). */
    public static String plain(String text) {
        return RUBY.matcher(text).replaceAll("$1");
    }

    /** The text with each base replaced by its reading (what a speech engine reads best). */
    public static String reading(String text) {
        return RUBY.matcher(text).replaceAll("$2");
    }

    /** Whether the text carries any reading. */
    public static boolean hasRuby(String text) {
        return RUBY.matcher(text).find();
    }
}
