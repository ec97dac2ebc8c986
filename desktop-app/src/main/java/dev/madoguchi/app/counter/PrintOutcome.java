package dev.madoguchi.app.counter;

import java.time.Instant;

/**
 * Where and when one form was printed.
 *
 * @param where the printer's name, or the file the PDF was written to (named by form id and time: nothing personal)
 * @param printedAt when the print was handed to the printer or written (its audit row says it, also when the case is
 *     stored later, after an interruption)
 * @param reprint whether the visit's forms had been printed before (a visit resumed after printing and printed again)
 */
public record PrintOutcome(String formId, String where, int pages, boolean toFile, Instant printedAt,
        boolean reprint) {

    /** The same print, marked as a reprint. */
    public PrintOutcome asReprint() {
        return new PrintOutcome(formId, where, pages, toFile, printedAt, true);
    }
}
