package dev.madoguchi.app.shelter;

import dev.madoguchi.app.counter.RegisterMatch;
import dev.madoguchi.app.counter.ResidentIdentity;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.Departure;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.Present;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.ShelterReport;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.store.shelter.ShelterExchange;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the shelter screens read and write, all on the {@code store-writer} lane (the store has one writer). Made
 * over the signed-in clerk's store by {@link StoreShelterRecords}; synchronous, thread-free.
 */
public interface ShelterRecords {

    /** The shelters this laptop knows, by id. */
    List<Shelter> shelters();

    /**
     * The shelters dropped from the municipality's list (docs/adr/0028): kept, with their people and events, but
     * closed to new check-ins and transfers in; check-outs go on.
     */
    Set<String> withdrawn();

    /** The shelters that take new check-ins (all but the withdrawn ones), by id. */
    default List<Shelter> openShelters() {
        Set<String> closed = withdrawn();
        return shelters().stream().filter(s -> !closed.contains(s.id())).toList();
    }

    /** Adds or replaces a shelter (one made on the spot). */
    void saveShelter(Shelter shelter);

    /** Checks a household in, every member in one transaction; the members' person ids. */
    List<String> checkIn(String shelterId, Arrival arrival);

    /** Checks a person out; a transfer checks them in at the target shelter in the same transaction. */
    void checkOut(String shelterId, Departure departure);

    /** Day and night presence of a person. */
    void setPresence(String shelterId, String personId, boolean day, boolean night);

    /** Day and night presence of several persons (a household), in one transaction; null keeps each one's own. */
    void setPresence(String shelterId, List<String> personIds, Boolean day, Boolean night);

    /** A correction of a person's data (and, when {@code stay} is not null, where they stay): a new event. */
    void correct(String shelterId, Evacuee corrected, Stay stay, String space);

    /** A present person leaves their household for another one (new, or another present household). */
    void leaveHousehold(String shelterId, String personId, String newHouseholdId);

    /** A person's history at the shelter, in the events' order. */
    List<PersonEvent> history(String shelterId, String personId);

    /** Everyone checked in and not out, wherever they stay, with the counts. */
    Present present(String shelterId);

    /** The daily report to the disaster HQ. */
    ShelterReport report(String shelterId, LocalDate date);

    /** Audits an export (who, what, how many rows; never the rows). */
    void recordExport(String shelterId, String what, int rows);

    /** Register candidates for a person (every read audited); the staff confirm one or none. */
    RegisterMatch match(ResidentIdentity identity);

    /** This laptop's exchange key fingerprint, which a receiving laptop compares before trusting its files. */
    String exchangeFingerprint();

    /** Who signed an exchange file (structure, signature, municipality checked; nothing written or trusted). */
    ShelterExchange.Sender inspectExchange(Path file);

    /**
     * Writes every shelter event this laptop holds into an exchange file for the shelter passphrase (audited); the
     * folder is made when missing ({@code COUNTER-012} when it cannot be written).
     */
    ShelterExchange.Export exportExchange(Path file, char[] passphrase);

    /** Imports an exchange file once, all or nothing; {@code trust}: fingerprints the staff confirmed. */
    ShelterExchange.Import importExchange(Path file, char[] passphrase, Set<String> trust);
}
