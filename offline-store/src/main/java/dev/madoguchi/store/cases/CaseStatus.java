package dev.madoguchi.store.cases;

/** Where a counter case is. */
public enum CaseStatus {
    OPEN,
    SUBMITTED,
    SYNCED,
    CANCELLED
}
