package dev.madoguchi.store.shelter;

/** A shelter event. */
public enum ShelterEventKind {
    CHECK_IN,
    CHECK_OUT
}
