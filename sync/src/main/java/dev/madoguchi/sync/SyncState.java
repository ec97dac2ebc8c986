package dev.madoguchi.sync;

/** Where the sync is, for the status bar and {@code madoguchi sync --json}. */
public enum SyncState {
    /** No backend URL or terminal token configured. */
    NOT_CONFIGURED,
    /** Not in contact with the backend yet since the program started. */
    STARTING,
    /** The last call reached the backend. */
    CONNECTED,
    /** The backend is unreachable (network, timeout, 408/429/5xx): retrying with backoff. */
    UNREACHABLE,
    /** 401: the terminal's token is missing or not accepted; the sync is paused until it is configured again. */
    NOT_AUTHORISED,
    /** 403: the terminal was revoked at the backend; the sync is paused. */
    REVOKED
}
