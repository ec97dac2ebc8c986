package dev.madoguchi.store;

import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.error.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Key–value settings of this terminal, kept in the store (never personal data). */
public final class StoreSettings {

    private final DataSource dataSource;
    private final StoreContext context;

    StoreSettings(DataSource dataSource, StoreContext context) {
        this.dataSource = dataSource;
        this.context = context;
    }

    public Optional<String> get(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT setting_value FROM setting WHERE setting_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StoreException.from("read setting " + key, e);
        }
    }

    public void put(String key, String value) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "MERGE INTO setting (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)")) {
            s.setString(1, key);
            s.setString(2, value);
            s.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.from("write setting " + key, e);
        }
    }

    /**
     * Writes a setting and its audit row as the signed-in clerk in one transaction: a change of what this terminal
     * trusts (e.g. a residence card trust anchor added or removed) is in the tamper-evident journal or not made at all.
     *
     * @param subject what changed, never personal (e.g. a certificate's fingerprint)
     * @param detail a short description, never personal (e.g. the certificate's subject)
     */
    public void putAudited(String key, String value, AuditAction action, String subject, String detail) {
        context.inTransaction("write setting " + key, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "MERGE INTO setting (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)")) {
                s.setString(1, key);
                s.setString(2, value);
                s.executeUpdate();
            }
            context.audit(c, action, subject, detail);
            return null;
        });
    }
}
