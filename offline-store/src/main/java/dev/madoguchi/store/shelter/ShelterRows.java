package dev.madoguchi.store.shelter;

import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The {@code shelter} table's rows: a shelter stored as its JSON, found by id. Inside a caller's transaction. */
final class ShelterRows {

    private ShelterRows() {
    }

    static void save(Connection c, Shelter shelter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("MERGE INTO shelter (shelter_id, shelter_data, updated_at) "
                + "KEY (shelter_id) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
            s.setString(1, shelter.id());
            s.setString(2, ShelterJson.write(ShelterJson.shelter(shelter)));
            s.executeUpdate();
        }
    }

    static Optional<Shelter> find(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT shelter_data FROM shelter WHERE shelter_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(ShelterJson.shelter(ShelterJson.read(rs.getString(1))))
                        : Optional.empty();
            }
        }
    }

    static void requireShelter(Connection c, String id) throws SQLException {
        if (find(c, id).isEmpty()) {
            throw new StoreException(StoreError.UNKNOWN_SHELTER, "no shelter " + id, null);
        }
    }

    /**
     * A shelter that takes new check-ins: present, and not dropped from the municipality's list.
     *
     * @throws StoreException {@link StoreError#UNKNOWN_SHELTER}, {@link StoreError#SHELTER_WITHDRAWN}
     */
    static void requireOpen(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT withdrawn_at FROM shelter WHERE shelter_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException(StoreError.UNKNOWN_SHELTER, "no shelter " + id, null);
                }
                if (rs.getObject(1) != null) {
                    throw new StoreException(StoreError.SHELTER_WITHDRAWN, "shelter " + id
                            + " was dropped from the municipality's list: no new check-ins", null);
                }
            }
        }
    }
}
