package dev.madoguchi.store.error;

/** Store failures a person can act on; the remedy texts live under {@code store.error.<code>} in the app's bundles. */
public enum StoreError {
    /** Another Madoguchi (or another program) has the database file open. */
    LOCKED_BY_ANOTHER_INSTANCE("STORE-001"),
    /** The database file is damaged; restore from a backup. */
    CORRUPT_FILE("STORE-002"),
    /** The disk is full; nothing was written. */
    DISK_FULL("STORE-003"),
    /** The file cannot be opened with the key given. */
    WRONG_KEY("STORE-004"),
    /** No clerk with this id, or the passphrase does not unwrap the store's key. */
    WRONG_PASSPHRASE("STORE-005"),
    /** The signed-in clerk's role does not allow this (e.g. a volunteer reading the register). */
    NOT_PERMITTED("STORE-006"),
    /** The database file was written by a newer Madoguchi (its schema is newer than this program knows). */
    NEWER_SCHEMA("STORE-007"),
    /** There is no store in this directory yet (or its keyring is missing). */
    NO_STORE("STORE-008"),
    /** The file given to import or restore is not in the expected format. */
    BAD_INPUT("STORE-009"),
    /** The person is already checked in to this shelter (check them out first, or correct their data). */
    ALREADY_CHECKED_IN("STORE-010"),
    /** The person is not checked in to this shelter. */
    NOT_CHECKED_IN("STORE-011"),
    /** No shelter with this id in the store (import the municipality's list, or create it). */
    UNKNOWN_SHELTER("STORE-012"),
    /** A shelter exchange file ends early (copied only in part); nothing was imported. */
    EXCHANGE_TRUNCATED("STORE-013"),
    /** A shelter exchange file was changed after it was written; nothing was imported. */
    EXCHANGE_TAMPERED("STORE-014"),
    /** A shelter exchange file is signed by a terminal this store does not trust yet; nothing was imported. */
    UNKNOWN_TERMINAL("STORE-015"),
    /** A shelter exchange file is from another municipality; nothing was imported. */
    OTHER_MUNICIPALITY("STORE-016"),
    /** The shelter passphrase does not open this exchange file; nothing was imported. */
    WRONG_EXCHANGE_PASSPHRASE("STORE-017"),
    /** The store has no municipality code (setting {@code municipality.code}), which an exchange file names. */
    NO_MUNICIPALITY_CODE("STORE-018"),
    /** A shelter list pulled from the backend is another municipality's than this store's; nothing was changed. */
    SHELTER_LIST_OF_OTHER_MUNICIPALITY("STORE-019"),
    /** The shelter was dropped from the municipality's list: no new check-ins there; check-outs still work. */
    SHELTER_WITHDRAWN("STORE-020"),
    /** Any other failure of the database. */
    STORE_ERROR("STORE-099");

    private final String code;

    StoreError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
