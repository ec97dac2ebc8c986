package dev.madoguchi.sync.backend;

import java.time.Duration;

/**
 * What one call to the backend gave: an answer with a body, a refusal with the server's problem, or no answer at all.
 * Never an exception for anything the network or the server can do.
 */
public sealed interface BackendResult<T> {

    /** 2xx with the parsed body. */
    record Success<T>(int status, T body) implements BackendResult<T> {}

    /**
     * A non-2xx answer with its RFC 7807 problem (or one made up from the status when the body was not a problem).
     *
     * @param retryAfter the server's {@code Retry-After}, or null
     */
    record Refused<T>(int status, Problem problem, Duration retryAfter) implements BackendResult<T> {}

    /** No usable answer: connection refused or reset, timeout, TLS failure, unreadable body. */
    record Unreachable<T>(Reason reason, String detail) implements BackendResult<T> {}

    /** Why there was no answer. */
    enum Reason {
        /** Connection refused, reset, closed, DNS. */
        NETWORK,
        /** Connect or request timeout. */
        TIMEOUT,
        /** The TLS handshake failed (certificate not trusted, wrong host name). */
        TLS,
        /** An answer came but could not be read (not the JSON the contract promises). */
        BAD_ANSWER
    }
}
