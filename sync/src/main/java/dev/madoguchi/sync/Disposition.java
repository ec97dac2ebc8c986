package dev.madoguchi.sync;

/**
 * What the sync engine does with an HTTP status (the contract's "Semantics the sync client relies on"): the one place
 * where statuses are classified.
 */
public enum Disposition {
    /** 200 (a repeat, same receipt) or 201 (first time): DONE. */
    DELIVERED,
    /** 408, 429, 5xx, and anything unexpected (1xx, 3xx, other 2xx): try again later with backoff. */
    RETRY,
    /** 401, 403: the terminal is not (or no longer) authorised; the whole sync pauses, nothing is blocked. */
    PAUSE,
    /** Any other 4xx: retrying will not help; the message is BLOCKED with the server's problem. */
    BLOCK;

    public static Disposition of(int status) {
        if (status == 200 || status == 201) {
            return DELIVERED;
        }
        if (status == 401 || status == 403) {
            return PAUSE;
        }
        if (status == 408 || status == 429 || status >= 500) {
            return RETRY;
        }
        if (status >= 400) {
            return BLOCK;
        }
        return RETRY;
    }
}
