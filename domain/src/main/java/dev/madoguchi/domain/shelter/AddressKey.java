package dev.madoguchi.domain.shelter;

import java.text.Normalizer;

/**
 * An address in one notation for matching, beside the address as written: full-width letters and digits made narrow
 * (NFKC), kanji numerals before 丁目/番/号 made digits, and 丁目, 番地, 番, 号 and a の between numbers written as
 * {@code -}, spaces removed. {@code 本町2丁目3番4号}, {@code 本町２－３－４} and {@code 本町二丁目3の4} give the same key.
 */
public final class AddressKey {

    private static final String KANJI_DIGITS = "〇一二三四五六七八九";

    private AddressKey() {
    }

    public static String of(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        String s = Normalizer.normalize(address, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        s = s.replaceAll("[‐‑‒–—―−－]", "-").replaceAll("(\\d)ー(?=\\d)", "$1-");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int digit = KANJI_DIGITS.indexOf(c);
            if (digit >= 0 || c == '十') {
                int end = i;
                while (end < s.length() && (KANJI_DIGITS.indexOf(s.charAt(end)) >= 0 || s.charAt(end) == '十')) {
                    end++;
                }
                if (end < s.length() && "丁番号".indexOf(s.charAt(end)) >= 0) {
                    out.append(kanjiNumber(s.substring(i, end)));
                    i = end - 1;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString().replaceAll("(\\d)丁目", "$1-").replaceAll("(\\d)番地", "$1-")
                .replaceAll("(\\d)番", "$1-").replaceAll("(\\d)号", "$1")
                .replaceAll("(\\d)の(\\d)", "$1-$2").replaceAll("-+", "-").replaceAll("-$", "");
    }

    private static int kanjiNumber(String text) {
        int value = 0;
        int current = 0;
        for (char c : text.toCharArray()) {
            if (c == '十') {
                value += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else {
                current = current * 10 + KANJI_DIGITS.indexOf(c);
            }
        }
        return value + current;
    }
}
