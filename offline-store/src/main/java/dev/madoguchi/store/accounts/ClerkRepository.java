package dev.madoguchi.store.accounts;

import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.clerks.Capability;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.keys.DataKey;
import dev.madoguchi.store.keys.Keyring;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Clerk accounts: the row in the database says who and which role; the keyring entry beside the database lets the clerk
 * open it. Adding a clerk or changing a passphrase rewraps the data key only; the database file is not re-encrypted.
 */
public final class ClerkRepository {

    private final StoreContext context;
    private final Path keyringFile;
    private final DataKey key;
    private final int iterations;
    private final SecureRandom random;

    public ClerkRepository(StoreContext context, Path keyringFile, DataKey key, int iterations, SecureRandom random) {
        this.context = context;
        this.keyringFile = keyringFile;
        this.key = key;
        this.iterations = iterations;
        this.random = random;
    }

    /** Inserts the clerk row; used when a store is created, before anyone is signed in. */
    public static void insert(Connection c, Clerk clerk, java.time.Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO clerk (clerk_id, display_name, role, active, created_at) VALUES (?, ?, ?, TRUE, ?)")) {
            s.setString(1, clerk.clerkId());
            s.setString(2, clerk.displayName());
            s.setString(3, clerk.role().name());
            s.setObject(4, at.atOffset(java.time.ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    /** The active clerk with this id. */
    public static Optional<Clerk> findActive(Connection c, String clerkId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT clerk_id, display_name, role FROM clerk WHERE clerk_id = ? AND active")) {
            s.setString(1, clerkId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Clerk(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3))))
                        : Optional.empty();
            }
        }
    }

    /** Adds (or re-activates) a clerk who opens the store with {@code passphrase}. Administrators only. */
    public void add(Clerk clerk, char[] passphrase) {
        context.require(Capability.MANAGE_CLERKS);
        Keyring next = Keyring.read(keyringFile).with(clerk.clerkId(), passphrase, key, iterations, random);
        context.inTransaction("add a clerk", c -> {
            try (PreparedStatement s = c.prepareStatement("MERGE INTO clerk (clerk_id, display_name, role, active, "
                    + "created_at) KEY (clerk_id) VALUES (?, ?, ?, TRUE, ?)")) {
                s.setString(1, clerk.clerkId());
                s.setString(2, clerk.displayName());
                s.setString(3, clerk.role().name());
                s.setObject(4, context.now().atOffset(java.time.ZoneOffset.UTC));
                s.executeUpdate();
            }
            context.audit(c, AuditAction.ADD_CLERK, clerk.clerkId(), clerk.role().name());
            next.writeTo(keyringFile); // before commit: a failed write rolls the row back
            return null;
        });
    }

    /** Removes a clerk's keyring entry and deactivates the account. Administrators only; not oneself. */
    public void remove(String clerkId) {
        context.require(Capability.MANAGE_CLERKS);
        if (clerkId.equals(context.clerk().clerkId())) {
            throw new StoreException(StoreError.BAD_INPUT, "a clerk cannot remove their own account", null);
        }
        Keyring next = Keyring.read(keyringFile).without(clerkId);
        context.inTransaction("remove a clerk", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE clerk SET active = FALSE WHERE clerk_id = ?")) {
                s.setString(1, clerkId);
                s.executeUpdate();
            }
            context.audit(c, AuditAction.REMOVE_CLERK, clerkId, null);
            next.writeTo(keyringFile);
            return null;
        });
    }

    /**
     * Changes the signed-in clerk's passphrase: checks the current one, then rewraps the data key under the new one.
     * Any role may change its own passphrase.
     */
    public void changePassphrase(char[] current, char[] next) {
        String me = context.clerk().clerkId();
        Keyring keyring = Keyring.read(keyringFile);
        DataKey check = keyring.unlock(me, current);
        check.destroy();
        Keyring rewrapped = keyring.with(me, next, key, iterations, random);
        context.inTransaction("change a passphrase", c -> {
            context.audit(c, AuditAction.CHANGE_PASSPHRASE, me, null);
            rewrapped.writeTo(keyringFile);
            return null;
        });
    }

    /** Every active clerk. Administrators only. */
    public List<Clerk> list() {
        context.require(Capability.MANAGE_CLERKS);
        return context.inTransaction("list clerks", c -> {
            List<Clerk> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT clerk_id, display_name, role FROM clerk WHERE active ORDER BY clerk_id");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Clerk(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3))));
                }
            }
            return out;
        });
    }

}
