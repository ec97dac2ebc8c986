package dev.madoguchi.app.shelter.roster;

import dev.madoguchi.app.counter.CounterError;
import dev.madoguchi.app.counter.CounterException;
import dev.madoguchi.app.shelter.ShelterRecords;
import dev.madoguchi.app.shelter.report.ReportPrinting;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.forms.pdf.RenderReport;
import dev.madoguchi.forms.shelter.ShelterDocuments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The roster and the 安否情報 answer list written from the application, by the code {@code madoguchi shelter roster}
 * uses: the rows of {@link RosterRows} (consent applied for the answer list), the CSV in 様式第1号 order (with or
 * without a byte-order mark), the PDF of {@code forms.shelter.ShelterDocuments} with the report's fonts, and the audit
 * entry the command writes. Three steps for three lanes: {@link #rows} and {@link #audit} on {@code store-writer},
 * {@link #write} on {@code background}. Synchronous, no JavaFX.
 */
public final class RosterExport {

    /** What to write: the staff roster or the answer list, as CSV (with or without BOM) or PDF. */
    public record Request(Shelter shelter, boolean safetyAnswers, boolean pdf, boolean bom, Path file) {}

    /** What was written: rows, PDF pages (0 for CSV) and characters no font has (printed as a gap). */
    public record Written(Path file, int rows, int pages, int missingGlyphs) {}

    private final ShelterRecords records;
    private volatile ReportPrinting printing;

    /** Without a PDF renderer only CSV is offered ({@link #printingWith}). */
    public RosterExport(ShelterRecords records) {
        this.records = records;
    }

    /** Renders the PDF with the daily report's fonts ({@code null}: only CSV). */
    public RosterExport printingWith(ReportPrinting renderer) {
        this.printing = renderer;
        return this;
    }

    public boolean pdfOffered() {
        return printing != null;
    }

    /** The rows of who is present now, in 様式第1号 order (store-writer lane). */
    public List<List<String>> rows(Request request) {
        return RosterRows.rows(request.shelter(), records.present(request.shelter().id()).people(),
                request.safetyAnswers());
    }

    /** Writes the rows to the request's file, whole or not at all (background lane). */
    public Written write(Request request, List<List<String>> rows) {
        byte[] bytes;
        int pages = 0;
        int missing = 0;
        ReportPrinting printing = this.printing;
        if (request.pdf()) {
            if (printing == null) {
                throw new IllegalStateException("no PDF renderer");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RenderReport report = printing.render(ShelterDocuments.roster(request.shelter(), request.shelter().id(),
                    RosterRows.HEADER, rows, request.safetyAnswers(), printing.madeAt()), out);
            bytes = out.toByteArray();
            pages = report.pages();
            missing = report.missingGlyphs().size();
        } else {
            StringWriter csv = new StringWriter();
            try {
                RosterRows.writeCsv(csv, rows, request.bom());
            } catch (IOException e) {
                throw new IllegalStateException("a string writer does not fail", e);
            }
            bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        }
        writeAtomically(request.file(), bytes);
        return new Written(request.file(), rows.size(), pages, missing);
    }

    /** Audits the export as the command does: who, what, how many rows (store-writer lane). */
    public void audit(Request request, Written written) {
        records.recordExport(request.shelter().id(), RosterRows.audited(request.safetyAnswers(), request.pdf()),
                written.rows());
    }

    private static void writeAtomically(Path file, byte[] bytes) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".roster", ".part");
            try {
                Files.write(temp, bytes);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new CounterException(CounterError.EXPORT_FILE, "cannot write the roster: " + e, e);
        }
    }
}
