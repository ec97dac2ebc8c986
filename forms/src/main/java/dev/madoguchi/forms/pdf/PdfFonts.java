package dev.madoguchi.forms.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The parsed fonts, kept for the life of the application: parsing IPAmj明朝 costs most of a cold render, so it happens
 * once. Not thread-safe (fontbox reads the files lazily); rendering runs on one lane. Close it when done.
 */
public final class PdfFonts implements AutoCloseable {

    /** A parsed font and its Unicode lookup. */
    record Face(String name, TrueTypeFont font, CmapLookup cmap) {
        boolean covers(int codePoint) {
            return cmap.getGlyphId(codePoint) != 0;
        }
    }

    private final Face mj;
    private final Face mincho;
    private final Face gothic;
    private final Face mjPlus;

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
                closeQuietly(face.font());
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot read font: " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    private static Face parse(String name, Path file, List<Face> opened) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
        CmapLookup cmap = font.getUnicodeCmapLookup(false);
        if (cmap == null) {
            font.close();
            throw new IOException(file + " has no Unicode cmap");
        }
        Face face = new Face(name, font, cmap);
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

    /** Whether any configured font has a glyph for this code point. */
    public boolean covers(int codePoint) {
        return registerChain().stream().anyMatch(f -> f.covers(codePoint));
    }

    @Override
    public void close() {
        closeQuietly(mj.font());
        closeQuietly(mincho.font());
        closeQuietly(gothic.font());
        if (mjPlus != null) {
            closeQuietly(mjPlus.font());
        }
    }

    private static void closeQuietly(TrueTypeFont font) {
        try {
            font.close();
        } catch (IOException e) {
            // nothing left to do for a font being discarded
        }
    }
}
