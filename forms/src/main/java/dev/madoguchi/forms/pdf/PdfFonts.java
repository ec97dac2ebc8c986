package dev.madoguchi.forms.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fonts the forms print with, open for the life of the application. Only their cmaps, metrics and glyph offsets
 * are in memory (about 1 MB for all three Debian fonts); outlines are read from the files when a PDF embeds its subsets
 * ({@link TrueTypeFile}). Reads are positional, so this is safe to share, but rendering runs on one lane anyway. Close
 * it when done.
 */
public final class PdfFonts implements AutoCloseable {

    /** A font file and the name it is known by in the chains. */
    record Face(String name, TrueTypeFile file) {
        boolean covers(int codePoint) {
            return file.glyphId(codePoint) != 0;
        }

        /** Whether the face prints this cluster: a character, or a variation sequence it lists. */
        boolean covers(String cluster) {
            return Clusters.glyph(file, cluster) != 0;
        }

        /** The advance of a text this face covers, in 1/1000 em (as the PDF's width array will say). */
        float width1000(String text) {
            float w = 0;
            for (String cluster : Clusters.of(text)) {
                w += file.advance1000(Clusters.glyph(file, cluster));
            }
            return w;
        }
    }

    /**
     * Fonts for the takeaway sheet's resident languages that IPAex does not draw, used when installed (Debian
     * packages): Vietnamese and Portuguese (fonts-dejavu-core), simplified Chinese (fonts-droid-fallback), Hangul
     * (fonts-nanum). A language whose font is missing is printed only where the chain draws it; the sheet then says so
     * (docs/volunteer.md §6).
     */
    public static final Map<String, Path> SCRIPT_FONTS = Map.of(
            "vi", Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            "pt", Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            "zh", Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            "ko", Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"));

    private final Face mj;
    private final Face mincho;
    private final Face gothic;
    private final Face mjPlus;
    private final Map<Path, Face> scripts = new HashMap<>();

    private PdfFonts(Face mj, Face mincho, Face gothic, Face mjPlus) {
        this.mj = mj;
        this.mincho = mincho;
        this.gothic = gothic;
        this.mjPlus = mjPlus;
    }

    /**
     * @throws IllegalStateException naming the missing file and its Debian package when a font is not installed
     */
    public static PdfFonts load(FontFiles files) {
        Path missing = files.firstMissing();
        if (missing != null) {
            throw new IllegalStateException("font file missing: " + missing
                    + " (install the Debian packages fonts-ipamj-mincho and fonts-ipaexfont, or fix the MJ+ path)");
        }
        List<Face> opened = new ArrayList<>();
        try {
            Face mj = parse("IPAmjMincho", files.mj(), opened);
            Face mincho = parse("IPAexMincho", files.mincho(), opened);
            Face gothic = parse("IPAexGothic", files.gothic(), opened);
            Face mjPlus = files.mjPlus() == null ? null : parse("MJPlus", files.mjPlus(), opened);
            return new PdfFonts(mj, mincho, gothic, mjPlus);
        } catch (IOException | RuntimeException e) {
            for (Face face : opened) {
                closeQuietly(face.file());
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot read font: " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    private static Face parse(String name, Path file, List<Face> opened) throws IOException {
        Face face = new Face(name, TrueTypeFile.open(file));
        opened.add(face);
        return face;
    }

    /** Names and addresses: MJ+ (when configured), IPAmj明朝, then IPAex明朝. */
    List<Face> registerChain() {
        List<Face> chain = new ArrayList<>();
        if (mjPlus != null) {
            chain.add(mjPlus);
        }
        chain.add(mj);
        chain.add(mincho);
        return chain;
    }

    /** Other values: IPAex明朝, then IPAmj明朝, then MJ+. */
    List<Face> textChain() {
        List<Face> chain = new ArrayList<>(List.of(mincho, mj));
        if (mjPlus != null) {
            chain.add(mjPlus);
        }
        return chain;
    }

    /** Labels and the header: IPAexゴシック, then IPAmj明朝. */
    List<Face> labelChain() {
        return List.of(gothic, mj);
    }

    /**
     * The takeaway sheet's chain for a language: its script font when one is installed ({@link #SCRIPT_FONTS}; opened
     * on first use) and the label chain — the script font first, except for Korean (see {@link #KANA_AFTER_SCRIPT}).
     */
    synchronized List<Face> sheetChain(String language) {
        Path file = SCRIPT_FONTS.get(language);
        if (file == null || !Files.isRegularFile(file)) {
            return labelChain();
        }
        Face face = scripts.get(file);
        if (face == null) {
            try {
                face = new Face(file.getFileName().toString().replace(".ttf", ""), TrueTypeFile.open(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read font " + file + ": " + e.getMessage(), e);
            }
            scripts.put(file, face);
        }
        if (KANA_AFTER_SCRIPT.contains(language)) {
            return List.of(face, gothic, mj);
        }
        return List.of(gothic, face, mj); // NanumGothic's kana are poor: IPAex draws the Japanese names, Nanum the Hangul
    }

    /**
     * Languages whose script font comes first, before IPAex: Vietnamese and Portuguese (a word must not mix two Latin
     * fonts), Chinese (Chinese characters in Chinese shapes). Korean puts IPAex first: it has no Hangul, so Hangul falls
     * through to NanumGothic, while the Japanese names in brackets get IPAex's kana.
     */
    private static final java.util.Set<String> KANA_AFTER_SCRIPT = java.util.Set.of("vi", "pt", "zh");

    /** Whether any configured font has a glyph for this code point. */
    public boolean covers(int codePoint) {
        return registerChain().stream().anyMatch(f -> f.covers(codePoint));
    }

    @Override
    public void close() {
        closeQuietly(mj.file());
        closeQuietly(mincho.file());
        closeQuietly(gothic.file());
        if (mjPlus != null) {
            closeQuietly(mjPlus.file());
        }
        scripts.values().forEach(face -> closeQuietly(face.file()));
    }

    private static void closeQuietly(TrueTypeFile font) {
        try {
            font.close();
        } catch (IOException e) {
            // nothing left to do for a font being discarded
        }
    }
}
