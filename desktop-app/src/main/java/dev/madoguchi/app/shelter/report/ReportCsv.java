package dev.madoguchi.app.shelter.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The daily report's lines as a one-column CSV, UTF-8 with a BOM so that spreadsheets open it in the right code. */
final class ReportCsv {

    private ReportCsv() {
    }

    static void write(Path file, List<String> lines) {
        StringBuilder b = new StringBuilder("\uFEFF");
        for (String line : lines) {
            b.append('"').append(line.replace("\"", "\"\"")).append("\"\r\n");
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the report could not be written", e);
        }
    }
}
