package dev.madoguchi.app.shell;

import dev.madoguchi.app.store.StoreSummary;

/** Opens the local store (if needed) and describes it; runs on the store-writer lane. */
@FunctionalInterface
public interface StoreStatusSource {
    StoreSummary open();
}
