package dev.madoguchi.forms.print;

/** What was handed to the print service: the printer, the copies and the pages of one copy. */
public record PrintJobReport(String printer, int copies, int pages) {
}
