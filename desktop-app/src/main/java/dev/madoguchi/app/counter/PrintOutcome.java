package dev.madoguchi.app.counter;

/**
 * Where one form was printed.
 *
 * @param where the printer's name, or the file the PDF was written to
 */
public record PrintOutcome(String formId, String where, int pages, boolean toFile) {}
