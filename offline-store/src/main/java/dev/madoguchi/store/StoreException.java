package dev.madoguchi.store;

import java.sql.SQLException;

/** A typed store failure; the message is technical (for the log) and never holds personal data. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    // H2 error codes (org.h2.api.ErrorCode), kept here so the mapping lives in one place
    private static final int DATABASE_ALREADY_OPEN = 90020;
    private static final int FILE_CORRUPTED = 90030;
    private static final int FILE_ENCRYPTION_ERROR = 90049;
    private static final int WRONG_USER_OR_PASSWORD = 28000;
    private static final int NO_DISK_SPACE_AVAILABLE = 90100;

    private final StoreError error;

    public StoreException(StoreError error, String message, Throwable cause) {
        super(error.code() + " " + message, cause);
        this.error = error;
    }

    public StoreError error() {
        return error;
    }

    /** Maps an SQL failure to the typed error; the SQL text is not copied (it may contain values). */
    public static StoreException from(String operation, SQLException e) {
        StoreError error = switch (e.getErrorCode()) {
            case DATABASE_ALREADY_OPEN -> StoreError.LOCKED_BY_ANOTHER_INSTANCE;
            case FILE_CORRUPTED -> StoreError.CORRUPT_FILE;
            case FILE_ENCRYPTION_ERROR, WRONG_USER_OR_PASSWORD -> StoreError.WRONG_KEY;
            case NO_DISK_SPACE_AVAILABLE -> StoreError.DISK_FULL;
            default -> StoreError.STORE_ERROR;
        };
        return new StoreException(error, operation + " failed (H2 error " + e.getErrorCode() + ", SQLState "
                + e.getSQLState() + ")", e);
    }
}
