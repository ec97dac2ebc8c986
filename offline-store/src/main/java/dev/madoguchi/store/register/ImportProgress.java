package dev.madoguchi.store.register;

/** Told how far an import has come (called on the importing thread, every few thousand residents and at the end). */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = residents -> { };

    void imported(long residents);
}
