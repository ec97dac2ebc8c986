package dev.madoguchi.forms.print;

/** A form that was not printed, with the typed reason and a detail (for example the known printers). */
public final class FormPrintException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final PrintError error;

    public FormPrintException(PrintError error, String detail) {
        this(error, detail, null);
    }

    public FormPrintException(PrintError error, String detail, Throwable cause) {
        super(error.code() + " " + error.description() + (detail == null || detail.isEmpty() ? "" : ": " + detail),
                cause);
        this.error = error;
    }

    public PrintError error() {
        return error;
    }
}
