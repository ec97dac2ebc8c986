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
    ADD_CLERK,
    REMOVE_CLERK,
    CHANGE_PASSPHRASE,
    PURGE,
    BACKUP,
    RESTORE,
    /** A running visit's draft thrown away by the clerk (the visit is not resumed). */
    DISCARD_VISIT_DRAFT
}
