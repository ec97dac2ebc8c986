package dev.madoguchi.backend.db;

/** The database could not be opened, migrated or used; the message says which, without personal data. */
public final class BackendDatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BackendDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
