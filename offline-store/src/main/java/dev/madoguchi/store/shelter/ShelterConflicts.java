package dev.madoguchi.store.shelter;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The conflicts an import added: those of the merged order that were not there without the new events. */
final class ShelterConflicts {

    private ShelterConflicts() {
    }

    /**
     * Reads each affected shelter's log once, before the new events are stored, and replays it twice in memory: as it
     * is and merged with the new events. A conflict found only in the merged order is one the import caused.
     */
    static Found before(Connection c, List<ShelterEvent> fresh) throws SQLException {
        Map<String, List<ShelterEvent>> logs = new LinkedHashMap<>();
        for (ShelterEvent e : fresh) {
            if (!logs.containsKey(e.shelterId())) {
                logs.put(e.shelterId(), ShelterLog.ofShelter(c, e.shelterId()));
            }
        }
        return new Found(logs, fresh);
    }

    /** The affected shelters' logs as they were before the import, and the new events. */
    record Found(Map<String, List<ShelterEvent>> logs, List<ShelterEvent> fresh) {

        List<ShelterExchange.Conflict> added() {
            Map<String, List<ShelterEvent>> merged = new LinkedHashMap<>();
            logs.forEach((id, log) -> merged.put(id, new ArrayList<>(log)));
            fresh.forEach(e -> merged.get(e.shelterId()).add(e));
            List<ShelterExchange.Conflict> out = new ArrayList<>();
            merged.forEach((shelterId, all) -> out.addAll(conflicts(shelterId, logs.get(shelterId), all)));
            return out;
        }
    }

    private static List<ShelterExchange.Conflict> conflicts(String shelterId, List<ShelterEvent> before,
            List<ShelterEvent> all) {
        List<ShelterExchange.Conflict> out = new ArrayList<>();
        Set<UUID> known = new HashSet<>();
        ShelterLedger.replay(before).conflicts().forEach(x -> known.add(x.eventId()));
        for (var x : ShelterLedger.replay(all).conflicts()) {
            if (!known.contains(x.eventId())) {
                out.add(new ShelterExchange.Conflict(x.eventId().toString(), shelterId, x.personId(),
                        x.kind().wire(), x.explanation()));
            }
        }
        return out;
    }
}
