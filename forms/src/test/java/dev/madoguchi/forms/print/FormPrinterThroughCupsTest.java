package dev.madoguchi.forms.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.demo.Resident;
import dev.madoguchi.forms.DemoInputs;
import dev.madoguchi.forms.ExternalTools;
import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.pdf.FormPdfService;
import dev.madoguchi.forms.prefill.FilledForm;
import dev.madoguchi.forms.prefill.Prefiller;
import dev.madoguchi.forms.qr.QrCodec;
import dev.madoguchi.forms.qr.QrPayload;
import dev.madoguchi.forms.qr.QrScanner;
import dev.madoguchi.forms.qr.TerminalKey;
import dev.madoguchi.forms.qr.TrustedKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints through the real CUPS that {@code ./run-tests} starts, to a cups-pdf queue ({@code MADOGUCHI_CUPS_QUEUE})
 * that writes each job as a PDF into {@code MADOGUCHI_CUPS_PDF_DIR}; the output is checked with poppler-utils.
 * Under {@code ./run-tests} ({@code MADOGUCHI_PCSCD=required}) these tests must run; elsewhere they are skipped.
 */
class FormPrinterThroughCupsTest {

    @TempDir
    Path dir;

    private final FormPrinter printer = new FormPrinter();

    private static String queue() {
        String queue = System.getenv("MADOGUCHI_CUPS_QUEUE");
        String outDir = System.getenv("MADOGUCHI_CUPS_PDF_DIR");
        if (queue == null || queue.isBlank() || outDir == null || outDir.isBlank()) {
            if ("required".equals(System.getenv("MADOGUCHI_PCSCD"))) {
                fail("MADOGUCHI_CUPS_QUEUE / MADOGUCHI_CUPS_PDF_DIR are not set under ./run-tests");
            }
            assumeTrue(false, "no CUPS queue (MADOGUCHI_CUPS_QUEUE); skipped outside ./run-tests");
        }
        return queue;
    }

    private static final TerminalKey KEY = TerminalKey.generate();

    private static Resident resident() {
        return DemoInputs.cardHolder(n -> n.startsWith("𠮷"));
    }

    private static byte[] renderedTennyu() {
        Resident r = resident();
        FilledForm form = new Prefiller().fill(FormCatalog.builtIn().get("jumin-ido"), "tennyu",
                DemoInputs.input(r, DemoInputs.fullInterview()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FormPdfService(ExternalTools.fonts(), new QrCodec(), KEY)
                .render(form, Instant.parse("2026-11-23T01:02:03Z"), out);
        return out.toByteArray();
    }

    private static Set<Path> pdfsIn(Path outDir) throws IOException {
        if (!Files.isDirectory(outDir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(outDir)) {
            return new HashSet<>(files.filter(f -> f.getFileName().toString().endsWith(".pdf")).toList());
        }
    }

    @Test
    void theQueueIsListedAmongTheInstalledPrinters() {
        String queue = queue();
        assertThat(printer.printers()).extracting(PrinterInfo::name).contains(queue);
    }

    /**
     * What cups-pdf gives back: the JDK sends PostScript with the glyphs as outlines, Ghostscript makes a PDF without a
     * text layer (pdftotext finds nothing), so the content is checked through the signed QR code, which survives the
     * print path only if nothing was shrunk or cut: it must decode and verify, and carry the name with 𠮷.
     */
    @Test
    void aTennyuPrintedTwiceComesOutOfCupsPdfAsTwoFullSizeA4PagesWithAVerifiableQrCode() throws Exception {
        String queue = queue();
        ExternalTools.require("pdfinfo", "poppler-utils");
        Path outDir = Path.of(System.getenv("MADOGUCHI_CUPS_PDF_DIR"));
        byte[] pdf = renderedTennyu();
        String jobName = "madoguchi-test-" + UUID.randomUUID().toString().substring(0, 8);
        Set<Path> before = pdfsIn(outDir);

        PrintJobReport report = printer.print(pdf, queue, 2, jobName);
        assertThat(report).isEqualTo(new PrintJobReport(queue, 2, 1));

        Path printed = awaitNewPdf(outDir, before, jobName);
        String info = ExternalTools.run("pdfinfo", printed.toString());
        // 2 collated copies of a one-page form, each an A4 page
        assertThat(info).containsPattern("Pages:\\s+2\\b").contains("(A4)");
        List<String> parts = new QrScanner().scan(printed).stream().distinct().toList();
        assertThat(parts).as("QR texts in the printed PDF").isNotEmpty();
        QrPayload payload = new QrCodec().verify(parts,
                List.of(TrustedKey.of("test", KEY.publicKey(), Instant.parse("2100-01-01T00:00:00Z"))));
        assertThat(payload.formId()).isEqualTo("jumin-ido");
        assertThat(payload.values().get("movers.1.name")).startsWith(resident().familyName()).startsWith("𠮷");
    }

    private static Path awaitNewPdf(Path outDir, Set<Path> before, String jobName) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (Path candidate : pdfsIn(outDir)) {
                if (!before.contains(candidate) && candidate.getFileName().toString().contains(jobName)) {
                    long size = Files.size(candidate);
                    Thread.sleep(300);
                    if (size > 0 && size == Files.size(candidate)) {
                        return candidate;
                    }
                }
            }
            Thread.sleep(250);
        }
        List<Path> now = List.copyOf(pdfsIn(outDir));
        return fail("no PDF for job " + jobName + " appeared in " + outDir + " within 60 s; there: " + now);
    }

    @Test
    void anUnknownPrinterNameIsATypedErrorNamingTheInstalledPrinters() {
        String queue = queue();
        assertThatThrownBy(() -> printer.print(new byte[] {'%'}, "NoSuchPrinter", 1, "x"))
                .isInstanceOfSatisfying(FormPrintException.class,
                        e -> assertThat(e.error()).isEqualTo(PrintError.UNKNOWN_PRINTER))
                .hasMessageStartingWith("PRINT-002").hasMessageContaining("'NoSuchPrinter'").hasMessageContaining(queue);
    }

    @Test
    void copiesOutsideOneToNinetyNineAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> printer.print(new byte[0], null, 0, "x")).isInstanceOfSatisfying(
                FormPrintException.class, e -> assertThat(e.error()).isEqualTo(PrintError.BAD_COPIES));
        assertThatThrownBy(() -> printer.print(new byte[0], null, 100, "x")).hasMessageStartingWith("PRINT-005");
    }

    @Test
    void bytesThatAreNotAPdfAreATypedError() {
        String queue = queue();
        assertThatThrownBy(() -> printer.print("not a pdf".getBytes(), queue, 1, "x")).isInstanceOfSatisfying(
                FormPrintException.class, e -> assertThat(e.error()).isEqualTo(PrintError.BAD_DOCUMENT));
    }
}
