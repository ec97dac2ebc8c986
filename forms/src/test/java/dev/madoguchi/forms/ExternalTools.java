package dev.madoguchi.forms;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.pdf.PdfFonts;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Independent tools (poppler-utils, zbar-tools) and the Debian fonts the tests use. Under {@code ./run-tests}
 * ({@code MADOGUCHI_PCSCD=required}) a missing one fails the test with the package to install; elsewhere the test is
 * skipped.
 */
public final class ExternalTools {

    private static PdfFonts fonts;

    private ExternalTools() {
    }

    public static void require(String tool, String debianPackage) {
        boolean present = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, tool).canExecute()) {
                present = true;
                break;
            }
        }
        missing(present, tool + " (Debian package " + debianPackage + ")");
    }

    /** The system fonts, parsed once for the whole test run. */
    public static synchronized PdfFonts fonts() {
        FontFiles files = FontFiles.debian();
        missing(files.firstMissing() == null, "font " + files.firstMissing()
                + " (Debian packages fonts-ipamj-mincho fonts-ipaexfont)");
        if (fonts == null) {
            fonts = PdfFonts.load(files);
        }
        return fonts;
    }

    private static void missing(boolean present, String what) {
        if (present) {
            return;
        }
        if ("required".equals(System.getenv("MADOGUCHI_PCSCD"))) {
            fail(what + " is missing but MADOGUCHI_PCSCD=required: install it (./run-tests does)");
        }
        assumeTrue(false, what + " is not installed; skipped outside ./run-tests");
    }

    /** Runs a tool and returns its standard output; fails the test on a non-zero exit. */
    public static String run(String... command) throws IOException, InterruptedException {
        return run(0, command);
    }

    public static String run(int expectedExit, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(false).start();
        List<String> err = new ArrayList<>();
        byte[] out;
        try (InputStream in = process.getInputStream(); InputStream errIn = process.getErrorStream()) {
            out = in.readAllBytes();
            err.add(new String(errIn.readAllBytes(), StandardCharsets.UTF_8));
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        if (process.exitValue() != expectedExit) {
            fail(String.join(" ", command) + " exited " + process.exitValue() + ": " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }


}
