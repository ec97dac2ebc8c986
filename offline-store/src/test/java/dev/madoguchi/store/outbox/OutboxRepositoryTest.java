package dev.madoguchi.store.outbox;

import static dev.madoguchi.store.TestStores.CLERK;
import static dev.madoguchi.store.TestStores.CLERK_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.TestStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aLaterMessageOfAnAggregateWaitsUntilTheEarlierOneIsDone() {
        TestStores.createWithClerks(dir).close();
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            UUID a = store.cases().open("R1", "転入", "{}", null);
            UUID b = store.cases().open("R2", "転居", "{}", null);
            OutboxMessage first = store.outbox().due(10).stream()
                    .filter(m -> m.aggregateId().equals(a.toString())).findFirst().orElseThrow();
            insertSecondMessage(store, a);

            assertThat(store.outbox().due(10)).extracting(OutboxMessage::aggregateId)
                    .containsExactlyInAnyOrder(a.toString(), b.toString());
            store.outbox().markSending(first.id());
            store.outbox().markDone(first.id());

            assertThat(store.outbox().due(10)).filteredOn(m -> m.aggregateId().equals(a.toString()))
                    .extracting(OutboxMessage::aggregateSeq).containsExactly(2L);
        }
    }

    @Test
    void aRetryableFailureComesBackWhenDueAndABlockedMessageWaitsForAPerson() {
        TestStores.createWithClerks(dir).close();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        try (LocalStore store = LocalStore.open(dir, CLERK, CLERK_PASSPHRASE, TestStores.options(clock))) {
            store.cases().open("R1", "転入", "{}", null);
            store.cases().open("R2", "転入", "{}", null);
            var due = store.outbox().due(10);
            OutboxMessage failing = due.get(0);
            OutboxMessage rejected = due.get(1);

            store.outbox().markSending(failing.id());
            store.outbox().markFailed(failing.id(), "HTTP 503", T0.plusSeconds(60));
            store.outbox().markSending(rejected.id());
            store.outbox().markBlocked(rejected.id(), "HTTP 422");

            assertThat(store.outbox().due(10)).isEmpty();
            assertThat(store.outbox().withStatus(OutboxStatus.BLOCKED)).extracting(OutboxMessage::id, OutboxMessage::lastError)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(rejected.id(), "HTTP 422"));
        }
        Clock later = Clock.fixed(T0.plusSeconds(61), ZoneOffset.UTC);
        try (LocalStore store = LocalStore.open(dir, CLERK, CLERK_PASSPHRASE, TestStores.options(later))) {
            var due = store.outbox().due(10);
            assertThat(due).hasSize(1);
            assertThat(due.get(0).attempts()).isEqualTo(1);
            assertThat(due.get(0).lastError()).isEqualTo("HTTP 503");
            OutboxMessage blocked = store.outbox().withStatus(OutboxStatus.BLOCKED).get(0);
            store.outbox().retry(blocked.id());
            assertThat(store.outbox().due(10)).hasSize(2);
        }
    }

    private static void insertSecondMessage(LocalStore store, UUID caseId) {
        try (var c = TestStores.raw(store)) {
            c.setAutoCommit(false);
            store.outbox().append(c, "case", caseId.toString(), "case.submitted", "{}");
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
