package dev.madoguchi.store.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.cases.CaseStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox: the sync engine's side of it; the engine itself is tested in the sync module against real stores too. */
class OutboxRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void batchesTakeOneMessagePerAggregateInOrderAndADeliveredCaseBecomesSyncedWithItsReceipt() {
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            UUID caseId = store.cases().open("R1", "転入", "{}", MyNumber.parse("123456789018"));
            TestStores.checkIn(store, "S1", "E1", "H1", null, "甲");
            TestStores.checkIn(store, "S1", "E2", "H1", null, "乙");

            List<OutboxMessage> first = store.outbox().claimBatch(10, 1);
            assertThat(first).extracting(m -> m.aggregateId() + "#" + m.aggregateSeq())
                    .containsExactlyInAnyOrder(caseId + "#1", "S1#1");
            assertThat(first).allMatch(m -> m.attempts() == 1);
            assertThat(store.outbox().claimBatch(10, 1)).isEmpty(); // S1#2 waits for S1#1
            assertThat(store.outbox().openCounts()).isEqualTo(new OutboxCounts(1, 2, 0, 0, 0));

            store.outbox().complete(first.stream().map(m -> (DeliveryOutcome) new DeliveryOutcome.Delivered(m.id(),
                    "7", "2026-12-01T10:00:00Z")).toList());

            assertThat(store.cases().find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.SYNCED);
            assertThat(store.outbox().find(first.get(0).id()).orElseThrow().receiptNumber()).isEqualTo("7");
            assertThat(store.outbox().claimBatch(10, 1)).extracting(OutboxMessage::aggregateSeq).containsExactly(2L);
        }
    }

    @Test
    void messagesLeftSendingAreRecoveredAndABackingOffMessageHoldsItsAggregate() {
        Instant t0 = Instant.parse("2026-12-01T01:00:00Z");
        TestStores.createWithClerks(dir).close();
        try (LocalStore store = LocalStore.open(dir, TestStores.SHELTER, TestStores.SHELTER_PASSPHRASE,
                TestStores.options(Clock.fixed(t0, ZoneOffset.UTC)))) {
            TestStores.checkIn(store, "S1", "E1", "H1", null, "甲");
            TestStores.checkIn(store, "S1", "E2", "H1", null, "乙");
            List<OutboxMessage> claimed = store.outbox().claimBatch(10, 5);
            assertThat(claimed).extracting(OutboxMessage::aggregateSeq).containsExactly(1L, 2L);

            assertThat(store.outbox().recoverInterrupted()).isEqualTo(2);
            List<OutboxMessage> again = store.outbox().claimBatch(10, 1);
            assertThat(again).extracting(OutboxMessage::aggregateSeq).containsExactly(1L);
            store.outbox().complete(List.of(new DeliveryOutcome.RetryLater(again.get(0).id(), "HTTP 503",
                    t0.plus(Duration.ofMinutes(1)))));
            assertThat(store.outbox().claimBatch(10, 5)).isEmpty(); // #1 backs off, #2 waits behind it
            assertThat(store.outbox().find(again.get(0).id()).orElseThrow().lastError()).isEqualTo("HTTP 503");
        }
    }

    @Test
    void discardingACasesLastMessageCancelsTheCaseAndRetentionThenPurgesItsMyNumber() throws Exception {
        Instant t0 = Instant.parse("2026-12-01T01:00:00Z");
        MyNumber myNumber = MyNumber.parse("123456789018");
        TestStores.createWithClerks(dir).close();
        UUID discardedCase;
        UUID caseWithTwo;
        UUID deliveredCase;
        try (LocalStore store = LocalStore.open(dir, TestStores.CLERK, TestStores.CLERK_PASSPHRASE,
                TestStores.options(Clock.fixed(t0, ZoneOffset.UTC)))) {
            discardedCase = store.cases().open("R1", "転入", "{}", myNumber);
            caseWithTwo = store.cases().open("R2", "転入", "{}", myNumber);
            deliveredCase = store.cases().open("R3", "転入", "{}", myNumber);
            try (var c = TestStores.raw(store); var s = c.createStatement()) { // a second message of case 2
                s.executeUpdate("INSERT INTO outbox (id, aggregate_type, aggregate_id, aggregate_seq, kind, payload, "
                        + "created_at, status, attempts, next_attempt_at) SELECT RANDOM_UUID(), aggregate_type, "
                        + "aggregate_id, 2, 'case.submitted', payload, created_at, 'PENDING', 0, next_attempt_at "
                        + "FROM outbox WHERE aggregate_id = '" + caseWithTwo + "'");
            }
            List<OutboxMessage> batch = store.outbox().claimBatch(10, 1);
            assertThat(batch).hasSize(3);
            OutboxMessage ofDiscarded = batch.stream().filter(m -> m.aggregateId().equals(discardedCase.toString()))
                    .findFirst().orElseThrow();
            OutboxMessage ofTwo = batch.stream().filter(m -> m.aggregateId().equals(caseWithTwo.toString()))
                    .findFirst().orElseThrow();
            OutboxMessage ofDelivered = batch.stream().filter(m -> m.aggregateId().equals(deliveredCase.toString()))
                    .findFirst().orElseThrow();
            store.outbox().complete(List.of(
                    new DeliveryOutcome.Blocked(ofDiscarded.id(), "API-422-VALIDATION", "HTTP 422: invalid"),
                    new DeliveryOutcome.Blocked(ofTwo.id(), "API-409-IDEMPOTENCY-CONFLICT", "HTTP 409: conflict"),
                    new DeliveryOutcome.Delivered(ofDelivered.id(), "9", "2026-12-01T01:00:00Z")));

            assertThat(store.outbox().discard(ofDiscarded.id(), "窓口で取消")).isEqualTo(DiscardOutcome.CASE_CANCELLED);
            assertThat(store.cases().find(discardedCase).orElseThrow().status()).isEqualTo(CaseStatus.CANCELLED);
            // case 2 still has a later message: it stays open until that one is finished, then it is CANCELLED too
            assertThat(store.outbox().discard(ofTwo.id(), "重複")).isEqualTo(DiscardOutcome.DISCARDED);
            assertThat(store.cases().find(caseWithTwo).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
            List<OutboxMessage> second = store.outbox().claimBatch(10, 1);
            assertThat(second).extracting(OutboxMessage::aggregateSeq).containsExactly(2L);
            store.outbox().complete(List.of(new DeliveryOutcome.Delivered(second.get(0).id(), "10",
                    "2026-12-01T01:00:01Z")));
            assertThat(store.cases().find(caseWithTwo).orElseThrow().status()).isEqualTo(CaseStatus.CANCELLED);
            assertThat(store.cases().find(deliveredCase).orElseThrow().status()).isEqualTo(CaseStatus.SYNCED);
            assertThat(store.audit().tail(10)).anyMatch(e -> e.action() == dev.madoguchi.store.audit.AuditAction
                    .SYNC_DISCARD && e.detail().equals("窓口で取消 [case " + discardedCase + " cancelled]"));
        }
        try (LocalStore admin = LocalStore.open(dir, TestStores.ADMIN, TestStores.ADMIN_PASSPHRASE,
                TestStores.options(Clock.fixed(t0.plus(Duration.ofDays(29)), ZoneOffset.UTC)))) {
            assertThat(admin.purgeMyNumbers(Duration.ofDays(30))).as("not before the retention period").isZero();
        }
        try (LocalStore admin = LocalStore.open(dir, TestStores.ADMIN, TestStores.ADMIN_PASSPHRASE,
                TestStores.options(Clock.fixed(t0.plus(Duration.ofDays(31)), ZoneOffset.UTC)))) {
            assertThat(admin.purgeMyNumbers(Duration.ofDays(30))).isEqualTo(3);
            assertThat(admin.cases().myNumberOf(discardedCase)).isEmpty();
            assertThat(admin.cases().myNumberOf(caseWithTwo)).isEmpty();
            assertThat(admin.cases().find(discardedCase).orElseThrow().holdsMyNumber()).isFalse();
            assertThat(admin.audit().verify().intact()).as("discard, cancel and purge keep the chain valid").isTrue();
        }
    }

    @Test
    void anAppendedMessageFollowsTheEarlierOnesOfItsAggregateInTheSameTransaction() throws Exception {
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            UUID caseId = store.cases().open("R1", "転入", "{}", null);
            try (var c = TestStores.raw(store)) {
                c.setAutoCommit(false);
                store.outbox().append(c, OutboxRepository.CASE_AGGREGATE, caseId.toString(), "case.submitted", "{}");
                c.rollback();
                store.outbox().append(c, OutboxRepository.CASE_AGGREGATE, caseId.toString(), "case.submitted", "{}");
                c.commit();
            }

            assertThat(store.outbox().ofAggregate(OutboxRepository.CASE_AGGREGATE, caseId.toString()))
                    .extracting(OutboxMessage::aggregateSeq, OutboxMessage::kind, OutboxMessage::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "case.opened", OutboxStatus.PENDING),
                            org.assertj.core.groups.Tuple.tuple(2L, "case.submitted", OutboxStatus.PENDING));
            List<OutboxMessage> first = store.outbox().claimBatch(10, 1);
            assertThat(first).extracting(OutboxMessage::aggregateSeq).containsExactly(1L);
            assertThat(store.outbox().peekDue(10)).as("#2 waits until #1 is done").isEmpty();
            store.outbox().complete(List.of(new DeliveryOutcome.Delivered(first.get(0).id(), "1",
                    "2026-12-01T10:00:00Z")));
            assertThat(store.outbox().peekDue(10)).extracting(OutboxMessage::aggregateSeq).containsExactly(2L);
            assertThat(store.cases().find(caseId).orElseThrow().status()).as("not finished while #2 is not")
                    .isEqualTo(CaseStatus.OPEN);
        }
    }

    @Test
    void aVolunteerMayNotSync() {
        TestStores.createWithClerks(dir).close();
        try (LocalStore volunteer = TestStores.openAs(dir, TestStores.VOLUNTEER, TestStores.VOLUNTEER_PASSPHRASE)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> volunteer.outbox().claimBatch(1, 1))
                    .isInstanceOf(dev.madoguchi.store.error.StoreException.class).hasMessageContaining("STORE-006");
        }
    }
}
