package dev.madoguchi.backend.terminal;

/** The outcome of checking a bearer token. */
public sealed interface Authentication {

    /** A known, active terminal presented its secret. */
    record Authenticated(String terminalId) implements Authentication {
    }

    /** No token, a malformed token, an unknown terminal or a wrong secret (401). */
    record Unauthenticated(boolean tokenPresented) implements Authentication {
    }

    /** The right secret of a revoked terminal (403). */
    record Revoked(String terminalId) implements Authentication {
    }
}
