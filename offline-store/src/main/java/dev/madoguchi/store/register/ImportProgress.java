package dev.madoguchi.store.register;

/**
 * Told how far an import has come, on the importing thread: {@link #imported} every {@value #EVERY} residents read and
 * once at the end; {@link #stage} when the import moves to its next step.
 */
@FunctionalInterface
public interface ImportProgress {

    /** How often {@link #imported} is called while residents are read. */
    int EVERY = 10_000;

    ImportProgress NONE = residents -> { };

    /** The steps of an import, in order. */
    enum Stage {
        /** Reading the snapshot and writing the residents of the new generation. */
        LOADING_RESIDENTS,
        /** Checking for duplicates and writing the sorted lookup keys and households. */
        BUILDING_KEYS,
        /** The new generation is live; the previous one is being removed. */
        REMOVING_PREVIOUS
    }

    void imported(long residents);

    default void stage(Stage stage) {
    }
}
