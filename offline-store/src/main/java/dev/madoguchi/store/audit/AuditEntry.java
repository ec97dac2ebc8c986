package dev.madoguchi.store.audit;

/** One row of the journal as stored. Holds ids, not personal data. */
public record AuditEntry(long seq, String recordedAt, String clerkId, String terminalId, AuditAction action,
        String subject, String detail, String prevHash, String hash) {}
