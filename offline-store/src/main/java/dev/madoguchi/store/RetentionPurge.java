package dev.madoguchi.store;

/** What a retention purge removed: the My Numbers of so many synced cases and so many of the register copy. */
public record RetentionPurge(int cases, long registerValues) {}
