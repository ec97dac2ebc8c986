package dev.madoguchi.store.shelter;

import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Storing the municipality's shelter list pulled from the backend (docs/adr/0028 and its addendum), inside the caller's
 * transaction: the list's municipality is checked against the store's, its shelters replace the local ones with their
 * id and are marked as coming from the list, and the shelters an earlier pull carried and this one lacks are marked
 * withdrawn — never deleted, their events untouched.
 */
final class PulledShelterList {

    /** The store's municipality code, written by the setup assistant (SetupService.MUNICIPALITY_CODE). */
    static final String MUNICIPALITY_SETTING = "municipality.code";

    private final StoreContext context;

    PulledShelterList(StoreContext context) {
        this.context = context;
    }

    ShelterRepository.PulledList store(Connection c, String municipalityCode, List<Shelter> list, boolean complete)
            throws SQLException {
        Optional<String> ours = setting(c);
        if (ours.isPresent() && !ours.get().equals(municipalityCode)) {
            throw new StoreException(StoreError.SHELTER_LIST_OF_OTHER_MUNICIPALITY, "the shelter list is of municipality "
                    + municipalityCode + ", this store is set up for " + ours.get(), null);
        }
        Map<String, Instant> withdrawnBefore = withdrawn(c);
        Set<String> fromList = fromList(c);
        int added = 0;
        int updated = 0;
        int returned = 0;
        Set<String> carried = new HashSet<>();
        for (Shelter s : list) {
            carried.add(s.id());
            Optional<Shelter> here = ShelterRows.find(c, s.id());
            if (here.isEmpty() || !here.get().equals(s)) {
                ShelterRows.save(c, s);
                added += here.isEmpty() ? 1 : 0;
                updated += here.isEmpty() ? 0 : 1;
            }
            if (withdrawnBefore.containsKey(s.id())) {
                returned++;
            }
            if (!fromList.contains(s.id()) || withdrawnBefore.containsKey(s.id())) {
                mark(c, s.id(), true, null);
            }
        }
        int withdrawn = 0;
        if (complete && !list.isEmpty()) { // a list with refused records, or none at all, withdraws nothing
            for (String id : fromList) {
                if (!carried.contains(id) && !withdrawnBefore.containsKey(id)) {
                    mark(c, id, true, context.now());
                    withdrawn++;
                }
            }
        }
        ShelterRepository.PulledList done = new ShelterRepository.PulledList(added, updated,
                list.size() - added - updated, withdrawn, returned);
        if (added + updated + withdrawn + returned > 0) { // a list pulled again unchanged leaves no trace
            context.audit(c, AuditAction.SHELTER_SAVE, "*", "pulled list: added " + added + ", updated " + updated
                    + ", unchanged " + done.unchanged() + ", withdrawn " + withdrawn + ", back on the list " + returned);
        }
        return done;
    }

    /** The withdrawn shelters by id, with when a pull found them dropped. */
    static Map<String, Instant> withdrawn(Connection c) throws SQLException {
        Map<String, Instant> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT shelter_id, withdrawn_at FROM shelter "
                + "WHERE withdrawn_at IS NOT NULL ORDER BY shelter_id"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getTimestamp(2).toInstant());
            }
        }
        return out;
    }

    private static Set<String> fromList(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT shelter_id FROM shelter WHERE from_list");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void mark(Connection c, String id, boolean fromList, Instant withdrawnAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE shelter SET from_list = ?, withdrawn_at = ? WHERE shelter_id = ?")) {
            s.setBoolean(1, fromList);
            s.setTimestamp(2, withdrawnAt == null ? null : Timestamp.from(withdrawnAt));
            s.setString(3, id);
            s.executeUpdate();
        }
    }

    private static Optional<String> setting(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT setting_value FROM setting WHERE setting_key = ?")) {
            s.setString(1, MUNICIPALITY_SETTING);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
