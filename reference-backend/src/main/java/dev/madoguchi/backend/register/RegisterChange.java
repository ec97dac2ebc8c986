package dev.madoguchi.backend.register;

import java.time.OffsetDateTime;

/** One entry of the register's change feed, at its change sequence number. */
public sealed interface RegisterChange {

    long sequence();

    String residentId();

    /** The resident was added or changed: here is the latest state. */
    record Upsert(long sequence, RegisterResident resident) implements RegisterChange {
        @Override
        public String residentId() {
            return resident.residentId();
        }
    }

    /** The resident was removed from the register (転出, 死亡 …): the client deletes its copy. */
    record Tombstone(long sequence, String residentId, OffsetDateTime removedAt) implements RegisterChange {
    }
}
