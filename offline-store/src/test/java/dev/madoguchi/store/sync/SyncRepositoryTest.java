package dev.madoguchi.store.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.cases.CaseStatus;
import dev.madoguchi.store.shelter.ShelterCheckIn;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store side of the sync engine; the engine itself is tested in the sync module against real stores too. */
class SyncRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void batchesTakeOneMessagePerAggregateInOrderAndADeliveredCaseBecomesSyncedWithItsReceipt() {
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            UUID caseId = store.cases().open("R1", "転入", "{}", MyNumber.parse("123456789018"));
            store.shelter().checkIn(new ShelterCheckIn("S1", "E1", "H1", null, "甲", false, 0));
            store.shelter().checkIn(new ShelterCheckIn("S1", "E2", "H1", null, "乙", false, 0));

            List<SyncMessage> first = store.sync().claimBatch(10, 1);
            assertThat(first).extracting(m -> m.aggregateId() + "#" + m.aggregateSeq())
                    .containsExactlyInAnyOrder(caseId + "#1", "S1#1");
            assertThat(first).allMatch(m -> m.attempts() == 1);
            assertThat(store.sync().claimBatch(10, 1)).isEmpty(); // S1#2 waits for S1#1
            assertThat(store.sync().openCounts()).isEqualTo(new OutboxCounts(1, 2, 0, 0, 0));

            store.sync().complete(first.stream().map(m -> (DeliveryOutcome) new DeliveryOutcome.Delivered(m.id(),
                    "7", "2026-12-01T10:00:00Z")).toList());

            assertThat(store.cases().find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.SYNCED);
            assertThat(store.sync().find(first.get(0).id()).orElseThrow().receiptNumber()).isEqualTo("7");
            assertThat(store.sync().claimBatch(10, 1)).extracting(SyncMessage::aggregateSeq).containsExactly(2L);
        }
    }

    @Test
    void messagesLeftSendingAreRecoveredAndABackingOffMessageHoldsItsAggregate() {
        Instant t0 = Instant.parse("2026-12-01T01:00:00Z");
        TestStores.createWithClerks(dir).close();
        try (LocalStore store = LocalStore.open(dir, TestStores.SHELTER, TestStores.SHELTER_PASSPHRASE,
                TestStores.options(Clock.fixed(t0, ZoneOffset.UTC)))) {
            store.shelter().checkIn(new ShelterCheckIn("S1", "E1", "H1", null, "甲", false, 0));
            store.shelter().checkIn(new ShelterCheckIn("S1", "E2", "H1", null, "乙", false, 0));
            List<SyncMessage> claimed = store.sync().claimBatch(10, 5);
            assertThat(claimed).extracting(SyncMessage::aggregateSeq).containsExactly(1L, 2L);

            assertThat(store.sync().recoverInterrupted()).isEqualTo(2);
            List<SyncMessage> again = store.sync().claimBatch(10, 1);
            assertThat(again).extracting(SyncMessage::aggregateSeq).containsExactly(1L);
            store.sync().complete(List.of(new DeliveryOutcome.RetryLater(again.get(0).id(), "HTTP 503",
                    t0.plus(Duration.ofMinutes(1)))));
            assertThat(store.sync().claimBatch(10, 5)).isEmpty(); // #1 backs off, #2 waits behind it
            assertThat(store.sync().find(again.get(0).id()).orElseThrow().lastError()).isEqualTo("HTTP 503");
        }
    }

    @Test
    void aVolunteerMayNotSync() {
        TestStores.createWithClerks(dir).close();
        try (LocalStore volunteer = TestStores.openAs(dir, TestStores.VOLUNTEER, TestStores.VOLUNTEER_PASSPHRASE)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> volunteer.sync().claimBatch(1, 1))
                    .isInstanceOf(dev.madoguchi.store.StoreException.class).hasMessageContaining("STORE-006");
        }
    }
}
