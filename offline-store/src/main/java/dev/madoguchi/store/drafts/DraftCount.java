package dev.madoguchi.store.drafts;

import java.time.Instant;

/**
 * What an administrator sees of one clerk's visit drafts (docs/adr/0014): how many, how many hold a sealed My Number,
 * and when the oldest and the newest were last saved. Nothing about the residents.
 */
public record DraftCount(String clerkId, int drafts, int withMyNumber, Instant oldestSavedAt, Instant newestSavedAt) {}
