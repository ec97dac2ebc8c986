package dev.madoguchi.app;

import java.nio.file.Path;

/**
 * Points Logback's rolling file at the data directory ({@code --data-dir}, else {@code $MADOGUCHI_HOME}, else the
 * user's data directory) before the first logger is created ({@code logback.xml} reads {@code madoguchi.logDir}
 * once, when Logback starts). An explicit {@code -Dmadoguchi.logDir} wins. Nothing personal is ever logged; the file pattern masks 12-digit runs as a
 * second line of defence (logging/MaskingMessageConverter).
 */
final class Logging {

    static final String LOG_DIR_PROPERTY = "madoguchi.logDir";

    private Logging() {}

    static void configure(Path logDirectory) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, logDirectory.toAbsolutePath().toString());
        }
    }

    /**
     * The value of {@code --data-dir} (or {@code --data-dir=DIR}) anywhere on the command line before {@code --}, the
     * last one winning as in picocli; null when there is none or it is not a path (picocli then reports it).
     */
    static Path dataDirectoryOption(String[] args) {
        String value = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                value = args[++i];
            } else if (args[i].startsWith("--data-dir=")) {
                value = args[i].substring("--data-dir=".length());
            }
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    static Path currentLogFile() {
        String dir = System.getProperty(LOG_DIR_PROPERTY);
        return dir == null ? Path.of("madoguchi.log") : Path.of(dir, "madoguchi.log");
    }
}
