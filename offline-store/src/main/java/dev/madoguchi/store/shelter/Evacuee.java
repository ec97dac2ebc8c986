package dev.madoguchi.store.shelter;

import java.time.Instant;

/** A person currently in a shelter (from their latest check-in). The name is not printed by {@link #toString()}. */
public record Evacuee(String evacueeId, String householdKey, String residentId, String displayName, boolean careNeeded,
        int petCount, Instant checkedInAt) {

    @Override
    public String toString() {
        return "Evacuee[" + evacueeId + ", household " + householdKey + "]";
    }
}
