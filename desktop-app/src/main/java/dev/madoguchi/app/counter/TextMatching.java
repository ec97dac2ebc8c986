package dev.madoguchi.app.counter;

/**
 * Compares what the card (or the clerk) says with what the register says, field by field. The strings themselves are
 * never changed: full-width digits and the ideographic space U+3000 are folded only for the comparison, and a name
 * that differs only in single kanji (the card's 代替文字 吉 for the register's 𠮷) is reported as such, never treated
 * as equal.
 */
final class TextMatching {

    private TextMatching() {}

    /** Full-width digits → ASCII, U+3000 and runs of white space → one space, full-width hyphen-minus → '-'. */
    static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0xFF10 && cp <= 0xFF19) {
                cp = '0' + (cp - 0xFF10);
            } else if (cp == 0xFF0D) {
                cp = '-';
            }
            if (cp == 0x3000 || Character.isWhitespace(cp)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** A name for comparison: normalised, without any spaces (the card puts U+3000 between family and given name). */
    static String nameKey(String name) {
        return normalise(name).replace(" ", "");
    }

    static FieldMatch compareNames(String presented, String registered) {
        if (blank(presented) || blank(registered)) {
            return FieldMatch.NOT_COMPARED;
        }
        if (presented.equals(registered)) {
            return FieldMatch.SAME;
        }
        String a = nameKey(presented);
        String b = nameKey(registered);
        if (a.equals(b)) {
            return FieldMatch.SAME_WHEN_NORMALISED;
        }
        return substituteCharacters(a, b) ? FieldMatch.SUBSTITUTE_CHARACTERS : FieldMatch.DIFFERENT;
    }

    static FieldMatch compareAddresses(String presented, String registered) {
        if (blank(presented) || blank(registered)) {
            return FieldMatch.NOT_COMPARED;
        }
        if (presented.equals(registered)) {
            return FieldMatch.SAME;
        }
        String a = normalise(presented).replace(" ", "");
        String b = normalise(registered).replace(" ", "");
        if (a.equals(b)) {
            return FieldMatch.SAME_WHEN_NORMALISED;
        }
        return substituteCharacters(a, b) ? FieldMatch.SUBSTITUTE_CHARACTERS : FieldMatch.DIFFERENT;
    }

    /**
     * Same length in code points, at most two positions differ, and each differing pair is two kanji: the typical
     * 代替文字 (𠮷/吉, 髙/高, 﨑/崎, 德/徳, 邉/辺). A clerk must look at it; it is never counted as the same text.
     */
    static boolean substituteCharacters(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        if (x.length != y.length || x.length == 0) {
            return false;
        }
        int differing = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != y[i]) {
                if (!han(x[i]) || !han(y[i])) {
                    return false;
                }
                differing++;
            }
        }
        return differing > 0 && differing <= 2 && differing < x.length;
    }

    private static boolean han(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
