package dev.madoguchi.store.drafts;

import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.StoreContext;
import dev.madoguchi.store.StoreError;
import dev.madoguchi.store.StoreException;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.clerks.Capability;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Drafts of running counter visits (docs/adr/0014): saved at each step so that a visit survives a crash, a power
 * cut, a language switch or the auto-lock. Writes are called from the application's {@code store-writer} lane. The
 * draft's row goes away in the transaction that stores its case ({@link #deleteIn}) or when the clerk discards it
 * (audited). Clerks with {@link Capability#WRITE_CASES} only; the sealed My Number needs
 * {@link Capability#READ_MY_NUMBER} and its read is audited.
 */
public final class VisitDraftRepository {

    private final StoreContext context;

    public VisitDraftRepository(StoreContext context) {
        this.context = context;
    }

    /**
     * Writes the draft (inserted the first time, replaced afterwards) in one transaction.
     *
     * @param myNumber only when a procedure of the visit needs it, else null (a value saved before is then removed)
     */
    public void save(UUID draftId, String step, String data, MyNumber myNumber) {
        context.require(Capability.WRITE_CASES);
        if (draftId == null || step == null || step.isBlank() || data == null) {
            throw new StoreException(StoreError.BAD_INPUT, "a draft needs an id, a step and its data", null);
        }
        OffsetDateTime now = utc(context.now());
        byte[] sealed = myNumber == null ? null : context.myNumbers().encrypt(myNumber.digits());
        context.inTransaction("save a visit draft", c -> {
            int updated;
            try (PreparedStatement s = c.prepareStatement("UPDATE visit_draft SET step = ?, draft_data = ?, "
                    + "my_number_sealed = ?, saved_at = ? WHERE draft_id = ?")) {
                s.setString(1, step);
                s.setString(2, data);
                s.setBytes(3, sealed);
                s.setObject(4, now);
                s.setObject(5, draftId);
                updated = s.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO visit_draft (draft_id, step, draft_data, "
                        + "my_number_sealed, started_by, started_at, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    s.setObject(1, draftId);
                    s.setString(2, step);
                    s.setString(3, data);
                    s.setBytes(4, sealed);
                    s.setString(5, context.clerk().clerkId());
                    s.setObject(6, now);
                    s.setObject(7, now);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The most recently saved draft, if any (what the counter offers to resume after sign-in). */
    public Optional<VisitDraft> latest() {
        context.require(Capability.WRITE_CASES);
        return context.inTransaction("read the visit draft", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT draft_id, step, draft_data, my_number_sealed IS NOT "
                    + "NULL, started_by, started_at, saved_at FROM visit_draft ORDER BY saved_at DESC, draft_id "
                    + "LIMIT 1");
                    ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new VisitDraft(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                        rs.getObject(7, OffsetDateTime.class).toInstant()));
            }
        });
    }

    /** The draft's My Number, decrypted; audited. Empty when none was sealed with it. */
    public Optional<MyNumber> myNumberOf(UUID draftId) {
        context.require(Capability.READ_MY_NUMBER);
        return context.inTransaction("read a draft's My Number", c -> {
            byte[] sealed;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT my_number_sealed FROM visit_draft WHERE draft_id = ?")) {
                s.setObject(1, draftId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    sealed = rs.getBytes(1);
                }
            }
            if (sealed == null) {
                return Optional.empty();
            }
            context.audit(c, AuditAction.READ_MY_NUMBER, null, "visit draft " + draftId);
            return Optional.of(MyNumber.parse(context.myNumbers().decrypt(sealed)));
        });
    }

    /**
     * The clerk throws the visit away: the draft is deleted with an audit row in one transaction.
     *
     * @return whether there was such a draft
     */
    public boolean discard(UUID draftId) {
        context.require(Capability.WRITE_CASES);
        return context.inTransaction("discard a visit draft", c -> {
            String step;
            try (PreparedStatement s = c.prepareStatement("SELECT step FROM visit_draft WHERE draft_id = ?")) {
                s.setObject(1, draftId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    step = rs.getString(1);
                }
            }
            deleteIn(c, draftId);
            context.audit(c, AuditAction.DISCARD_VISIT_DRAFT, null, "visit draft " + draftId + " at " + step);
            return true;
        });
    }

    /** Deletes the draft inside the caller's transaction (the one that stores its case). Nothing when null. */
    public static void deleteIn(Connection connection, UUID draftId) throws SQLException {
        if (draftId == null) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM visit_draft WHERE draft_id = ?")) {
            s.setObject(1, draftId);
            s.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
