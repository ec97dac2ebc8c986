package dev.madoguchi.store.cases;

import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.clerks.Capability;
import dev.madoguchi.store.drafts.VisitDraftRepository;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.outbox.OutboxRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Counter cases. Opening a case writes the case, its outbox message and its audit row in one transaction. The My
 * Number, when a procedure legally needs it, is stored encrypted per value and purged after the retention period once
 * the case is synced.
 */
public final class CaseRepository {

    /** Outbox aggregate type of cases. */
    public static final String AGGREGATE = OutboxRepository.CASE_AGGREGATE;

    private final StoreContext context;
    private final OutboxRepository outbox;

    public CaseRepository(StoreContext context, OutboxRepository outbox) {
        this.context = context;
        this.outbox = outbox;
    }

    /**
     * Opens a case with its forms' data (JSON text from the forms module).
     *
     * @param myNumber only when a procedure of this case legally needs it, else null
     */
    public UUID open(String residentId, String lifeEvent, String formsData, MyNumber myNumber) {
        return open(residentId, lifeEvent, formsData, myNumber, List.of(), null);
    }

    /**
     * Opens a case after its forms were printed: one audit row per print, the case, its outbox message and its audit
     * row, and the deletion of the visit's draft, all in one transaction. When it fails nothing is written, so a
     * second try writes the print rows once.
     *
     * @param myNumber only when a procedure of this case legally needs it, else null
     * @param prints what was printed, one audit row each ({@link AuditAction#PRINT})
     * @param draftId the visit's draft ({@link VisitDraftRepository}), or null
     */
    public UUID open(String residentId, String lifeEvent, String formsData, MyNumber myNumber, List<String> prints,
            UUID draftId) {
        return open(residentId, lifeEvent, formsData, myNumber, prints, draftId, null);
    }

    /**
     * Opens a case after its forms were printed, as {@link #open(String, String, String, MyNumber, List, UUID)}, and
     * stores how long the visit took in the same transaction (docs/adr/0018): the signed-in clerk, the life event,
     * when it started, whether the identity was entered by hand and each step's duration — nothing personal.
     *
     * @param handlingTime the visit's step durations, or null to store none
     */
    public UUID open(String residentId, String lifeEvent, String formsData, MyNumber myNumber, List<String> prints,
            UUID draftId, HandlingTime handlingTime) {
        context.require(Capability.WRITE_CASES);
        if (!prints.isEmpty()) {
            context.require(Capability.PRINT);
        }
        UUID id = UUID.randomUUID();
        return context.inTransaction("open a case", c -> {
            for (String print : prints) {
                context.audit(c, AuditAction.PRINT, residentId == null ? "unregistered" : residentId, print);
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO counter_case (case_id, resident_id, life_event, "
                    + "status, forms_data, my_number_sealed, opened_by, opened_at) VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?)")) {
                s.setObject(1, id);
                s.setString(2, residentId);
                s.setString(3, lifeEvent);
                s.setString(4, formsData);
                s.setBytes(5, myNumber == null ? null : context.myNumbers().encrypt(myNumber.digits()));
                s.setString(6, context.clerk().clerkId());
                s.setObject(7, utc(context.now()));
                s.executeUpdate();
            }
            if (handlingTime != null) {
                HandlingTimeRepository.insertIn(c, id, context.clerk().clerkId(), lifeEvent, handlingTime);
            }
            outbox.append(c, AGGREGATE, id.toString(), "case.opened", formsData);
            context.audit(c, AuditAction.OPEN_CASE, residentId, id.toString());
            VisitDraftRepository.deleteIn(c, draftId);
            return id;
        });
    }

    public Optional<CounterCase> find(UUID caseId) {
        context.require(Capability.WRITE_CASES);
        return context.inTransaction("read a case", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT case_id, resident_id, life_event, status, forms_data, "
                    + "my_number_sealed IS NOT NULL, opened_by, opened_at, synced_at FROM counter_case WHERE case_id = ?")) {
                s.setObject(1, caseId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    OffsetDateTime synced = rs.getObject(9, OffsetDateTime.class);
                    return Optional.of(new CounterCase(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            CaseStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6), rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class).toInstant(),
                            synced == null ? null : synced.toInstant()));
                }
            }
        });
    }

    /**
     * The cases opened in {@code [from, to)}, oldest first, for the counter's list of the day (forms data included,
     * never the My Number).
     */
    public List<CounterCase> openedBetween(Instant from, Instant to) {
        context.require(Capability.WRITE_CASES);
        return context.inTransaction("list cases", c -> {
            List<CounterCase> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT case_id, resident_id, life_event, status, forms_data, "
                    + "my_number_sealed IS NOT NULL, opened_by, opened_at, synced_at FROM counter_case "
                    + "WHERE opened_at >= ? AND opened_at < ? ORDER BY opened_at, case_id")) {
                s.setObject(1, utc(from));
                s.setObject(2, utc(to));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        OffsetDateTime synced = rs.getObject(9, OffsetDateTime.class);
                        out.add(new CounterCase(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                CaseStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6),
                                rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant(),
                                synced == null ? null : synced.toInstant()));
                    }
                }
            }
            return out;
        });
    }

    /** The case's My Number, decrypted; audited. Empty when none was collected or it was purged. */
    public Optional<MyNumber> myNumberOf(UUID caseId) {
        context.require(Capability.READ_MY_NUMBER);
        return context.inTransaction("read a case's My Number", c -> {
            byte[] sealed;
            String residentId;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT my_number_sealed, resident_id FROM counter_case WHERE case_id = ?")) {
                s.setObject(1, caseId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    sealed = rs.getBytes(1);
                    residentId = rs.getString(2);
                }
            }
            if (sealed == null) {
                return Optional.empty();
            }
            context.audit(c, AuditAction.READ_MY_NUMBER, residentId, caseId.toString());
            return Optional.of(MyNumber.parse(context.myNumbers().decrypt(sealed)));
        });
    }

    /** The sync lane reports that the backend accepted the case. */
    public void markSynced(UUID caseId) {
        context.require(Capability.SYNC);
        context.inTransaction("mark a case synced", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE counter_case SET status = 'SYNCED', synced_at = ? WHERE case_id = ?")) {
                s.setObject(1, utc(context.now()));
                s.setObject(2, caseId);
                if (s.executeUpdate() != 1) {
                    throw new StoreException(StoreError.BAD_INPUT, "no such case", null);
                }
            }
            return null;
        });
    }

    /**
     * Removes the My Number of every case synced — or cancelled by a discarded sync message — longer ago than
     * {@code retention} ({@code synced_at}), in one transaction with one audit row. Cases that are not finished keep
     * theirs (the backend has not received it yet). Administrators only.
     *
     * @return how many values were purged
     */
    public int purgeMyNumbers(Duration retention) {
        context.require(Capability.MAINTAIN_STORE);
        if (retention.isNegative()) {
            throw new IllegalArgumentException("a retention period is not negative");
        }
        Instant before = context.now().minus(retention);
        return context.inTransaction("purge My Numbers", c -> {
            int purged;
            try (PreparedStatement s = c.prepareStatement("UPDATE counter_case SET my_number_sealed = NULL, "
                    + "my_number_purged_at = ? WHERE status IN ('SYNCED', 'CANCELLED') AND synced_at <= ? "
                    + "AND my_number_sealed IS NOT NULL")) {
                s.setObject(1, utc(context.now()));
                s.setObject(2, utc(before));
                purged = s.executeUpdate();
            }
            context.audit(c, AuditAction.PURGE, null, "my numbers of synced cases: " + purged
                    + ", retention " + retention);
            return purged;
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
