package dev.madoguchi.forms.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Per document: the characters each face prints, the subset fonts embedded and what the report will say. A
 * measuring session ({@code doc == null}) only collects the characters.
 */
final class RenderSession {
    final PDDocument doc;
    final Map<PdfFonts.Face, Set<Integer>> used;
    /** per face: each variation sequence printed → the private-use code point its glyph has in the subset */
    final Map<PdfFonts.Face, Map<String, Integer>> sequences;
    final Map<PdfFonts.Face, PDType0Font> embedded = new IdentityHashMap<>();
    final List<MissingGlyph> missing = new ArrayList<>();
    final List<Overflow> overflows = new ArrayList<>();
    final List<String> shrunk = new ArrayList<>();

    RenderSession(PDDocument doc, RenderSession measured) {
        this.doc = doc;
        this.used = measured != null ? measured.used : new IdentityHashMap<>();
        this.sequences = measured != null ? measured.sequences : new IdentityHashMap<>();
    }

    void collect(PdfFonts.Face face, String text) {
        Set<Integer> set = used.computeIfAbsent(face, f -> new TreeSet<>());
        Map<String, Integer> faceSequences = sequences.computeIfAbsent(face, f -> new java.util.LinkedHashMap<>());
        for (String cluster : Clusters.of(text)) {
            if (Clusters.selector(cluster) != 0) {
                faceSequences.computeIfAbsent(cluster, c -> SEQUENCE_CODES + faceSequences.size());
            } else {
                set.add(cluster.codePointAt(0));
            }
        }
    }

    /** The text as the subset font encodes it: each variation sequence replaced by its private code point. */
    String encoded(PdfFonts.Face face, String text) {
        Map<String, Integer> faceSequences = sequences.get(face);
        if (faceSequences == null || faceSequences.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (String cluster : Clusters.of(text)) {
            Integer code = Clusters.selector(cluster) != 0 ? faceSequences.get(cluster) : null;
            if (code != null) {
                sb.appendCodePoint(code);
            } else {
                sb.append(cluster);
            }
        }
        return sb.toString();
    }

    /**
     * Prints runs of text from {@code x} on {@code baseline}; with no content stream (the measuring pass) only collects
     * their characters. A character no face has leaves one em of space and is listed as missing under {@code where}.
     *
     * @return the advance, in points
     */
    float show(PDPageContentStream cs, String where, List<FaceRun> runs, float x, float baseline, float size,
            java.awt.Color color) throws IOException {
        float cursor = x;
        for (FaceRun run : runs) {
            if (run.face() == null) {
                if (cs != null) {
                    missing.add(new MissingGlyph(where, run.text().codePointAt(0)));
                }
                cursor += size;
                continue;
            }
            if (cs == null) {
                collect(run.face(), run.text());
            } else {
                PDType0Font font = font(run.face(), run.text());
                cs.beginText();
                try {
                    cs.setFont(font, size);
                    cs.setNonStrokingColor(color);
                    cs.newLineAtOffset(cursor, baseline);
                    cs.showText(encoded(run.face(), run.text()));
                } finally {
                    cs.endText();
                }
            }
            cursor += run.face().width1000(run.text()) / 1000f * size;
        }
        return cursor - x;
    }

    /** The first private-use code point (plane 15) given to the variation sequences of a subset. */
    static final int SEQUENCE_CODES = 0xF0000;

    /** The embedded subset of a face, made at its first use from every character the first pass found. */
    PDType0Font font(PdfFonts.Face face, String text) throws IOException {
        Set<Integer> characters = used.get(face);
        Map<String, Integer> faceSequences = sequences.getOrDefault(face, Map.of());
        if (characters == null || !Clusters.of(text).stream().allMatch(c -> Clusters.selector(c) != 0
                ? faceSequences.containsKey(c) : characters.contains(c.codePointAt(0)))) {
            throw new IllegalStateException("the layout drew characters its first pass did not see ("
                    + face.name() + ")");
        }
        PDType0Font font = embedded.get(face);
        if (font == null) {
            Map<Integer, Integer> extra = new java.util.TreeMap<>();
            faceSequences.forEach((cluster, code) -> extra.put(code, Clusters.glyph(face.file(), cluster)));
            byte[] subset = face.file().subset(characters, extra, tag(face, characters));
            font = PDType0Font.load(doc, new ByteArrayInputStream(subset), false);
            if (!faceSequences.isEmpty()) {
                ToUnicodeMap.replace(doc, font, characters, faceSequences);
            }
            embedded.put(face, font);
        }
        return font;
    }

    /** Six capital letters from the face and its characters: the PDF subset tag ("ABCDEF+Name"). */
    private static String tag(PdfFonts.Face face, Set<Integer> characters) {
        long h = 1125899906842597L + face.name().hashCode();
        for (int cp : characters) {
            h = 31 * h + cp;
        }
        StringBuilder tag = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + Math.floorMod(h, 26)));
            h /= 26;
        }
        return tag.toString();
    }
}
