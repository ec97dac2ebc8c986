package dev.madoguchi.sync.file;

/**
 * File linkage failed; nothing was marked delivered and no file that looks complete was left. The message names the
 * folder or file only, never content.
 */
public final class FileLinkageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Stable code for the command line and the log. */
    public static final String CODE = "SYNC-FILE-001";

    public FileLinkageException(String message, Throwable cause) {
        super(CODE + " " + message, cause);
    }
}
