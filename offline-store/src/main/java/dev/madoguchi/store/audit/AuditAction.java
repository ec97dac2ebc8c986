package dev.madoguchi.store.audit;

/** What an audit row records. Rows name residents by id only, never by name or My Number. */
public enum AuditAction {
    LOGIN,
    READ_RESIDENT,
    READ_MY_NUMBER,
    IMPORT_REGISTER,
    OPEN_CASE,
    PRINT,
    EXPORT,
    SHELTER_CHECK_IN,
    SHELTER_CHECK_OUT,
    /** A shelter created or changed (subject: the shelter id). */
    SHELTER_SAVE,
    /** A person's data corrected, household left or presence set (subject: the person id; detail: what). */
    SHELTER_CHANGE,
    /** A shelter exchange file read in (counts only). */
    SHELTER_EXCHANGE_IMPORT,
    /** A terminal trusted for shelter exchange files (subject: its key fingerprint). */
    SHELTER_TRUST_TERMINAL,
    ADD_CLERK,
    REMOVE_CLERK,
    CHANGE_PASSPHRASE,
    PURGE,
    BACKUP,
    RESTORE,
    /** A request to the running app's control endpoint (subject: the clerk it named; detail: what and how it ended). */
    CONTROL_REQUEST,
    /** A person sent a BLOCKED outbox message again. */
    SYNC_RETRY,
    /** A person discarded a BLOCKED outbox message (the reason is in the detail). */
    SYNC_DISCARD,
    /** Register changes pulled from the backend were applied (counts only). */
    SYNC_REGISTER_CHANGES,
    /** A running visit's draft thrown away by the clerk (the visit is not resumed). */
    DISCARD_VISIT_DRAFT,
    SET_ASIDE_PROCEDURE,
    /** A residence card signature trust anchor added (subject: the certificate's SHA-256 fingerprint). */
    TRUST_ANCHOR_ADD,
    /** A residence card signature trust anchor removed (subject: the certificate's SHA-256 fingerprint). */
    TRUST_ANCHOR_REMOVE
}
