package dev.madoguchi.store.register;

import java.time.Instant;

/** One change of the resident register pulled from the backend (never with a My Number). */
public sealed interface RegisterChange {

    String residentId();

    /**
     * A resident as the backend has them now, with their household's head and address (the household row is written
     * or updated from them).
     */
    record Upsert(RegisterResident resident, String householdHeadResidentId, String householdAddress)
            implements RegisterChange {
        @Override
        public String residentId() {
            return resident.residentId();
        }
    }

    /** The resident left the register (moved out, died, …): removed from the local copy. */
    record Tombstone(String residentId, Instant removedAt) implements RegisterChange {}
}
