package dev.madoguchi.backend.terminal;

import java.time.OffsetDateTime;

/** A registered terminal as listed by {@code ./madoguchi backend list-terminals}; never its secret. */
public record TerminalInfo(String terminalId, OffsetDateTime createdAt, OffsetDateTime revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
