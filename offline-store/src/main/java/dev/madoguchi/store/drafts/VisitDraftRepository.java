package dev.madoguchi.store.drafts;

import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.clerks.Capability;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Drafts of running counter visits (docs/adr/0014): saved at each step so that a visit survives a crash, a power
 * cut, a language switch or the auto-lock. Writes are called from the application's {@code store-writer} lane. The
 * draft's row goes away in the transaction that stores its case ({@link #deleteIn}), when the clerk discards it
 * (audited), when an administrator discards a clerk's drafts (audited, counts only) or when it has not been saved for
 * longer than the retention period ({@link #purgeExpired}, audited, counts only).
 *
 * <p>A draft belongs to the clerk who started it: {@link #mine}, {@link #myNumberOf}, {@link #discard} and
 * {@link #save} only ever touch the signed-in clerk's own drafts (they hold personal data). Clerks with
 * {@link Capability#WRITE_CASES} only; the sealed My Number needs {@link Capability#READ_MY_NUMBER} and its read is
 * audited. An administrator ({@link Capability#MANAGE_CLERKS}) sees other clerks' drafts as counts only
 * ({@link #countsByClerk}) and may discard them ({@link #discardAllOf}).
 */
public final class VisitDraftRepository {

    /** Store setting: hours after its last save that an abandoned draft is purged ({@link #retention}). */
    public static final String RETENTION_SETTING = "retention.visitDraftHours";
    /** Retention when the setting is absent: a counter visit is over the same day. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

    private static final String COLUMNS = "draft_id, step, draft_data, my_number_sealed IS NOT NULL, started_by, "
            + "started_at, saved_at";

    private final StoreContext context;

    public VisitDraftRepository(StoreContext context) {
        this.context = context;
    }

    /**
     * The retention period a setting's text gives: whole hours, 1 or more. Absent or unreadable: the default (an
     * unreadable value must not stop a sign-in; the purge's audit row says which period was used).
     */
    public static Duration retention(Optional<String> setting) {
        if (setting.isEmpty()) {
            return DEFAULT_RETENTION;
        }
        try {
            long hours = Long.parseLong(setting.get().strip());
            return hours >= 1 && hours <= 24 * 366 ? Duration.ofHours(hours) : DEFAULT_RETENTION;
        } catch (NumberFormatException e) {
            return DEFAULT_RETENTION;
        }
    }

    /**
     * Writes the signed-in clerk's draft (inserted the first time, replaced afterwards) in one transaction.
     *
     * @param myNumber only when a procedure of the visit needs it, else null (a value saved before is then removed)
     * @throws StoreException {@link StoreError#BAD_INPUT} when the id belongs to another clerk's draft
     */
    public void save(UUID draftId, String step, String data, MyNumber myNumber) {
        context.require(Capability.WRITE_CASES);
        if (draftId == null || step == null || step.isBlank() || data == null) {
            throw new StoreException(StoreError.BAD_INPUT, "a draft needs an id, a step and its data", null);
        }
        OffsetDateTime now = utc(context.now());
        byte[] sealed = myNumber == null ? null : context.myNumbers().encrypt(myNumber.digits());
        String clerk = context.clerk().clerkId();
        context.inTransaction("save a visit draft", c -> {
            int updated;
            try (PreparedStatement s = c.prepareStatement("UPDATE visit_draft SET step = ?, draft_data = ?, "
                    + "my_number_sealed = ?, saved_at = ? WHERE draft_id = ? AND started_by = ?")) {
                s.setString(1, step);
                s.setString(2, data);
                s.setBytes(3, sealed);
                s.setObject(4, now);
                s.setObject(5, draftId);
                s.setString(6, clerk);
                updated = s.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM visit_draft WHERE draft_id = ?")) {
                    s.setObject(1, draftId);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            throw new StoreException(StoreError.BAD_INPUT,
                                    "the draft belongs to another clerk", null);
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO visit_draft (draft_id, step, draft_data, "
                        + "my_number_sealed, started_by, started_at, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    s.setObject(1, draftId);
                    s.setString(2, step);
                    s.setString(3, data);
                    s.setBytes(4, sealed);
                    s.setString(5, clerk);
                    s.setObject(6, now);
                    s.setObject(7, now);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The signed-in clerk's own drafts, the most recently saved first (what the counter offers after sign-in). */
    public List<VisitDraft> mine() {
        context.require(Capability.WRITE_CASES);
        return context.inTransaction("read the visit drafts", c -> {
            List<VisitDraft> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM visit_draft "
                    + "WHERE started_by = ? ORDER BY saved_at DESC, draft_id")) {
                s.setString(1, context.clerk().clerkId());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new VisitDraft(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getBoolean(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                                rs.getObject(7, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            return out;
        });
    }

    /** The signed-in clerk's most recently saved draft, if any. */
    public Optional<VisitDraft> latest() {
        return mine().stream().findFirst();
    }

    /** The signed-in clerk's draft's My Number, decrypted; audited. Empty when none was sealed with it. */
    public Optional<MyNumber> myNumberOf(UUID draftId) {
        context.require(Capability.READ_MY_NUMBER);
        return context.inTransaction("read a draft's My Number", c -> {
            byte[] sealed;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT my_number_sealed FROM visit_draft WHERE draft_id = ? AND started_by = ?")) {
                s.setObject(1, draftId);
                s.setString(2, context.clerk().clerkId());
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
     * The clerk throws one of their own visits away: the draft is deleted with an audit row in one transaction.
     *
     * @return whether the signed-in clerk had such a draft (another clerk's draft is never touched)
     */
    public boolean discard(UUID draftId) {
        return discard(draftId, null);
    }

    /**
     * As {@link #discard(UUID)}, with a note for the audit row written by the application (what had been printed for
     * the visit: form ids and times, nothing personal), or null.
     */
    public boolean discard(UUID draftId, String note) {
        context.require(Capability.WRITE_CASES);
        return context.inTransaction("discard a visit draft", c -> {
            String step;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT step FROM visit_draft WHERE draft_id = ? AND started_by = ?")) {
                s.setObject(1, draftId);
                s.setString(2, context.clerk().clerkId());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    step = rs.getString(1);
                }
            }
            deleteIn(c, draftId);
            context.audit(c, AuditAction.DISCARD_VISIT_DRAFT, null, "visit draft " + draftId + " at " + step
                    + (note == null || note.isBlank() ? "" : "; " + note));
            return true;
        });
    }

    /**
     * Every clerk's drafts as counts, for an administrator: no step, no data, no resident. Clerks without drafts are
     * not listed. Ordered by clerk id.
     */
    public List<DraftCount> countsByClerk() {
        context.require(Capability.MANAGE_CLERKS);
        return context.inTransaction("count the visit drafts", c -> {
            List<DraftCount> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT started_by, COUNT(*), "
                    + "SUM(CASE WHEN my_number_sealed IS NULL THEN 0 ELSE 1 END), MIN(saved_at), MAX(saved_at) "
                    + "FROM visit_draft GROUP BY started_by ORDER BY started_by");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new DraftCount(rs.getString(1), rs.getInt(2), rs.getInt(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(),
                            rs.getObject(5, OffsetDateTime.class).toInstant()));
                }
            }
            return out;
        });
    }

    /**
     * An administrator discards all drafts of one clerk (a clerk who left, a terminal handed over) without seeing
     * them: one audit row with the clerk and the count, in the same transaction.
     *
     * @return how many drafts were deleted
     */
    public int discardAllOf(String clerkId) {
        context.require(Capability.MANAGE_CLERKS);
        if (clerkId == null || clerkId.isBlank()) {
            throw new StoreException(StoreError.BAD_INPUT, "name the clerk whose drafts are discarded", null);
        }
        return context.inTransaction("discard a clerk's visit drafts", c -> {
            int deleted;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM visit_draft WHERE started_by = ?")) {
                s.setString(1, clerkId);
                deleted = s.executeUpdate();
            }
            context.audit(c, AuditAction.DISCARD_VISIT_DRAFT, clerkId,
                    "visit drafts of clerk " + clerkId + " discarded by an administrator: " + deleted);
            return deleted;
        });
    }

    /**
     * The retention purge of drafts nobody resumed (docs/adr/0014): every clerk's drafts last saved at or before
     * {@code now - retention} are deleted, with one {@link AuditAction#PURGE} row holding the counts only, in one
     * transaction. It needs no role: it only ever deletes, and it runs at every sign-in ({@code LocalStore.open})
     * as well as in the administrator's retention purge.
     */
    public DraftPurge purgeExpired(Duration retention) {
        return purgeExpired(retention, true);
    }

    /**
     * As {@link #purgeExpired(Duration)}; with {@code auditWhenNone} false a run that deletes nothing writes no audit
     * row (the purge at every sign-in: a row per login that removed nothing would only hide the ones that did).
     */
    public DraftPurge purgeExpired(Duration retention, boolean auditWhenNone) {
        if (retention == null || retention.isNegative()) {
            throw new IllegalArgumentException("a retention period is not negative");
        }
        OffsetDateTime before = utc(context.now().minus(retention));
        return context.inTransaction("purge abandoned visit drafts", c -> {
            int withMyNumber;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM visit_draft "
                    + "WHERE saved_at <= ? AND my_number_sealed IS NOT NULL")) {
                s.setObject(1, before);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    withMyNumber = rs.getInt(1);
                }
            }
            int deleted;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM visit_draft WHERE saved_at <= ?")) {
                s.setObject(1, before);
                deleted = s.executeUpdate();
            }
            if (deleted > 0 || auditWhenNone) {
                context.audit(c, AuditAction.PURGE, null, "visit drafts not saved for " + retention + ": " + deleted
                        + " (with a My Number: " + withMyNumber + ")");
            }
            return new DraftPurge(deleted, withMyNumber, retention);
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
