package dev.madoguchi.forms.prefill;

import java.text.Normalizer;

/**
 * Two sources that disagree about one field, typically the card's text (with a 代替文字 such as 吉) and the register's
 * (𠮷). Pre-fill keeps the value of the preferred source, never merges or replaces silently, and reports this so the
 * review screen shows both side by side. {@link #toString()} prints no text.
 *
 * @param used the source whose text the field holds
 * @param other the source that disagrees
 */
public record Discrepancy(String fieldId, String used, String usedText, String other, String otherText) {

    /**
     * Whether the two texts differ only in width or compatibility forms (e.g. full-width vs. ASCII digits); a
     * difference in glyphs (𠮷 vs. 吉, 髙 vs. 高) is never "only form".
     */
    public boolean onlyInForm() {
        return Normalizer.normalize(usedText, Normalizer.Form.NFKC).replace('\u3000', ' ')
                .equals(Normalizer.normalize(otherText, Normalizer.Form.NFKC).replace('\u3000', ' '));
    }

    @Override
    public String toString() {
        return "Discrepancy[field=" + fieldId + ", used=" + used + ", other=" + other + "]";
    }
}
