package dev.madoguchi.forms.qr;

/** A QR payload that was not accepted, with the typed reason. */
public final class QrVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final QrError error;

    public QrVerificationException(QrError error, String detail) {
        this(error, detail, null);
    }

    public QrVerificationException(QrError error, String detail, Throwable cause) {
        super(error.code() + " " + error.description() + (detail == null || detail.isEmpty() ? "" : ": " + detail),
                cause);
        this.error = error;
    }

    public QrError error() {
        return error;
    }
}
