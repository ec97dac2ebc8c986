package dev.madoguchi.forms.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Prints a {@link TableReport} on A4: the title and header fields on the first page (the title again, small, at the
 * top of the others), then its tables and notes. A table's header row is printed again on every page the table runs
 * onto; cell text wraps inside its column and a row never splits across pages. Every page ends with the report's
 * footer and "n / m". Fonts as for the forms (ADR 0016): the subsets of IPAmj明朝 (names), IPAex明朝 (other values)
 * and IPAexゴシック (title, labels, header rows) are embedded; the layout runs twice, measuring then drawing. A
 * character no font has leaves a gap and is listed in the {@link RenderReport}. Synchronous; one render at a time per
 * instance.
 */
public final class TableReportRenderer {

    private static final float MM = TableCanvas.MM;
    private static final float TITLE = 16f;
    private static final float FIELD = 9.5f;
    private static final float CAPTION = 11f;
    private static final float NOTE = 8.5f;
    private static final float PAD = 1.0f * MM;
    private static final float LEADING = 1.25f;

    private final PdfFonts fonts;

    public TableReportRenderer(PdfFonts fonts) {
        this.fonts = fonts;
    }

    /** The report as PDF bytes (for a preview or the printer). */
    public byte[] render(TableReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        render(report, out);
        return out.toByteArray();
    }

    /** Writes the report to {@code file} through a temporary file beside it, so a reader never sees half a PDF. */
    public RenderReport write(TableReport report, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderReport result = render(report, out);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".report", ".pdf");
            try {
                Files.write(temp, out.toByteArray());
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return result;
    }

    /** @return the pages, and any character no font could print and any cell cut short */
    public RenderReport render(TableReport report, OutputStream out) {
        try (PDDocument doc = new PDDocument()) {
            RenderSession measured = new RenderSession(null, null);
            try (TableCanvas canvas = new TableCanvas(fonts, measured, null, report.landscape())) {
                layout(canvas, report, new ArrayList<>());
            }
            RenderSession session = new RenderSession(doc, measured);
            List<Overflow> overflows = new ArrayList<>();
            int pages;
            try (TableCanvas canvas = new TableCanvas(fonts, session, doc, report.landscape())) {
                layout(canvas, report, overflows);
                pages = canvas.pages();
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(report.title());
            info.setCreator("Madoguchi");
            doc.save(out);
            return new RenderReport(pages, session.missing, overflows, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF: " + e.getMessage(), e);
        }
    }

    private void layout(TableCanvas c, TableReport report, List<Overflow> overflows) throws IOException {
        c.newPage();
        titleBlock(c, report);
        for (TableReport.Block block : report.blocks()) {
            if (block instanceof TableReport.Table table) {
                table(c, report, table, overflows);
            } else if (block instanceof TableReport.Note note) {
                note(c, report, note.text());
            }
        }
        c.footers(report.footer());
    }

    private void titleBlock(TableCanvas c, TableReport report) throws IOException {
        List<PdfFonts.Face> label = fonts.labelChain();
        for (String line : c.wrap(report.title(), label, TITLE, c.width())) {
            c.text("title", line, label, c.left(), c.y() - TITLE, TITLE);
            c.down(TITLE * LEADING);
        }
        c.down(1 * MM);
        float labelWidth = 0;
        for (TableReport.Field f : report.fields()) {
            labelWidth = Math.max(labelWidth, c.width(f.label(), label, FIELD));
        }
        float valueX = c.left() + labelWidth + 3 * MM;
        for (TableReport.Field f : report.fields()) {
            List<String> lines = c.wrap(f.value(), fonts.registerChain(), FIELD, c.left() + c.width() - valueX);
            c.text("field", f.label(), label, c.left(), c.y() - FIELD, FIELD);
            for (String line : lines) {
                c.text(f.label(), line, fonts.registerChain(), valueX, c.y() - FIELD, FIELD);
                c.down(FIELD * LEADING);
            }
        }
        c.down(2 * MM);
        c.rule();
        c.down(3 * MM);
    }

    /** A new page headed by the title in small type. */
    private void continuation(TableCanvas c, TableReport report) throws IOException {
        c.newPage();
        List<PdfFonts.Face> label = fonts.labelChain();
        c.text("title", report.title(), label, c.left(), c.y() - NOTE, NOTE);
        c.down(NOTE * LEADING + 1 * MM);
        c.rule();
        c.down(3 * MM);
    }

    private void note(TableCanvas c, TableReport report, String text) throws IOException {
        List<PdfFonts.Face> chain = fonts.textChain();
        for (String line : c.wrap(text, chain, NOTE, c.width())) {
            if (c.room() < NOTE * LEADING) {
                continuation(c, report);
            }
            c.text("note", line, chain, c.left(), c.y() - NOTE, NOTE);
            c.down(NOTE * LEADING);
        }
        c.down(2 * MM);
    }

    private void table(TableCanvas c, TableReport report, TableReport.Table table, List<Overflow> overflows)
            throws IOException {
        float body = report.landscape() ? 7.5f : 9.5f;
        float head = body - 0.5f;
        float[] widths = widths(c, table);
        List<List<String>> header = cells(c, table, null, head, widths);
        float headerHeight = height(header, head);
        boolean first = true;
        for (List<String> row : table.rows()) {
            List<List<String>> cells = cells(c, table, row, body, widths);
            float h = height(cells, body);
            float most = c.pageBody() - 30 * MM - headerHeight;
            if (h > most) {
                cells = cut(cells, body, most, row, overflows);
                h = height(cells, body);
            }
            if (first || c.room() < h) {
                boolean continued = !first;
                if (c.room() < (first ? captionHeight(table) : 0) + headerHeight + h) {
                    continuation(c, report);
                    continued = !first;
                }
                caption(c, table, continued);
                drawRow(c, table, header, head, widths, headerHeight, true);
                first = false;
            }
            drawRow(c, table, cells, body, widths, h, false);
        }
        if (first) { // no rows: the caption and header row, and nothing under them
            if (c.room() < captionHeight(table) + headerHeight) {
                continuation(c, report);
            }
            caption(c, table, false);
            drawRow(c, table, header, head, widths, headerHeight, true);
        }
        c.down(4 * MM);
    }

    private float captionHeight(TableReport.Table table) {
        return table.caption().isEmpty() ? 0 : CAPTION * LEADING + 1 * MM;
    }

    private void caption(TableCanvas c, TableReport.Table table, boolean continued) throws IOException {
        if (table.caption().isEmpty()) {
            return;
        }
        List<PdfFonts.Face> label = fonts.labelChain();
        c.text("caption", table.caption() + (continued ? "（続き）" : ""), label, c.left(), c.y() - CAPTION, CAPTION);
        c.down(CAPTION * LEADING + 1 * MM);
    }

    private static float[] widths(TableCanvas c, TableReport.Table table) {
        float total = 0;
        for (TableReport.Column col : table.columns()) {
            total += col.weight();
        }
        float[] widths = new float[table.columns().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = c.width() * table.columns().get(i).weight() / total;
        }
        return widths;
    }

    /** Each cell's lines, wrapped to its column ({@code row == null}: the header row). */
    private List<List<String>> cells(TableCanvas c, TableReport.Table table, List<String> row, float size,
            float[] widths) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            TableReport.Column col = table.columns().get(i);
            String text = row == null ? col.header() : row.get(i);
            out.add(c.wrap(text, chain(col, row == null), size, widths[i] - 2 * PAD));
        }
        return out;
    }

    private List<PdfFonts.Face> chain(TableReport.Column col, boolean header) {
        if (header) {
            return fonts.labelChain();
        }
        return col.names() ? fonts.registerChain() : fonts.textChain();
    }

    private static float height(List<List<String>> cells, float size) {
        int lines = 1;
        for (List<String> cell : cells) {
            lines = Math.max(lines, cell.size());
        }
        return lines * size * LEADING + 2 * PAD - (LEADING - 1) * size;
    }

    /** A row taller than a page: each cell keeps the lines that fit, the rest is reported. */
    private static List<List<String>> cut(List<List<String>> cells, float size, float most, List<String> row,
            List<Overflow> overflows) {
        int keep = Math.max(1, (int) ((most - 2 * PAD + (LEADING - 1) * size) / (size * LEADING)));
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            List<String> cell = cells.get(i);
            if (cell.size() > keep) {
                int printed = cell.subList(0, keep).stream().mapToInt(s -> s.codePointCount(0, s.length())).sum();
                overflows.add(new Overflow("column " + (i + 1), printed,
                        row.get(i).codePointCount(0, row.get(i).length())));
                out.add(cell.subList(0, keep));
            } else {
                out.add(cell);
            }
        }
        return out;
    }

    private void drawRow(TableCanvas c, TableReport.Table table, List<List<String>> cells, float size,
            float[] widths, float h, boolean header) throws IOException {
        float x = c.left();
        float top = c.y();
        for (int i = 0; i < widths.length; i++) {
            TableReport.Column col = table.columns().get(i);
            c.box(x, top, widths[i], h, header);
            List<PdfFonts.Face> chain = chain(col, header);
            float baseline = top - PAD - size * 0.88f;
            for (String line : cells.get(i)) {
                float w = c.width(line, chain, size);
                TableReport.Align align = header ? TableReport.Align.CENTER : col.align();
                float tx = switch (align) {
                    case LEFT -> x + PAD;
                    case RIGHT -> x + widths[i] - PAD - w;
                    case CENTER -> x + (widths[i] - w) / 2;
                };
                c.text(header ? "header" : col.header(), line, chain, tx, baseline, size);
                baseline -= size * LEADING;
            }
            x += widths[i];
        }
        c.down(h);
    }
}
