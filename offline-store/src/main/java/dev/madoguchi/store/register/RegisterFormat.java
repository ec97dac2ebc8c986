package dev.madoguchi.store.register;

import java.io.Reader;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/** The register snapshot formats of docs/howto/import-a-register.md. */
public enum RegisterFormat {
    /** RFC 4180 CSV with a header row ({@code .csv}). */
    CSV,
    /** One JSON object per line ({@code .jsonl}, {@code .ndjson}). */
    JSON_LINES;

    /** The format a file name's extension says, if it says one. */
    public static Optional<RegisterFormat> byExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSON_LINES);
        }
        return Optional.empty();
    }

    /** Reads the snapshot; the header (CSV) or first record (JSON lines) is checked at once. */
    public Iterator<RegisterEntry> reader(Reader in) {
        return this == CSV ? new RegisterCsv(in) : new RegisterJsonLines(in);
    }
}
