package dev.madoguchi.store.error;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final int IO_EXCEPTION_1 = 90031;
    private static final int IO_EXCEPTION_2 = 90028;
    /** Below this much usable space an I/O failure of the database file is taken as a full disk. */
    private static final long LOW_SPACE_BYTES = 4L * 1024 * 1024;

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

    /**
     * Like {@link #from(String, SQLException)}, and an I/O failure of the database file counts as a full disk when the
     * store's file system has (almost) no usable space left or the JDK reports ENOSPC ("No space left on device"):
     * H2 reports a full disk as a general I/O error (90028) on Linux, or during a bulk load as a general error (50000)
     * whose cause chain holds the JDK's ENOSPC.
     */
    public static StoreException from(String operation, SQLException e, Path directory) {
        StoreException mapped = from(operation, e);
        boolean ioFailure = e.getErrorCode() == IO_EXCEPTION_1 || e.getErrorCode() == IO_EXCEPTION_2;
        if (mapped.error == StoreError.STORE_ERROR && (saysNoSpace(e) || ioFailure && lowOnSpace(directory))) {
            return new StoreException(StoreError.DISK_FULL, operation + " failed: the disk is full", e);
        }
        return mapped;
    }

    private static boolean lowOnSpace(Path directory) {
        try {
            return directory != null && Files.getFileStore(directory).getUsableSpace() < LOW_SPACE_BYTES;
        } catch (IOException | RuntimeException ignored) {
            return false;
        }
    }

    private static boolean saysNoSpace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException && String.valueOf(t.getMessage()).contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }
}
