package dev.madoguchi.backend.terminal;

import dev.madoguchi.backend.db.BackendDatabase;
import dev.madoguchi.backend.db.BackendDatabaseException;
import dev.madoguchi.backend.db.SqlStates;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Terminals allowed to call the API: register (token shown once), rotate, revoke, authenticate. */
public final class TerminalRepository {

    private final BackendDatabase database;

    public TerminalRepository(BackendDatabase database) {
        this.database = database;
    }

    /**
     * Registers a new terminal and returns its token; the secret is not kept, only its salted hash.
     *
     * @throws IllegalArgumentException for an invalid id or an id that is already registered
     */
    public TerminalToken register(String terminalId) {
        TerminalToken token = TerminalToken.generate(terminalId);
        byte[] salt = TerminalToken.newSalt();
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement("INSERT INTO terminal (terminal_id, secret_salt, secret_hash, "
                        + "created_at, revoked_at) VALUES (?, ?, ?, ?, NULL)")) {
            s.setString(1, terminalId);
            s.setString(2, Base64.getEncoder().encodeToString(salt));
            s.setString(3, TerminalToken.hash(salt, token.secret()));
            s.setObject(4, now());
            s.executeUpdate();
            return token;
        } catch (SQLException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new IllegalArgumentException("terminal " + terminalId + " is already registered "
                        + "(rotate its token, or revoke it and register another id)");
            }
            throw failure("register a terminal", e);
        }
    }

    /**
     * Gives a registered terminal a new token (the old one stops working) and re-activates it if it was revoked.
     *
     * @throws IllegalArgumentException for an unknown terminal
     */
    public TerminalToken rotate(String terminalId) {
        TerminalToken token = TerminalToken.generate(terminalId);
        byte[] salt = TerminalToken.newSalt();
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE terminal SET secret_salt = ?, secret_hash = ?, revoked_at = NULL WHERE terminal_id = ?")) {
            s.setString(1, Base64.getEncoder().encodeToString(salt));
            s.setString(2, TerminalToken.hash(salt, token.secret()));
            s.setString(3, terminalId);
            if (s.executeUpdate() == 0) {
                throw new IllegalArgumentException("no terminal " + terminalId + " is registered");
            }
            return token;
        } catch (SQLException e) {
            throw failure("rotate a terminal token", e);
        }
    }

    /**
     * Revokes a terminal: its token is then answered with 403. Revoking twice keeps the first time.
     *
     * @throws IllegalArgumentException for an unknown terminal
     */
    public void revoke(String terminalId) {
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement("UPDATE terminal SET revoked_at = COALESCE(revoked_at, ?) "
                        + "WHERE terminal_id = ?")) {
            s.setObject(1, now());
            s.setString(2, terminalId);
            if (s.executeUpdate() == 0) {
                throw new IllegalArgumentException("no terminal " + terminalId + " is registered");
            }
        } catch (SQLException e) {
            throw failure("revoke a terminal", e);
        }
    }

    public List<TerminalInfo> list() {
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT terminal_id, created_at, revoked_at FROM terminal ORDER BY terminal_id");
                ResultSet r = s.executeQuery()) {
            List<TerminalInfo> terminals = new ArrayList<>();
            while (r.next()) {
                terminals.add(new TerminalInfo(r.getString(1), r.getObject(2, OffsetDateTime.class),
                        r.getObject(3, OffsetDateTime.class)));
            }
            return terminals;
        } catch (SQLException e) {
            throw failure("list terminals", e);
        }
    }

    /**
     * Checks the value of an {@code Authorization} header ({@code Bearer <terminalId>.<secret>}).
     *
     * @param authorization the header's value, or null when absent
     * @throws BackendDatabaseException when the database does not answer
     */
    public Authentication authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return new Authentication.Unauthenticated(false);
        }
        String value = authorization.strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Authentication.Unauthenticated(true);
        }
        Optional<TerminalToken> parsed = TerminalToken.parse(value.substring(7).strip());
        if (parsed.isEmpty()) {
            return new Authentication.Unauthenticated(true);
        }
        TerminalToken token = parsed.get();
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT secret_salt, secret_hash, revoked_at FROM terminal WHERE terminal_id = ?")) {
            s.setString(1, token.terminalId());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return new Authentication.Unauthenticated(true);
                }
                byte[] salt = Base64.getDecoder().decode(r.getString(1));
                byte[] expected = HexFormat.of().parseHex(r.getString(2));
                byte[] actual = HexFormat.of().parseHex(TerminalToken.hash(salt, token.secret()));
                if (!MessageDigest.isEqual(expected, actual)) {
                    return new Authentication.Unauthenticated(true);
                }
                if (r.getObject(3, OffsetDateTime.class) != null) {
                    return new Authentication.Revoked(token.terminalId());
                }
                return new Authentication.Authenticated(token.terminalId());
            }
        } catch (SQLException e) {
            throw failure("check a terminal token", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static BackendDatabaseException failure(String what, SQLException e) {
        return new BackendDatabaseException("could not " + what + " (SQL state " + e.getSQLState() + ")", e);
    }
}
