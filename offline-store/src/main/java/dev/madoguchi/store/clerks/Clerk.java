package dev.madoguchi.store.clerks;

/** A clerk account (staff, not residents: the display name may be shown and logged). */
public record Clerk(String clerkId, String displayName, Role role) {}
