package dev.madoguchi.app.store;

import dev.madoguchi.store.clerks.Clerk;

/** What the status bar says about the local store and who is signed in. */
public record StoreSummary(long households, long residents, String schemaVersion, boolean demo, Clerk clerk) {}
