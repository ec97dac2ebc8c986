package dev.madoguchi.store.register;

import dev.madoguchi.domain.MyNumber;
import java.util.Objects;

/**
 * One resident of a register snapshot to import, with the My Number when the snapshot carries it (else null). Nothing
 * personal in {@link #toString()}.
 */
public record RegisterEntry(RegisterResident resident, MyNumber myNumber) {

    public RegisterEntry {
        Objects.requireNonNull(resident, "resident");
    }

    @Override
    public String toString() {
        return "RegisterEntry[" + resident.residentId() + (myNumber == null ? "" : ", with My Number") + "]";
    }
}
