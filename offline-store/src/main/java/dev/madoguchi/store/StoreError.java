package dev.madoguchi.store;

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
