package dev.madoguchi.app.shelter.report;

import dev.madoguchi.app.counter.CounterError;
import dev.madoguchi.app.counter.CounterException;
import dev.madoguchi.app.counter.PreviewPages;
import dev.madoguchi.app.counter.PrintDestination;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.ShelterReport;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.pdf.PdfFonts;
import dev.madoguchi.forms.pdf.RenderReport;
import dev.madoguchi.forms.pdf.TableReport;
import dev.madoguchi.forms.pdf.TableReportRenderer;
import dev.madoguchi.forms.print.FormPrinter;
import dev.madoguchi.forms.print.PrintJobReport;
import dev.madoguchi.forms.shelter.ShelterDocuments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

/**
 * The daily report printed as the counter prints its forms: rendered to an A4 PDF with the forms' fonts
 * ({@code forms.pdf.TableReportRenderer}, the same document as {@code madoguchi shelter report --pdf}), shown as
 * preview pages, then sent to a printer of the system at 100 % or written as a PDF file into a folder when the computer
 * has no printer. The fonts are parsed once, on the first render. The job and the file are named by shelter, day and
 * time, never by a person. Synchronous; the {@code background} lane.
 */
public final class ReportPrinting implements AutoCloseable {

    /** A rendered report: the PDF printed and its pages as PNG images for the preview. */
    public record Rendered(String shelterId, String day, byte[] pdf, List<byte[]> pagePngs, RenderReport report) {
        public Rendered {
            pagePngs = List.copyOf(pagePngs);
        }

        @Override
        public String toString() {
            return "Rendered[" + shelterId + " " + day + ", " + pdf.length + " bytes, " + pagePngs.size() + " pages]";
        }
    }

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter MADE_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final FontFiles fontFiles;
    private final FormPrinter printer;
    private final Supplier<PrintDestination> destination;
    private final Clock clock;
    private PdfFonts fonts;

    /** @param destination where a print goes (may ask the print service: called on the background lane) */
    public ReportPrinting(FontFiles fontFiles, FormPrinter printer, Supplier<PrintDestination> destination,
            Clock clock) {
        this.fontFiles = fontFiles;
        this.printer = printer;
        this.destination = destination;
        this.clock = clock;
    }

    /** @param shelter the shelter's record ({@code null}: its id is printed) */
    public synchronized Rendered render(ShelterReport report, Shelter shelter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderReport result = new TableReportRenderer(fonts()).render(ShelterDocuments.dailyReport(report, shelter,
                madeAt()), out);
        byte[] pdf = out.toByteArray();
        return new Rendered(report.shelterId(), report.date().toString(), pdf, PreviewPages.of(pdf), result);
    }

    /** Another shelter document (the roster) as A4 PDF bytes with the same fonts; {@code out} receives them. */
    public synchronized RenderReport render(TableReport document, java.io.OutputStream out) {
        return new TableReportRenderer(fonts()).render(document, out);
    }

    /** When a document is made, as printed on it (Japan time). */
    public String madeAt() {
        return MADE_AT.format(clock.instant().atZone(JAPAN));
    }

    private PdfFonts fonts() {
        if (fonts == null) {
            Path missing = fontFiles.firstMissing();
            if (missing != null) {
                throw new CounterException(CounterError.FONTS_MISSING, "font file missing: " + missing, null);
            }
            fonts = PdfFonts.load(fontFiles);
        }
        return fonts;
    }

    /** Prints the report once; returns where it went (a printer's name or the file written). */
    public String print(Rendered rendered) {
        String name = "daily-report-" + rendered.shelterId() + "-" + rendered.day() + "-"
                + STAMP.format(clock.instant().atZone(JAPAN));
        PrintDestination where = destination.get();
        if (where instanceof PrintDestination.Folder folder) {
            try {
                Files.createDirectories(folder.directory());
                Path file = folder.directory().resolve(name + ".pdf");
                Path temp = Files.createTempFile(folder.directory(), ".print", ".pdf");
                Files.write(temp, rendered.pdf());
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return file.toString();
            } catch (IOException e) {
                throw new CounterException(CounterError.PRINT_FOLDER, "cannot write to the print folder: " + e, e);
            }
        }
        String printerName = where instanceof PrintDestination.Printer p ? p.name() : null;
        PrintJobReport job = printer.print(rendered.pdf(), printerName, 1, "madoguchi " + name);
        return job.printer();
    }

    @Override
    public synchronized void close() {
        if (fonts != null) {
            fonts.close();
            fonts = null;
        }
    }
}
