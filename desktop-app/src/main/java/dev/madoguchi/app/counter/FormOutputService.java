package dev.madoguchi.app.counter;

import dev.madoguchi.app.keys.SigningKeySource;
import dev.madoguchi.app.keys.TerminalKeyException;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.pdf.FormPdfService;
import dev.madoguchi.forms.pdf.PdfFonts;
import dev.madoguchi.forms.pdf.RenderReport;
import dev.madoguchi.forms.print.FormPrinter;
import dev.madoguchi.forms.print.PrintJobReport;
import dev.madoguchi.forms.qr.QrCodec;
import dev.madoguchi.forms.qr.TerminalKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Renders the visit's forms to PDF with the signed QR code and prints them: to a printer at 100 % on A4, or as PDF
 * files into a folder. The fonts are parsed once, on the first render. Synchronous; the {@code background} lane.
 * File names carry the form id and a counter, never personal data.
 */
public final class FormOutputService implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final FontFiles fontFiles;
    private final SigningKeySource keys;
    private final FormPrinter printer;
    private final Clock clock;
    private final AtomicInteger sequence = new AtomicInteger();
    private PdfFonts fonts;

    /** @param keys the terminal's signing key, asked for each form (the sealed key of the signed-in store) */
    public FormOutputService(FontFiles fontFiles, SigningKeySource keys, FormPrinter printer, Clock clock) {
        this.fontFiles = fontFiles;
        this.keys = keys;
        this.printer = printer;
        this.clock = clock;
    }

    /** With a plain key file, created on first use: for tests only (the terminal's key is sealed, docs/adr/0025). */
    FormOutputService(FontFiles fontFiles, Path keyFile, FormPrinter printer, Clock clock) {
        this(fontFiles, () -> {
            try {
                return TerminalKey.loadOrCreate(keyFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, printer, clock);
    }

    /** Renders a form that has no validation errors. */
    public synchronized RenderedForm render(VisitForm form) {
        if (!form.printable()) {
            throw new CounterException(CounterError.NOT_PRINTABLE, "form " + form.formId() + " has errors", null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderReport report = service().render(form.filled(), clock.instant(), out);
        byte[] pdfBytes = out.toByteArray();
        return new RenderedForm(form, pdfBytes, report, PreviewPages.of(pdfBytes));
    }

    /** Prints one rendered form, one copy. */
    public PrintOutcome print(RenderedForm rendered, PrintDestination destination) {
        String formId = rendered.form().formId();
        if (destination instanceof PrintDestination.Folder folder) {
            try {
                Files.createDirectories(folder.directory());
                Path file = folder.directory().resolve(formId + "-" + STAMP.format(clock.instant().atZone(clock.getZone()))
                        + "-" + sequence.incrementAndGet() + ".pdf");
                Path temp = Files.createTempFile(folder.directory(), ".print", ".pdf");
                Files.write(temp, rendered.pdf());
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new PrintOutcome(formId, file.toString(), rendered.report().pages(), true, clock.instant(), false);
            } catch (IOException e) {
                throw new CounterException(CounterError.PRINT_FOLDER, "cannot write to the print folder: " + e, e);
            }
        }
        String name = ((PrintDestination.Printer) destination).name();
        // the job name shows in the printer's queue: the form id only, never personal data
        PrintJobReport job = printer.print(rendered.pdf(), name, 1, "madoguchi " + formId);
        return new PrintOutcome(formId, job.printer(), job.pages(), false, clock.instant(), false);
    }

    /** A renderer with the fonts (parsed once) and the signing key of the signed-in store (asked each time). */
    private FormPdfService service() {
        if (fonts == null) {
            Path missing = fontFiles.firstMissing();
            if (missing != null) {
                throw new CounterException(CounterError.FONTS_MISSING, "font file missing: " + missing, null);
            }
        }
        TerminalKey key;
        try {
            key = keys.signingKey();
        } catch (TerminalKeyException | UncheckedIOException e) {
            throw new CounterException(CounterError.SIGNING_KEY, "terminal key: " + e.getMessage(), e);
        }
        if (fonts == null) {
            fonts = PdfFonts.load(fontFiles);
        }
        return new FormPdfService(fonts, new QrCodec(), key);
    }

    @Override
    public synchronized void close() {
        if (fonts != null) {
            fonts.close();
            fonts = null;
        }
    }
}
