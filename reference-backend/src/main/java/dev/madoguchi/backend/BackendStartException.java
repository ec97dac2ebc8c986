package dev.madoguchi.backend;

/** The backend could not start: the database, the port, the address or the TLS key store; the message says which. */
public final class BackendStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BackendStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
