package dev.madoguchi.app.volunteer;

import dev.madoguchi.app.counter.PrintDestination;
import dev.madoguchi.app.counter.PreviewPages;
import dev.madoguchi.card.checkup.CheckUp;
import dev.madoguchi.forms.print.FormPrinter;
import dev.madoguchi.forms.print.PrintJobReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The takeaway sheet rendered for its preview and printed as the counter prints (docs/adr/0013): to a printer of the
 * system at 100 % on A4, or as a PDF file into a folder when the computer has no printer. The job and the file are
 * named by the time only. Synchronous, the {@code background} lane.
 */
public final class SheetOutput {

    /** A rendered sheet: the PDF printed and its pages as PNG images for the preview. */
    public record Sheet(byte[] pdf, List<byte[]> pagePngs) {
        public Sheet {
            pagePngs = List.copyOf(pagePngs);
        }

        @Override
        public String toString() {
            return "Sheet[" + pdf.length + " bytes, " + pagePngs.size() + " pages]";
        }
    }

    private final TakeawaySheet sheets;
    private final FormPrinter printer;
    private final Clock clock;

    public SheetOutput(TakeawaySheet sheets, FormPrinter printer, Clock clock) {
        this.sheets = sheets;
        this.printer = printer;
        this.clock = clock;
    }

    public boolean available() {
        return sheets.available();
    }

    /** Renders the sheet and its preview. */
    public Sheet render(CheckUp checkUp, String language) throws Exception {
        return render(checkUp, language, java.util.Map.of());
    }

    /** As {@link #render(CheckUp, String)} with the resident's answers to the advice table's questions. */
    public Sheet render(CheckUp checkUp, String language, java.util.Map<String, String> answers) throws Exception {
        byte[] pdf = sheets.pdf(checkUp, language, answers);
        List<byte[]> pages = PreviewPages.of(pdf);
        return new Sheet(pdf, pages);
    }

    /** Prints the sheet once; returns where it went (a printer's name or the file written). */
    public String print(Sheet sheet, PrintDestination destination) {
        String name = "madoguchi-checkup-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(clock.instant().atZone(clock.getZone()));
        if (destination instanceof PrintDestination.Folder folder) {
            try {
                Files.createDirectories(folder.directory());
                Path file = folder.directory().resolve(name + ".pdf");
                Files.write(file, sheet.pdf());
                return file.toString();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the sheet to " + folder.directory(), e);
            }
        }
        String printerName = destination instanceof PrintDestination.Printer p ? p.name() : null;
        PrintJobReport job = printer.print(sheet.pdf(), printerName, 1, name);
        return job.printer();
    }
}
