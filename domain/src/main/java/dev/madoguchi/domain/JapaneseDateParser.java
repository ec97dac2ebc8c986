package dev.madoguchi.domain;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date as people type it at a desk: Western digits ({@code 19380401}, {@code 1938-04-01}, {@code 1938/4/1},
 * {@code 1938年4月1日}) or the Japanese calendar (和暦: {@code S13.4.1}, {@code S130401}, {@code 昭和13年4月1日},
 * {@code 昭13.4.1}, {@code R1-5-1}, {@code 令和元年5月1日}), and the seven-digit era code some systems use
 * ({@code 3130401}: 1 明治, 2 大正, 3 昭和, 4 平成, 5 令和, then yymmdd). Full-width digits and letters are accepted.
 * A date outside its era (昭和64年1月8日, 平成1年1月7日) or that does not exist (2月30日) is not a date. Pure and
 * thread-safe.
 */
public final class JapaneseDateParser {

    /** The eras from 明治 on: letter, names, first day, last day. */
    private enum Era {
        MEIJI('M', "明治", "明", LocalDate.of(1868, 1, 25), LocalDate.of(1912, 7, 29)),
        TAISHO('T', "大正", "大", LocalDate.of(1912, 7, 30), LocalDate.of(1926, 12, 24)),
        SHOWA('S', "昭和", "昭", LocalDate.of(1926, 12, 25), LocalDate.of(1989, 1, 7)),
        HEISEI('H', "平成", "平", LocalDate.of(1989, 1, 8), LocalDate.of(2019, 4, 30)),
        REIWA('R', "令和", "令", LocalDate.of(2019, 5, 1), LocalDate.MAX);

        final char letter;
        final String name;
        final String shortName;
        final LocalDate first;
        final LocalDate last;

        Era(char letter, String name, String shortName, LocalDate first, LocalDate last) {
            this.letter = letter;
            this.name = name;
            this.shortName = shortName;
            this.first = first;
            this.last = last;
        }

        static Era of(String mark) {
            for (Era e : values()) {
                if (mark.equals(String.valueOf(e.letter)) || mark.equals(e.name) || mark.equals(e.shortName)) {
                    return e;
                }
            }
            return null;
        }
    }

    private static final Pattern WESTERN = Pattern.compile(
            "(\\d{4})(?:(\\d{2})(\\d{2})|\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?)");
    private static final Pattern ERA = Pattern.compile(
            "(明治|大正|昭和|平成|令和|[明大昭平令]|[MTSHR])\\s*(?:(\\d{2})(\\d{2})(\\d{2})"
                    + "|(\\d{1,2}|元)\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?)");
    private static final Pattern ERA_CODE = Pattern.compile("([1-5])(\\d{2})(\\d{2})(\\d{2})");

    private JapaneseDateParser() {
    }

    /** The date the text means, or empty when it is not one date of the forms above. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toUpperCase(java.util.Locale.ROOT)
                .replace('ー', '-').replace('−', '-');
        try {
            Matcher m = WESTERN.matcher(s);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                return m.group(2) != null ? date(year, m.group(2), m.group(3)) : date(year, m.group(4), m.group(5));
            }
            m = ERA.matcher(s);
            if (m.matches()) {
                Era era = Era.of(m.group(1));
                return m.group(2) != null ? eraDate(era, m.group(2), m.group(3), m.group(4))
                        : eraDate(era, m.group(5), m.group(6), m.group(7));
            }
            m = ERA_CODE.matcher(s);
            if (m.matches()) {
                return eraDate(Era.values()[Integer.parseInt(m.group(1)) - 1], m.group(2), m.group(3), m.group(4));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(int year, String month, String day) {
        return Optional.of(LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day)));
    }

    private static Optional<LocalDate> eraDate(Era era, String year, String month, String day) {
        int y = year.equals("元") ? 1 : Integer.parseInt(year);
        if (y < 1) {
            return Optional.empty();
        }
        LocalDate d = LocalDate.of(era.first.getYear() + y - 1, Integer.parseInt(month), Integer.parseInt(day));
        return d.isBefore(era.first) || d.isAfter(era.last) ? Optional.empty() : Optional.of(d);
    }
}
