package dev.madoguchi.forms.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Text split into what prints as one glyph: a character, or a character with the variation selector after it
 * (an IVS such as 葛 U+845B U+E0100). Wrapping and cutting work on these, so a sequence is never split.
 */
final class Clusters {

    private Clusters() {
    }

    /** The clusters of a text; a selector without a base character before it is its own cluster. */
    static List<String> of(String text) {
        List<String> clusters = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (!TrueTypeFile.isVariationSelector(cp) && end < text.length()
                    && TrueTypeFile.isVariationSelector(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            clusters.add(text.substring(i, end));
            i = end;
        }
        return clusters;
    }

    /** The selector of a two-code-point cluster, or 0. */
    static int selector(String cluster) {
        int first = Character.charCount(cluster.codePointAt(0));
        return first < cluster.length() ? cluster.codePointAt(first) : 0;
    }

    /** The glyph a face prints for a cluster: the sequence's own glyph, else 0 (a plain character: its cmap glyph). */
    static int glyph(TrueTypeFile file, String cluster) {
        int base = cluster.codePointAt(0);
        int selector = selector(cluster);
        if (TrueTypeFile.isVariationSelector(base)) {
            return 0;
        }
        return selector == 0 ? file.glyphId(base) : file.glyphId(base, selector);
    }
}
