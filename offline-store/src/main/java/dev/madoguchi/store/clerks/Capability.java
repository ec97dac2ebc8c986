package dev.madoguchi.store.clerks;

/** One thing a role may be allowed to do with the store. */
public enum Capability {
    READ_REGISTER,
    READ_MY_NUMBER,
    IMPORT_REGISTER,
    WRITE_CASES,
    SHELTER,
    PRINT,
    EXPORT,
    SYNC,
    MANAGE_CLERKS,
    /** Every clerk's handling-time figures (a clerk at the counter sees their own with {@link #WRITE_CASES}). */
    READ_ALL_HANDLING_TIMES,
    MAINTAIN_STORE,
    /** Count the volunteer mode's check-ups per day and outcome (nothing personal; the volunteer's only right). */
    COUNT_CHECK_UPS
}
