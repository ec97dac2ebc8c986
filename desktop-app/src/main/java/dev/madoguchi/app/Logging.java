package dev.madoguchi.app;

import java.nio.file.Path;

/**
 * Points Logback's rolling file at the data directory before the first logger is created ({@code logback.xml}
 * reads {@code madoguchi.logDir}). Nothing personal is ever logged; the file pattern masks 12-digit runs as a
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

    static Path currentLogFile() {
        String dir = System.getProperty(LOG_DIR_PROPERTY);
        return dir == null ? Path.of("madoguchi.log") : Path.of(dir, "madoguchi.log");
    }
}
