package dev.madoguchi.app.counter;

import java.nio.file.Path;

/** Where printed forms go: a printer of the operating system, or a folder of PDF files (demo, tests, no printer). */
public sealed interface PrintDestination {

    /** @param name the printer's name, or null for the default printer */
    record Printer(String name) implements PrintDestination {}

    record Folder(Path directory) implements PrintDestination {}
}
