package dev.madoguchi.app.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.forms.definition.Box;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the tests read back from the PDFs the application writes: their text through poppler's {@code pdftotext} (the
 * whole document, or what lies inside a field's box), the output of poppler's other tools ({@code pdffonts}), and how
 * many PDFs a folder holds (a print queue's output folder). A tool that fails or hangs fails the test.
 */
public final class PdfProbe {

    private PdfProbe() {
    }

    /**
     * What a test needs from the machine (poppler's tools, the Debian fonts): under ./run-tests, which installs it
     * ({@code MADOGUCHI_PCSCD=required}), its absence fails the test; elsewhere the test is skipped and says why.
     */
    public static void require(boolean present, String what) {
        if (!present && "required".equals(System.getenv("MADOGUCHI_PCSCD"))) {
            throw new AssertionError(what + " missing, but ./run-tests installs it");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present, what + " not installed");
    }

    /** Whether the poppler tool (pdftotext, pdffonts) is on the PATH. */
    public static boolean installed(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> new File(d, tool).canExecute());
    }

    /** Runs the tool; it must end within 60 s with exit code 0. Returns what it wrote to its standard output. */
    public static String tool(String... command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("poppler", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " ends").isTrue();
            assertThat(p.exitValue()).as(String.join(" ", command) + ": " + Files.readString(errors)).isZero();
            return out;
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** The text of the whole PDF as {@code pdftotext -layout} lays it out (UTF-8). */
    public static String text(Path pdf) throws IOException, InterruptedException {
        return tool("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-");
    }

    /** The text without spaces: pdftotext writes gaps as spaces, an ideographic space as one or more of them. */
    public static String textWithoutSpaces(Path pdf) throws IOException, InterruptedException {
        return text(pdf).replaceAll("[ \\u3000]+", "");
    }

    /** What pdftotext reads inside a box (in mm, on its page) of the PDF, with every space and page break left out. */
    public static String textIn(Path pdf, Box box) throws IOException, InterruptedException {
        double pt = 72 / 25.4;
        return tool("pdftotext", "-f", String.valueOf(box.page()), "-l", String.valueOf(box.page()),
                "-x", String.valueOf((int) Math.floor(box.x() * pt)), "-y", String.valueOf((int) Math.floor(box.y() * pt)),
                "-W", String.valueOf((int) Math.ceil(box.w() * pt)), "-H", String.valueOf((int) Math.ceil(box.h() * pt)),
                "-enc", "UTF-8", pdf.toString(), "-").replaceAll("[\\s\\u3000\\f]+", "");
    }

    /** How many PDF files the folder holds (0 when it does not exist). */
    public static long pdfFilesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".pdf")).count();
        }
    }
}
