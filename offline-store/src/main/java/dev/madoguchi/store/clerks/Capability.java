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
    MAINTAIN_STORE
}
