package dev.madoguchi.store;

/**
 * What a retention purge removed: the My Numbers of so many synced cases and so many of the register copy, and so
 * many abandoned visit drafts (docs/adr/0014).
 */
public record RetentionPurge(int cases, long registerValues, int drafts) {}
