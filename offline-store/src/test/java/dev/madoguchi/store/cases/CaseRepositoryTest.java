package dev.madoguchi.store.cases;

import static dev.madoguchi.store.TestStores.ADMIN;
import static dev.madoguchi.store.TestStores.ADMIN_PASSPHRASE;
import static dev.madoguchi.store.TestStores.CLERK;
import static dev.madoguchi.store.TestStores.CLERK_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.audit.AuditEntry;
import dev.madoguchi.store.outbox.OutboxMessage;
import dev.madoguchi.store.outbox.OutboxStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseRepositoryTest {

    private static final MyNumber MY_NUMBER = MyNumber.fromFirstElevenDigits("12345678901");
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    @TempDir
    Path dir;

    private StoreOptions at(Instant instant) {
        return TestStores.options(Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void openingACaseWritesTheCaseItsOutboxMessageAndItsAuditRowTogether() {
        TestStores.createWithClerks(dir).close();
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            UUID id = store.cases().open("R000001", "転入", "{\"forms\":[\"住民異動届\"]}", MY_NUMBER);

            CounterCase opened = store.cases().find(id).orElseThrow();
            assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
            assertThat(opened.holdsMyNumber()).isTrue();
            assertThat(opened.openedBy()).isEqualTo(CLERK);
            assertThat(store.outbox().ofAggregate(CaseRepository.AGGREGATE, id.toString()))
                    .extracting(OutboxMessage::kind, OutboxMessage::aggregateSeq, OutboxMessage::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("case.opened", 1L, OutboxStatus.PENDING));
            assertThat(store.audit().tail(1)).extracting(AuditEntry::action, AuditEntry::detail)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.OPEN_CASE, id.toString()));
            assertThat(store.cases().myNumberOf(id)).contains(MY_NUMBER);
            assertThat(opened.toString()).doesNotContain("住民異動届");
        }
    }

    @Test
    void myNumbersArePurgedOnlyFromCasesSyncedLongerAgoThanTheRetentionPeriod() {
        TestStores.createWithClerks(dir, at(T0)).close();
        UUID syncedLongAgo;
        UUID syncedRecently;
        UUID notSynced;
        try (LocalStore store = LocalStore.open(dir, CLERK, CLERK_PASSPHRASE, at(T0))) {
            syncedLongAgo = store.cases().open("R1", "転入", "{}", MY_NUMBER);
            syncedRecently = store.cases().open("R2", "転入", "{}", MY_NUMBER);
            notSynced = store.cases().open("R3", "転入", "{}", MY_NUMBER);
            store.cases().markSynced(syncedLongAgo);
        }
        try (LocalStore store = LocalStore.open(dir, CLERK, CLERK_PASSPHRASE, at(T0.plus(Duration.ofDays(20))))) {
            store.cases().markSynced(syncedRecently);
        }
        try (LocalStore store = LocalStore.open(dir, ADMIN, ADMIN_PASSPHRASE, at(T0.plus(Duration.ofDays(31))))) {
            assertThat(store.cases().purgeMyNumbers(Duration.ofDays(30))).isEqualTo(1);

            assertThat(store.cases().myNumberOf(syncedLongAgo)).isEmpty();
            assertThat(store.cases().find(syncedLongAgo).orElseThrow().holdsMyNumber()).isFalse();
            assertThat(store.cases().myNumberOf(syncedRecently)).contains(MY_NUMBER);
            assertThat(store.cases().myNumberOf(notSynced)).contains(MY_NUMBER);
            assertThat(store.audit().verify().intact()).as("the purge keeps the chain valid").isTrue();
            assertThat(store.audit().tail(10)).extracting(AuditEntry::action).contains(AuditAction.PURGE);
        }
    }
}
