package dev.madoguchi.forms.print;

import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.Copies;
import javax.print.attribute.standard.JobName;
import javax.print.attribute.standard.MediaSizeName;
import javax.print.attribute.standard.OrientationRequested;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.Orientation;
import org.apache.pdfbox.printing.PDFPageable;

/**
 * Prints rendered forms through the operating system's print service ({@code javax.print}; CUPS on Linux and macOS,
 * the spooler on Windows). Pages go out at 100 % on A4: PDFBox's {@link PDFPageable} takes the paper size from the
 * page (the forms are A4) and never shrinks to fit. Synchronous: {@link #print} returns once the job is spooled.
 */
public final class FormPrinter {

    public static final int MAX_COPIES = 99;

    /** The installed printers, default first, then by name. */
    public List<PrinterInfo> printers() {
        PrintService defaultService = PrintServiceLookup.lookupDefaultPrintService();
        String defaultName = defaultService == null ? null : defaultService.getName();
        return Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null))
                .map(s -> new PrinterInfo(s.getName(), s.getName().equals(defaultName)))
                .distinct()
                .sorted(Comparator.comparing((PrinterInfo p) -> !p.isDefault()).thenComparing(PrinterInfo::name))
                .toList();
    }

    /** Prints a PDF file; see {@link #print(byte[], String, int, String)}. */
    public PrintJobReport print(Path pdf, String printerName, int copies) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(pdf);
        } catch (IOException e) {
            throw new FormPrintException(PrintError.BAD_DOCUMENT, pdf + ": " + e.getMessage(), e);
        }
        return print(bytes, printerName, copies, String.valueOf(pdf.getFileName()));
    }

    /**
     * Prints a rendered PDF.
     *
     * @param printerName the printer's name as {@link #printers()} lists it, or {@code null} for the default printer
     * @param copies 1–99
     * @param jobName shown in the printer's queue; never put personal data into it
     * @throws FormPrintException with a {@link PrintError} a person can act on
     */
    public PrintJobReport print(byte[] pdf, String printerName, int copies, String jobName) {
        Objects.requireNonNull(pdf, "pdf");
        if (copies < 1 || copies > MAX_COPIES) {
            throw new FormPrintException(PrintError.BAD_COPIES, "asked for " + copies);
        }
        PrintService service = choose(printerName);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setPrintService(service);
            job.setJobName(jobName == null ? "madoguchi" : jobName);
            // AUTO orientation, no border, the PDF's own resolution, centred: actual size on the page's paper (A4).
            // Copies are laid out here, collated, as one job: the JDK's CUPS path (PostScript through lpr) loses the
            // Copies attribute, so asking the spooler for copies would print one.
            job.setPageable(new CollatedCopies(new PDFPageable(document, Orientation.AUTO, false, 0, true), copies));
            PrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
            attributes.add(new Copies(1));
            attributes.add(MediaSizeName.ISO_A4);
            attributes.add(OrientationRequested.PORTRAIT);
            attributes.add(new JobName(job.getJobName(), Locale.ROOT));
            job.print(attributes);
            return new PrintJobReport(service.getName(), copies, document.getNumberOfPages());
        } catch (IOException e) {
            throw new FormPrintException(PrintError.BAD_DOCUMENT, e.getMessage(), e);
        } catch (PrinterException e) {
            throw new FormPrintException(PrintError.REFUSED, service.getName() + ": " + rootMessage(e), e);
        }
    }

    private PrintService choose(String printerName) {
        PrintService[] services = PrintServiceLookup.lookupPrintServices(null, null);
        if (services.length == 0) {
            throw new FormPrintException(PrintError.NO_PRINTER, null);
        }
        if (printerName == null || printerName.isBlank()) {
            PrintService defaultService = PrintServiceLookup.lookupDefaultPrintService();
            if (defaultService != null) {
                return defaultService;
            }
            if (services.length == 1) {
                return services[0];
            }
            throw new FormPrintException(PrintError.NO_DEFAULT_PRINTER, "installed: " + names(services));
        }
        for (PrintService service : services) {
            if (service.getName().equals(printerName)) {
                return service;
            }
        }
        for (PrintService service : services) {
            if (service.getName().equalsIgnoreCase(printerName)) {
                return service;
            }
        }
        throw new FormPrintException(PrintError.UNKNOWN_PRINTER,
                "'" + printerName + "'; installed: " + names(services));
    }

    /** The deepest cause's message: the JDK wraps the spooler's failure (for example a missing lpr) in empty ones. */
    private static String rootMessage(Throwable e) {
        String message = String.valueOf(e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message;
    }

    private static String names(PrintService[] services) {
        return String.join(", ", Arrays.stream(services).map(PrintService::getName).sorted().distinct().toList());
    }
}
