package dev.madoguchi.store.shelter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.domain.shelter.Evacuee;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The {@code shelter_log} table: append, read, and the hybrid logical clock's newest stamp. */
final class ShelterLog {

    private static final String COLUMNS = "event_id, shelter_id, person_id, resident_id, kind, hlc_wall, hlc_counter, "
            + "origin_terminal, recorded_by, event_data";

    private ShelterLog() {
    }

    /** The newest (wall, counter) in the log, or (0, 0). */
    static long[] newestStamp(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT hlc_wall, hlc_counter FROM shelter_log "
                + "ORDER BY hlc_wall DESC, hlc_counter DESC LIMIT 1");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? new long[] {rs.getLong(1), rs.getInt(2)} : new long[] {0, 0};
        }
    }

    static boolean contains(Connection c, UUID eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM shelter_log WHERE event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Which of these event ids the log holds already (one query per 1,000 ids). */
    static Set<UUID> held(Connection c, Collection<UUID> eventIds) throws SQLException {
        Set<UUID> out = new HashSet<>();
        List<UUID> all = new ArrayList<>(eventIds);
        try (PreparedStatement s = c.prepareStatement("SELECT event_id FROM shelter_log WHERE event_id = ANY(?)")) {
            for (int from = 0; from < all.size(); from += 1_000) {
                s.setObject(1, all.subList(from, Math.min(all.size(), from + 1_000)).toArray(new UUID[0]));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        }
        return out;
    }

    static void insert(Connection c, ShelterEvent e) throws SQLException {
        insertAll(c, List.of(e));
    }

    /** Appends events in list order (so in that order of local_seq), batched. */
    static void insertAll(Connection c, List<ShelterEvent> events) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO shelter_log (" + COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (ShelterEvent e : events) {
                s.setObject(1, e.eventId());
                s.setString(2, e.shelterId());
                s.setString(3, e.personId());
                s.setString(4, e.residentId());
                s.setString(5, e.kind().name());
                s.setLong(6, e.hlcWall());
                s.setInt(7, e.hlcCounter());
                s.setString(8, e.originTerminal());
                s.setString(9, e.recordedBy());
                s.setString(10, ShelterJson.write(e.data()));
                s.addBatch();
                if (++pending == 500) {
                    s.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                s.executeBatch();
            }
        }
    }

    /** Every event of a shelter, in their order. */
    static List<ShelterEvent> ofShelter(Connection c, String shelterId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM shelter_log WHERE shelter_id = ? "
                + "ORDER BY hlc_wall, hlc_counter, origin_terminal, event_id")) {
            s.setString(1, shelterId);
            return list(s);
        }
    }

    /** The events of some persons in a shelter, in their order. */
    static List<ShelterEvent> ofPersons(Connection c, String shelterId, Collection<String> personIds)
            throws SQLException {
        List<ShelterEvent> out = new ArrayList<>();
        for (String personId : personIds) {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM shelter_log "
                    + "WHERE shelter_id = ? AND person_id = ?")) {
                s.setString(1, shelterId);
                s.setString(2, personId);
                out.addAll(list(s));
            }
        }
        out.sort(ShelterEvent.ORDER);
        return out;
    }

    /** The person ids in a shelter whose events carry this register id. */
    static List<String> personsOfResident(Connection c, String shelterId, String residentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT person_id FROM shelter_log "
                + "WHERE shelter_id = ? AND resident_id = ?")) {
            s.setString(1, shelterId);
            s.setString(2, residentId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /** Whether this person (by id, or by register id when matched) is present in the shelter. */
    static boolean isPresent(Connection c, String shelterId, Evacuee person) throws SQLException {
        Set<String> candidates = new HashSet<>();
        candidates.add(person.personId());
        if (!person.residentId().isEmpty()) {
            candidates.addAll(personsOfResident(c, shelterId, person.residentId()));
        }
        ShelterLedger ledger = ledger(c, shelterId, candidates);
        for (String id : candidates) {
            if (ledger.isPresent(id) && (id.equals(person.personId())
                    || ledger.last(id).person().residentId().equals(person.residentId()))) {
                return true;
            }
        }
        return false;
    }

    /** Some persons' state in a shelter, replayed from their events. */
    static ShelterLedger ledger(Connection c, String shelterId, Collection<String> personIds) throws SQLException {
        return ShelterLedger.replay(ofPersons(c, shelterId, personIds));
    }

    /** Events this store received after {@code localSeq} (0: all), in the order received, at most {@code limit}. */
    static List<ShelterEvent> received(Connection c, long afterLocalSeq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM shelter_log WHERE local_seq > ? "
                + "ORDER BY local_seq")) {
            s.setLong(1, afterLocalSeq);
            return list(s);
        }
    }

    /** The newest local sequence number (0 when the log is empty). */
    static long newestLocalSeq(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(local_seq), 0) FROM shelter_log");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<ShelterEvent> list(PreparedStatement s) throws SQLException {
        List<ShelterEvent> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new ShelterEvent(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), ShelterEventKind.valueOf(rs.getString(5)), rs.getLong(6), rs.getInt(7),
                        rs.getString(8), rs.getString(9),
                        (ObjectNode) ShelterJson.read(rs.getString(10))));
            }
        }
        return out;
    }
}
