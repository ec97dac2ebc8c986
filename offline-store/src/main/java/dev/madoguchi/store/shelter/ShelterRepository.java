package dev.madoguchi.store.shelter;

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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Shelter check-in/out as an append-only event history. Each event is written with its outbox message (aggregate =
 * the shelter, so the backend's evacuee register receives the events in order) and its audit row in one transaction.
 */
public final class ShelterRepository {

    /** Outbox aggregate type of shelter events. */
    public static final String AGGREGATE = "shelter";

    private final StoreContext context;
    private final OutboxRepository outbox;

    public ShelterRepository(StoreContext context, OutboxRepository outbox) {
        this.context = context;
        this.outbox = outbox;
    }

    /** Records an arrival; refused when the person is already checked in to this shelter. */
    public UUID checkIn(ShelterCheckIn in) {
        context.require(Capability.SHELTER);
        return context.inTransaction("check in", c -> {
            if (latest(c, in.shelterId(), in.evacueeId()).filter(e -> e == ShelterEventKind.CHECK_IN).isPresent()) {
                throw new StoreException(StoreError.BAD_INPUT, "already checked in", null);
            }
            UUID id = insert(c, in, ShelterEventKind.CHECK_IN);
            outbox.append(c, AGGREGATE, in.shelterId(), "shelter.checked-in", payload(id, in, ShelterEventKind.CHECK_IN));
            context.audit(c, AuditAction.SHELTER_CHECK_IN, in.evacueeId(), in.shelterId());
            return id;
        });
    }

    /** Records a departure of someone who is checked in. */
    public UUID checkOut(String shelterId, String evacueeId) {
        context.require(Capability.SHELTER);
        return context.inTransaction("check out", c -> {
            Evacuee present = presentIn(c, shelterId).stream().filter(e -> e.evacueeId().equals(evacueeId))
                    .findFirst()
                    .orElseThrow(() -> new StoreException(StoreError.BAD_INPUT, "not checked in", null));
            ShelterCheckIn out = new ShelterCheckIn(shelterId, evacueeId, present.householdKey(), present.residentId(),
                    present.displayName(), present.careNeeded(), present.petCount());
            UUID id = insert(c, out, ShelterEventKind.CHECK_OUT);
            outbox.append(c, AGGREGATE, shelterId, "shelter.checked-out", payload(id, out, ShelterEventKind.CHECK_OUT));
            context.audit(c, AuditAction.SHELTER_CHECK_OUT, evacueeId, shelterId);
            return id;
        });
    }

    /** Who is in the shelter now. */
    public List<Evacuee> present(String shelterId) {
        context.require(Capability.SHELTER);
        return context.inTransaction("list evacuees", c -> presentIn(c, shelterId));
    }

    public Headcount headcount(String shelterId) {
        List<Evacuee> now = present(shelterId);
        Set<String> households = new HashSet<>();
        int care = 0;
        int pets = 0;
        for (Evacuee e : now) {
            households.add(e.householdKey());
            care += e.careNeeded() ? 1 : 0;
            pets += e.petCount();
        }
        return new Headcount(now.size(), households.size(), care, pets);
    }

    /** The roster for export; the export is audited. */
    public List<Evacuee> exportRoster(String shelterId) {
        context.require(Capability.EXPORT);
        return context.inTransaction("export the roster", c -> {
            List<Evacuee> roster = presentIn(c, shelterId);
            context.audit(c, AuditAction.EXPORT, shelterId, "roster of " + roster.size());
            return roster;
        });
    }

    private UUID insert(Connection c, ShelterCheckIn in, ShelterEventKind kind) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO shelter_event (event_id, shelter_id, evacuee_id, "
                + "household_key, resident_id, display_name, kind, care_needed, pet_count, recorded_by, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, id);
            s.setString(2, in.shelterId());
            s.setString(3, in.evacueeId());
            s.setString(4, in.householdKey());
            s.setString(5, in.residentId());
            s.setString(6, in.displayName());
            s.setString(7, kind.name());
            s.setBoolean(8, in.careNeeded());
            s.setInt(9, in.petCount());
            s.setString(10, context.clerk().clerkId());
            s.setObject(11, context.now().atOffset(ZoneOffset.UTC));
            s.executeUpdate();
        }
        return id;
    }

    private static Optional<ShelterEventKind> latest(Connection c, String shelterId, String evacueeId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT kind FROM shelter_event WHERE shelter_id = ? AND "
                + "evacuee_id = ? ORDER BY event_seq DESC LIMIT 1")) {
            s.setString(1, shelterId);
            s.setString(2, evacueeId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(ShelterEventKind.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }

    private static List<Evacuee> presentIn(Connection c, String shelterId) throws SQLException {
        // the latest event per evacuee decides
        try (PreparedStatement s = c.prepareStatement("SELECT e.evacuee_id, e.household_key, e.resident_id, "
                + "e.display_name, e.care_needed, e.pet_count, e.recorded_at, e.kind FROM shelter_event e "
                + "WHERE e.shelter_id = ? ORDER BY e.evacuee_id, e.event_seq")) {
            s.setString(1, shelterId);
            List<Evacuee> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                Evacuee current = null;
                String currentId = null;
                while (rs.next()) {
                    String id = rs.getString(1);
                    if (currentId != null && !currentId.equals(id) && current != null) {
                        out.add(current);
                    }
                    currentId = id;
                    current = ShelterEventKind.valueOf(rs.getString(8)) == ShelterEventKind.CHECK_IN
                            ? new Evacuee(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                                    rs.getInt(6), rs.getObject(7, OffsetDateTime.class).toInstant())
                            : null;
                }
                if (current != null) {
                    out.add(current);
                }
            }
            return out;
        }
    }

    private static String payload(UUID eventId, ShelterCheckIn in, ShelterEventKind kind) {
        return "{\"eventId\":\"" + eventId + "\",\"kind\":\"" + kind + "\",\"shelterId\":" + json(in.shelterId())
                + ",\"evacueeId\":" + json(in.evacueeId()) + ",\"householdKey\":" + json(in.householdKey())
                + ",\"residentId\":" + json(in.residentId()) + ",\"displayName\":" + json(in.displayName())
                + ",\"careNeeded\":" + in.careNeeded() + ",\"petCount\":" + in.petCount() + "}";
    }

    static String json(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
