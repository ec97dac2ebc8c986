package dev.madoguchi.store;

import dev.madoguchi.store.audit.AuditVerification;

/** What {@code store verify} found: every table readable, and the audit chain's state. */
public record StoreVerification(int tables, long rows, String schemaVersion, AuditVerification audit) {

    public boolean intact() {
        return audit.intact();
    }
}
