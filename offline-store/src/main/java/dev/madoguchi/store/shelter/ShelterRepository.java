package dev.madoguchi.store.shelter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.CheckIn;
import dev.madoguchi.domain.shelter.Departure;
import dev.madoguchi.domain.shelter.Destination;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.Present;
import dev.madoguchi.domain.shelter.PresentPerson;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.ShelterReport;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.clerks.Capability;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.outbox.OutboxRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The shelter mode's data (docs/adr/0026): shelters, and each person's history as append-only events (check-in,
 * check-out, correction, leaving a household, day/night presence) ordered by a hybrid logical clock across laptops.
 * Who is present and the daily report are replayed from the events. Every event is written with its outbox message
 * (aggregate = the shelter; idempotency key = the event id, the same on every laptop) and its audit row in one
 * transaction: durable when the method returns. Every method needs {@link Capability#SHELTER}.
 */
public final class ShelterRepository {

    /** Outbox aggregate type of shelter events. */
    public static final String AGGREGATE = "shelter";

    private final StoreContext context;
    private final OutboxRepository outbox;
    private final String terminalId;

    public ShelterRepository(StoreContext context, OutboxRepository outbox, String terminalId) {
        this.context = context;
        this.outbox = outbox;
        this.terminalId = terminalId;
    }

    /** This terminal's id as written into its events. */
    public String terminalId() {
        return terminalId;
    }

    /** Every shelter in the store, by id. */
    public List<Shelter> shelters() {
        context.require(Capability.SHELTER);
        return context.inTransaction("list shelters", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT shelter_data FROM shelter ORDER BY shelter_id");
                    ResultSet rs = s.executeQuery()) {
                List<Shelter> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(ShelterJson.shelter(ShelterJson.read(rs.getString(1))));
                }
                return out;
            }
        });
    }

    public Optional<Shelter> shelter(String id) {
        context.require(Capability.SHELTER);
        return context.inTransaction("read a shelter", c -> ShelterRows.find(c, id));
    }

    /** Creates or updates a shelter (audited). */
    public void saveShelter(Shelter shelter) {
        context.require(Capability.SHELTER);
        context.inTransaction("save a shelter", c -> {
            ShelterRows.save(c, shelter);
            context.audit(c, AuditAction.SHELTER_SAVE, shelter.id(), null);
            return null;
        });
    }

    /**
     * What storing a pulled shelter list did: shelters new to this store, changed, already the same, dropped from the
     * list since the last pull (now withdrawn), and back on the list after a withdrawal.
     */
    public record PulledList(int added, int updated, int unchanged, int withdrawn, int returned) {}

    /**
     * Stores the municipality's shelter list pulled from the backend (the sync engine: needs {@link Capability#SYNC}),
     * in one transaction with one audit row (counts only) when something changed (docs/adr/0028): a shelter with the
     * id of one here replaces its data; a shelter that came from an earlier pull and that this list lacks is marked
     * withdrawn (kept, with its events: it takes no new check-ins, check-outs go on); a shelter created on the spot is
     * kept as it is.
     *
     * @param municipalityCode the list's municipality code
     * @param complete whether every record of the list passed the checks: only a complete, non-empty list withdraws
     * @throws StoreException {@link StoreError#SHELTER_LIST_OF_OTHER_MUNICIPALITY} when the store is set up for another
     *     municipality (nothing is changed)
     */
    public PulledList savePulledList(String municipalityCode, List<Shelter> list, boolean complete) {
        context.require(Capability.SYNC);
        return context.inTransaction("store the pulled shelter list",
                c -> new PulledShelterList(context).store(c, municipalityCode, list, complete));
    }

    /** The shelters dropped from the municipality's list, by id, with when a pull found them dropped. */
    public java.util.Map<String, Instant> withdrawn() {
        context.require(Capability.SHELTER);
        return context.inTransaction("list withdrawn shelters", PulledShelterList::withdrawn);
    }

    /**
     * Checks a household in, one event per member, in one transaction.
     *
     * @throws StoreException {@link StoreError#UNKNOWN_SHELTER}; {@link StoreError#ALREADY_CHECKED_IN} when a member
     *     (by person id, or by register id when matched) is present in this shelter — then nothing is written
     */
    public CheckIn checkIn(String shelterId, Arrival arrival) {
        context.require(Capability.SHELTER);
        return checkIn(shelterId, arrival, null);
    }

    /**
     * Seeding only (the demo store, docs/shelter.md): checks a household of a fixed data set in as {@link #checkIn}
     * does, as events that every store seeded with the same {@code seed}, data and arrival time holds alike — ids
     * named from the seed and the events, clock and "recorded at" from {@code arrivedAt}, origin terminal
     * {@code seed} (docs/adr/0026) — so that two laptops seeded alike share them instead of meeting them as
     * conflicts. For the administrator preparing a store; check-ins by staff always get new random ids.
     *
     * @throws StoreException as {@link #checkIn}; {@link StoreError#BAD_INPUT} for a malformed seed or a household
     *     seeded before
     */
    public CheckIn seedCheckIn(String seed, String shelterId, Arrival arrival, Instant arrivedAt) {
        context.require(Capability.SHELTER);
        context.require(Capability.MAINTAIN_STORE);
        return checkIn(shelterId, arrival, new ShelterSeed(seed, arrivedAt));
    }

    private CheckIn checkIn(String shelterId, Arrival arrival, ShelterSeed seed) {
        return context.inTransaction("check a household in", c -> {
            ShelterRows.requireOpen(c, shelterId);
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < arrival.members().size(); i++) {
                Evacuee person = arrival.members().get(i);
                if (!ids.add(person.personId())) {
                    throw new StoreException(StoreError.BAD_INPUT, "member " + (i + 1) + " appears twice", null);
                }
                if (ShelterLog.isPresent(c, shelterId, person)) {
                    throw new StoreException(StoreError.ALREADY_CHECKED_IN, "member " + (i + 1)
                            + " of household " + arrival.householdId() + " is already checked in", null);
                }
            }
            List<String> events = new ArrayList<>();
            for (int i = 0; i < arrival.members().size(); i++) {
                events.add(checkInEvent(c, shelterId, arrival.householdId(), arrival.stay(), arrival.space(),
                        ShelterJson.pets(arrival.pets()), arrival.vehicle(), arrival.members().get(i), "", seed, i)
                        .toString());
            }
            return new CheckIn(shelterId, arrival.householdId(), arrival.members().stream().map(Evacuee::personId)
                    .toList(), events, seed == null ? context.now() : seed.arrivedAt());
        });
    }

    /**
     * Checks a person out; a transfer ({@link Destination#OTHER_SHELTER}) also checks them in at the target shelter
     * with the same household data, in the same transaction.
     *
     * @throws StoreException {@link StoreError#NOT_CHECKED_IN}, {@link StoreError#UNKNOWN_SHELTER} (the target), or
     *     {@link StoreError#ALREADY_CHECKED_IN} (present at the target)
     */
    public void checkOut(String shelterId, Departure departure) {
        context.require(Capability.SHELTER);
        context.inTransaction("check a person out", c -> {
            PresentPerson last = requirePresent(c, shelterId, departure.personId());
            String target = departure.targetShelterId();
            if (departure.destination() == Destination.OTHER_SHELTER) {
                ShelterRows.requireOpen(c, target);
                if (target.equals(shelterId)) {
                    throw new StoreException(StoreError.BAD_INPUT, "a transfer goes to another shelter", null);
                }
                if (ShelterLog.isPresent(c, target, last.person())) {
                    throw new StoreException(StoreError.ALREADY_CHECKED_IN,
                            "the person is already checked in at the target shelter", null);
                }
            }
            ObjectNode data = ShelterJson.object();
            data.put("destination", departure.destination().code());
            data.put("target", target);
            record(c, shelterId, departure.personId(), last.person().residentId(), ShelterEventKind.CHECK_OUT, data);
            context.audit(c, AuditAction.SHELTER_CHECK_OUT, departure.personId(), shelterId);
            if (departure.destination() == Destination.OTHER_SHELTER) {
                checkInEvent(c, target, last.householdId(), last.stay(),
                        "", ShelterJson.pets(last.pets()), last.vehicle(), last.person(), shelterId, null, 0);
            }
            return null;
        });
    }

    /** Records corrected data of a person checked in here at some time (a new event; the history stays). */
    public void correct(String shelterId, Evacuee corrected) {
        correct(shelterId, corrected, null, null);
    }

    /**
     * As {@link #correct(String, Evacuee)}, and also where the person stays and the space ({@code stay} null: not
     * corrected). The day/night presence stays as it was (staff set it separately).
     */
    public void correct(String shelterId, Evacuee corrected, Stay stay, String space) {
        context.require(Capability.SHELTER);
        context.inTransaction("correct a person's data", c -> {
            PresentPerson last = ShelterLog.ledger(c, shelterId, List.of(corrected.personId()))
                    .last(corrected.personId());
            if (last == null) {
                throw new StoreException(StoreError.NOT_CHECKED_IN, "the person was never checked in here", null);
            }
            ObjectNode data = ShelterJson.object();
            data.set("person", ShelterJson.person(corrected));
            if (stay != null) {
                data.put("stay", stay.code());
                data.put("space", stay == Stay.SHELTER && space != null ? space.strip() : "");
            }
            record(c, shelterId, corrected.personId(), corrected.residentId(), ShelterEventKind.CORRECT, data);
            context.audit(c, AuditAction.SHELTER_CHANGE, corrected.personId(), "correct in " + shelterId);
            return null;
        });
    }

    /** A present person leaves their household for {@code newHouseholdId}. */
    public void leaveHousehold(String shelterId, String personId, String newHouseholdId) {
        context.require(Capability.SHELTER);
        if (newHouseholdId == null || newHouseholdId.isBlank()) {
            throw new StoreException(StoreError.BAD_INPUT, "a household has an id", null);
        }
        context.inTransaction("leave a household", c -> {
            PresentPerson last = requirePresent(c, shelterId, personId);
            if (last.householdId().equals(newHouseholdId)) {
                throw new StoreException(StoreError.BAD_INPUT, "the person is already in that household", null);
            }
            ObjectNode data = ShelterJson.object();
            data.put("household", newHouseholdId);
            record(c, shelterId, personId, last.person().residentId(), ShelterEventKind.LEAVE_HOUSEHOLD, data);
            context.audit(c, AuditAction.SHELTER_CHANGE, personId, "leave household in " + shelterId);
            return null;
        });
    }

    /** Sets a present person's day and night presence. */
    public void setPresence(String shelterId, String personId, boolean day, boolean night) {
        setPresence(shelterId, List.of(personId), day, night);
    }

    /**
     * Sets the day and night presence of several present persons (a household) in one transaction, all or none;
     * {@code day} or {@code night} null keeps each person's own value of it.
     */
    public void setPresence(String shelterId, List<String> personIds, Boolean day, Boolean night) {
        context.require(Capability.SHELTER);
        context.inTransaction("set presence", c -> {
            for (String personId : personIds) {
                PresentPerson last = requirePresent(c, shelterId, personId);
                ObjectNode data = ShelterJson.object();
                data.put("day", day == null ? last.day() : day);
                data.put("night", night == null ? last.night() : night);
                record(c, shelterId, personId, last.person().residentId(), ShelterEventKind.PRESENCE, data);
                context.audit(c, AuditAction.SHELTER_CHANGE, personId, "presence in " + shelterId);
            }
            return null;
        });
    }

    /** A person's history in this shelter: every event about them, in the events' order (never rewritten). */
    public List<ShelterEvent> history(String shelterId, String personId) {
        context.require(Capability.SHELTER);
        return context.inTransaction("read a person's history",
                c -> ShelterLog.ofPersons(c, shelterId, List.of(personId)));
    }

    /** Who is checked in to the shelter and not checked out, wherever they stay, with the counts. */
    public Present present(String shelterId) {
        context.require(Capability.SHELTER);
        return context.inTransaction("list who is present",
                c -> Present.of(shelterId, ShelterLedger.replay(ShelterLog.ofShelter(c, shelterId)).present()));
    }

    /** The daily report: who was present at the end of {@code date} (Japan time), in numbers. */
    public ShelterReport report(String shelterId, LocalDate date) {
        context.require(Capability.SHELTER);
        Instant end = date.plusDays(1).atStartOfDay(ShelterReports.ZONE).toInstant();
        return context.inTransaction("make the daily report", c -> {
            List<ShelterEvent> upToDate = new ArrayList<>();
            for (ShelterEvent e : ShelterLog.ofShelter(c, shelterId)) {
                if (ShelterReports.recordedAt(e).isBefore(end)) {
                    upToDate.add(e);
                }
            }
            return ShelterReports.report(shelterId, date, ShelterLedger.replay(upToDate).present());
        });
    }

    /**
     * Records an export or print of shelter data: who (the signed-in clerk), what, how many rows; never the rows.
     */
    public void recordExport(String shelterId, String what, int rows) {
        context.require(Capability.SHELTER);
        context.require(Capability.EXPORT);
        context.inTransaction("record a shelter export", c -> {
            context.audit(c, AuditAction.EXPORT, shelterId, what + " of " + rows + " rows");
            return null;
        });
    }

    private UUID checkInEvent(Connection c, String shelterId, String household, Stay stay, String space,
            com.fasterxml.jackson.databind.node.ArrayNode pets, String vehicle, Evacuee person, String from,
            ShelterSeed seed, int member) throws SQLException {
        ObjectNode data = ShelterJson.object();
        data.put("household", household);
        data.put("stay", stay.code());
        data.put("space", space);
        data.set("pets", pets);
        data.put("vehicle", vehicle);
        data.set("person", ShelterJson.person(person));
        if (!from.isEmpty()) {
            data.put("from", from);
        }
        UUID id;
        if (seed == null) {
            id = record(c, shelterId, person.personId(), person.residentId(), ShelterEventKind.CHECK_IN, data)
                    .eventId();
        } else {
            ShelterEvent e = seed.checkIn(shelterId, person.personId(), person.residentId(), member,
                    context.clerk().clerkId(), data);
            if (ShelterLog.contains(c, e.eventId())) {
                throw new StoreException(StoreError.BAD_INPUT, "this household was seeded before", null);
            }
            store(c, e);
            id = e.eventId();
        }
        context.audit(c, AuditAction.SHELTER_CHECK_IN, person.personId(), shelterId);
        return id;
    }

    /** Writes a new local event (log row and outbox message), stamped by the hybrid logical clock. */
    private ShelterEvent record(Connection c, String shelterId, String personId, String residentId,
            ShelterEventKind kind, ObjectNode data) throws SQLException {
        Instant now = context.now();
        long[] newest = ShelterLog.newestStamp(c);
        long wall = Math.max(now.toEpochMilli(), newest[0]);
        int counter = wall == newest[0] ? (int) newest[1] + 1 : 0;
        data.put("recordedAt", java.time.format.DateTimeFormatter.ISO_INSTANT.format(now));
        ShelterEvent e = new ShelterEvent(UUID.randomUUID(), shelterId, personId, residentId, kind, wall, counter,
                terminalId, context.clerk().clerkId(), data);
        store(c, e);
        return e;
    }

    /** Stores an event (local or received) with its outbox message; the caller checked it is new. */
    void store(Connection c, ShelterEvent e) throws SQLException {
        ShelterLog.insert(c, e);
        outbox.append(c, AGGREGATE, e.shelterId(), e.kind().wire(), ShelterJson.payload(e), e.eventId());
    }

    /** Stores received events, in list order, with their outbox messages (batched); the caller checked they are new. */
    void storeAll(Connection c, List<ShelterEvent> events) throws SQLException {
        ShelterLog.insertAll(c, events);
        List<OutboxRepository.NewMessage> messages = new ArrayList<>(events.size());
        for (ShelterEvent e : events) {
            messages.add(new OutboxRepository.NewMessage(e.shelterId(), e.kind().wire(), ShelterJson.payload(e),
                    e.eventId()));
        }
        outbox.appendAll(c, AGGREGATE, messages);
    }

    private static PresentPerson requirePresent(Connection c, String shelterId, String personId)
            throws SQLException {
        ShelterLedger ledger = ShelterLog.ledger(c, shelterId, List.of(personId));
        if (!ledger.isPresent(personId)) {
            throw new StoreException(StoreError.NOT_CHECKED_IN, "the person is not checked in to " + shelterId, null);
        }
        return ledger.last(personId);
    }
}
