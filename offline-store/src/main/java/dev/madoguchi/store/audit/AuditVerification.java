package dev.madoguchi.store.audit;

import java.util.OptionalLong;

/**
 * The result of checking the hash chain.
 *
 * @param rows rows checked
 * @param firstBrokenSeq the first row whose link or hash does not match, empty when the chain is intact
 * @param problem what is wrong with that row, empty when intact
 */
public record AuditVerification(long rows, OptionalLong firstBrokenSeq, String problem) {

    public boolean intact() {
        return firstBrokenSeq.isEmpty();
    }

    static AuditVerification ok(long rows) {
        return new AuditVerification(rows, OptionalLong.empty(), "");
    }

    static AuditVerification brokenAt(long rows, long seq, String problem) {
        return new AuditVerification(rows, OptionalLong.of(seq), problem);
    }
}
