package dev.madoguchi.store.register;

import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.clerks.Capability;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/**
 * The register pull's side of the store (docs/adr/0012-sync-engine.md): the checkpoint of the changes pulled from the
 * backend, and applying one page of them together with its checkpoint in one transaction. Needs
 * {@link Capability#SYNC}. Synchronous; one sync worker per store.
 */
public final class RegisterPullRepository {

    private final StoreContext context;

    public RegisterPullRepository(StoreContext context) {
        this.context = context;
    }

    /** The register pull's checkpoint ({@link RegisterChanges#CHECKPOINT_SETTING}), empty before the first page. */
    public Optional<String> checkpoint() {
        context.require(Capability.SYNC);
        return context.inTransaction("read the register checkpoint", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT setting_value FROM setting WHERE setting_key = ?")) {
                s.setString(1, RegisterChanges.CHECKPOINT_SETTING);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Forgets the checkpoint (the backend's register database was replaced): the next pull starts over. */
    public void resetCheckpoint() {
        context.require(Capability.SYNC);
        context.inTransaction("reset the register checkpoint", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM setting WHERE setting_key = ?")) {
                s.setString(1, RegisterChanges.CHECKPOINT_SETTING);
                s.executeUpdate();
            }
            context.audit(c, AuditAction.SYNC_REGISTER_CHANGES, null, "checkpoint reset: the backend did not know it");
            return null;
        });
    }

    /**
     * Applies one page of register changes and stores its checkpoint, in one transaction: after a crash either both
     * are there or neither, so the next pull repeats the page (upserts and tombstones are idempotent). The changes go
     * to the live slot of the register copy through {@link RegisterChanges}, which keeps its key tables consistent;
     * My Numbers held in the copy are kept on upsert.
     */
    public void applyPage(List<RegisterChange> changes, String checkpoint) {
        context.require(Capability.SYNC);
        if (checkpoint == null || checkpoint.isEmpty() || checkpoint.length() > 4000) {
            throw new StoreException(StoreError.BAD_INPUT, "a register page needs a checkpoint", null);
        }
        context.inTransaction("apply register changes", c -> {
            int upserts;
            int tombstones;
            try (RegisterChanges register = RegisterChanges.begin(context, c)) {
                for (RegisterChange change : changes) {
                    // in page order: a later change of the same resident wins
                    if (change instanceof RegisterChange.Upsert u) {
                        register.upsert(u.resident(), u.householdHeadResidentId(), u.householdAddress());
                    } else if (change instanceof RegisterChange.Tombstone t) {
                        register.remove(t.residentId());
                    }
                }
                register.finish();
                upserts = register.upserts();
                tombstones = register.tombstones();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "MERGE INTO setting (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)")) {
                s.setString(1, RegisterChanges.CHECKPOINT_SETTING);
                s.setString(2, checkpoint);
                s.executeUpdate();
            }
            context.audit(c, AuditAction.SYNC_REGISTER_CHANGES, null, "upserts " + upserts + ", tombstones "
                    + tombstones);
            return null;
        });
    }
}
