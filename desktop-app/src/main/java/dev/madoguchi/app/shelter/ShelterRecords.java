package dev.madoguchi.app.shelter;

import dev.madoguchi.app.counter.RegisterMatch;
import dev.madoguchi.app.counter.ResidentIdentity;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.Shelter;
import java.util.List;

/**
 * What the shelter screens read and write, all on the {@code store-writer} lane (the store has one writer). Made
 * over the signed-in clerk's store by {@link StoreShelterRecords}; synchronous, thread-free.
 */
public interface ShelterRecords {

    /** The shelters this laptop knows, by id. */
    List<Shelter> shelters();

    /** Adds or replaces a shelter (one made on the spot). */
    void saveShelter(Shelter shelter);

    /** Checks a household in, every member in one transaction; the members' person ids. */
    List<String> checkIn(String shelterId, Arrival arrival);

    /** Register candidates for a person (every read audited); the staff confirm one or none. */
    RegisterMatch match(ResidentIdentity identity);
}
