package dev.madoguchi.app.store;

/** What the status bar says about the local store. */
public record StoreSummary(long households, long residents, String schemaVersion, boolean demo) {}
