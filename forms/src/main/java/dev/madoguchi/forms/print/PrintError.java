package dev.madoguchi.forms.print;

/** Why a form was not printed; the codes are stable and appear in {@code form print}'s output. */
public enum PrintError {
    /** the operating system knows no printer at all */
    NO_PRINTER("PRINT-001", "no printer is installed; add one in the operating system's printer settings"),
    /** no printer has the name asked for */
    UNKNOWN_PRINTER("PRINT-002", "no printer has this name; choose one of the installed printers"),
    /** the print service did not accept the job (stopped queue, refused attributes, spooler failure) */
    REFUSED("PRINT-003", "the printer did not accept the job; check that it is switched on and its queue is enabled"),
    /** the bytes are not a PDF that can be read */
    BAD_DOCUMENT("PRINT-004", "the document is not a readable PDF; render the form again"),
    /** copies outside 1–99 */
    BAD_COPIES("PRINT-005", "the number of copies must be between 1 and 99"),
    /** there are printers but none is the default and no name was given */
    NO_DEFAULT_PRINTER("PRINT-006", "there is no default printer; choose one of the installed printers by name");

    private final String code;
    private final String description;

    PrintError(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
