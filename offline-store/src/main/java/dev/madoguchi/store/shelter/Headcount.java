package dev.madoguchi.store.shelter;

/** Who is in a shelter now, in numbers. */
public record Headcount(int people, int households, int careNeeded, int pets) {}
