package dev.madoguchi.store;

/** The names of a store's files in its directory (the keyring's is {@code Keyring.FILE_NAME}). */
final class StoreFiles {

    /** Base name of the database file ({@code madoguchi.mv.db}). */
    static final String FILE_NAME = "madoguchi";
    /** The database file name on disk. */
    static final String DATABASE_FILE = FILE_NAME + ".mv.db";

    private StoreFiles() {
    }
}
