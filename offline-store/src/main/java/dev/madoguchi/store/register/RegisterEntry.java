package dev.madoguchi.store.register;

import dev.madoguchi.domain.MyNumber;
import java.util.Objects;

/**
 * One resident of a register snapshot to import, with the My Number when the snapshot carries it (else null) and the
 * line of the file it came from (0 when it did not come from a file), so an import can name the lines of a duplicate.
 * Nothing personal in {@link #toString()}.
 */
public record RegisterEntry(RegisterResident resident, MyNumber myNumber, long line) {

    public RegisterEntry {
        Objects.requireNonNull(resident, "resident");
    }

    /** An entry that did not come from a file. */
    public RegisterEntry(RegisterResident resident, MyNumber myNumber) {
        this(resident, myNumber, 0);
    }

    @Override
    public String toString() {
        return "RegisterEntry[" + resident.residentId() + (myNumber == null ? "" : ", with My Number") + "]";
    }
}
