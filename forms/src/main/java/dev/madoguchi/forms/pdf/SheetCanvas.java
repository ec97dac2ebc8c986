package dev.madoguchi.forms.pdf;

import dev.madoguchi.forms.advice.Furigana;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Flowing text on A4 pages for sheets that are not forms (the volunteer's takeaway sheet): paragraphs wrapped to the
 * width, Japanese between any two characters and other scripts between words, furigana ({@code {漢字|かんじ}}) printed
 * small above its base, new pages as the text needs them. Like {@link FormRenderer} it runs twice: measuring only
 * ({@code doc == null}) collects the characters of each font, drawing embeds their subsets.
 */
final class SheetCanvas implements AutoCloseable {

    static final float MM = FormRenderer.MM;
    static final float LEFT = 18 * MM;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * LEFT;
    private static final float TOP = PDRectangle.A4.getHeight() - 16 * MM;
    private static final float BOTTOM = 16 * MM;
    private static final float RUBY_SCALE = 0.5f;
    private static final String NO_LINE_START = "、。，．）」』】・！？!?,.):;";

    private final PdfFonts fonts;
    private List<PdfFonts.Face> chain;
    private final RenderSession session;
    private final PDDocument doc;
    private PDPageContentStream cs;
    private float y;
    private int pages;

    /** A piece that wraps as one: a word, a character, or a base with its reading. */
    private record Token(String base, String ruby, boolean space) {}

    SheetCanvas(PdfFonts fonts, RenderSession session, PDDocument doc) {
        this.fonts = fonts;
        this.chain = fonts.labelChain();
        this.session = session;
        this.doc = doc;
    }

    /** The fonts for a section in this language: its script font first when installed ({@link PdfFonts#sheetChain}). */
    void useLanguage(String language) {
        chain = fonts.sheetChain(language);
    }

    /** Whether every character of {@code text} has a glyph in the current chain. */
    boolean draws(String text) {
        return FaceRun.split(text, chain).stream().allMatch(run -> run.face() != null);
    }

    int pages() {
        return pages;
    }

    void newPage() throws IOException {
        closeStream();
        pages++;
        if (doc != null) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
        }
        y = TOP;
    }

    /** Starts a new page when less than {@code height} points are left. */
    void keep(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    void space(float mm) {
        y -= mm * MM;
    }

    /**
     * A wrapped paragraph.
     *
     * @param withRuby print the readings of {@code {漢字|かんじ}} above their base; otherwise the base alone
     */
    void paragraph(String text, float size, float indent, boolean withRuby) throws IOException {
        List<List<Token>> lines = wrap(tokens(text, withRuby), size, WIDTH - indent);
        boolean ruby = withRuby && Furigana.hasRuby(text);
        float rubyBand = ruby ? size * RUBY_SCALE * 1.1f : 0;
        for (List<Token> line : lines) {
            keep(rubyBand + size * 1.45f);
            float baseline = y - rubyBand - size * 0.9f;
            float x = LEFT + indent;
            for (Token t : line) {
                float w = width(t, size);
                draw(t.base(), x + (w - width(t.base(), size)) / 2, baseline, size, Color.BLACK);
                if (t.ruby() != null) {
                    float rubySize = size * RUBY_SCALE;
                    draw(t.ruby(), x + (w - width(t.ruby(), rubySize)) / 2, baseline + size * 0.95f, rubySize,
                            Color.BLACK);
                }
                x += w;
            }
            y -= rubyBand + size * 1.45f;
        }
    }

    /** A thin line across the page. */
    void rule() throws IOException {
        keep(4 * MM);
        if (cs != null) {
            cs.setStrokingColor(Color.GRAY);
            cs.setLineWidth(0.6f);
            cs.moveTo(LEFT, y - 1.5f * MM);
            cs.lineTo(LEFT + WIDTH, y - 1.5f * MM);
            cs.stroke();
        }
        y -= 4 * MM;
    }

    /** An empty frame of {@code heightMm} for handwriting, with its label above. */
    void frame(String label, float size, float heightMm, boolean withRuby) throws IOException {
        keep(size * 2.5f + heightMm * MM);
        paragraph(label, size, 0, withRuby);
        if (cs != null) {
            cs.setStrokingColor(Color.DARK_GRAY);
            cs.setLineWidth(0.8f);
            cs.addRect(LEFT, y - heightMm * MM, WIDTH, heightMm * MM);
            cs.stroke();
        }
        y -= heightMm * MM + 2 * MM;
    }

    private List<Token> tokens(String text, boolean withRuby) {
        List<Token> out = new ArrayList<>();
        for (Furigana.Segment segment : Furigana.segments(text)) {
            if (segment.ruby() != null && withRuby) {
                out.add(new Token(segment.base(), segment.ruby(), false));
                continue;
            }
            StringBuilder word = new StringBuilder();
            for (String cluster : Clusters.of(segment.base())) {
                int cp = cluster.codePointAt(0);
                boolean latin = cp < 0x2E80 && !Character.isWhitespace(cp);
                if (latin) {
                    word.append(cluster);
                    continue;
                }
                if (word.length() > 0) {
                    out.add(new Token(word.toString(), null, false));
                    word.setLength(0);
                }
                if (Character.isWhitespace(cp)) {
                    out.add(new Token(" ", null, true));
                } else if (NO_LINE_START.contains(cluster) && !out.isEmpty() && out.get(out.size() - 1).ruby() == null
                        && !out.get(out.size() - 1).space()) {
                    Token last = out.remove(out.size() - 1);
                    out.add(new Token(last.base() + cluster, null, false));
                } else {
                    out.add(new Token(cluster, null, false));
                }
            }
            if (word.length() > 0) {
                out.add(new Token(word.toString(), null, false));
            }
        }
        return out;
    }

    private List<List<Token>> wrap(List<Token> tokens, float size, float maxWidth) {
        List<List<Token>> lines = new ArrayList<>();
        List<Token> line = new ArrayList<>();
        float used = 0;
        for (Token t : tokens) {
            float w = width(t, size);
            if (!line.isEmpty() && used + w > maxWidth && !t.space()) {
                while (!line.isEmpty() && line.get(line.size() - 1).space()) {
                    line.remove(line.size() - 1);
                }
                lines.add(line);
                line = new ArrayList<>();
                used = 0;
            }
            if (line.isEmpty() && t.space()) {
                continue;
            }
            line.add(t);
            used += w;
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    private float width(Token t, float size) {
        float w = width(t.base(), size);
        return t.ruby() == null ? w : Math.max(w, width(t.ruby(), size * RUBY_SCALE));
    }

    private float width(String text, float size) {
        return FaceRun.width(FaceRun.split(text, chain), size);
    }

    private void draw(String text, float x, float baseline, float size, Color color) throws IOException {
        session.show(cs, "sheet", FaceRun.split(text, chain), x, baseline, size, color);
    }

    private void closeStream() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeStream();
    }
}
