package dev.madoguchi.store.drafts;

import java.time.Duration;

/**
 * What one retention purge of visit drafts removed: so many drafts last saved longer ago than {@code retention}, of
 * which so many held a sealed My Number.
 */
public record DraftPurge(int drafts, int withMyNumber, Duration retention) {}
