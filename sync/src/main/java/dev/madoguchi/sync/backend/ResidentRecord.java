package dev.madoguchi.sync.backend;

import dev.madoguchi.store.register.RegisterResident;

/** A resident as the backend serves them, with their household's head and address. Personal data: not logged. */
public record ResidentRecord(RegisterResident resident, String householdHeadResidentId, String householdAddress) {

    @Override
    public String toString() {
        return "ResidentRecord[" + resident.residentId() + "]";
    }
}
