package dev.madoguchi.sync;

import dev.madoguchi.domain.testing.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.cases.CaseStatus;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.outbox.OutboxMessage;
import dev.madoguchi.store.outbox.OutboxStatus;
import dev.madoguchi.store.register.ImportProgress;
import dev.madoguchi.store.register.RegisterChange;
import dev.madoguchi.store.register.RegisterEntry;
import dev.madoguchi.store.register.RegisterResident;
import dev.madoguchi.sync.backend.BackendResult;
import dev.madoguchi.sync.backend.OutgoingMessage;
import dev.madoguchi.sync.backend.Problem;
import dev.madoguchi.sync.backend.RegisterPage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncServiceTest {

    private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(T0);
    private final FakeBackend backend = new FakeBackend();
    private final SyncPolicy policy = SyncPolicy.defaults().withBatchSize(10).withBackoff(Duration.ofSeconds(2),
            Duration.ofSeconds(60));
    private LocalStore store;

    @BeforeEach
    void openStore() {
        store = SyncTestStores.create(dir, clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private SyncService service() {
        return new SyncService(store.outbox(), store.registerPull(), store.settings(), backend, policy, "t1", clock, new Random(7));
    }

    private void tick() {
        clock.advance(Duration.ofMillis(1)); // distinct created_at per message, as in real life
    }

    @Test
    void drainsEveryMessageInOrderPerAggregateAndMarksCasesSynced() {
        UUID caseA = store.cases().open("R1", "転入", "{\"a\":1}", MyNumber.parse("123456789018"));
        tick();
        for (int i = 0; i < 25; i++) {
            SyncTestStores.checkIn(store, "S1", "E" + i, "H" + i, "避難 " + i);
            tick();
        }
        UUID caseB = store.cases().open("R2", "転居", "{\"b\":2}", null);

        SyncService sync = service();
        SyncReport report;
        do {
            report = sync.runOnce();
        } while (report.moreDue());

        assertThat(backend.accepted).hasSize(27);
        Map<String, Long> lastSeq = new HashMap<>();
        for (OutgoingMessage m : backend.arrivals) {
            long before = lastSeq.getOrDefault(m.aggregateId(), 0L);
            assertThat(m.sequence()).as("order of " + m.aggregateId()).isEqualTo(before + 1);
            lastSeq.put(m.aggregateId(), m.sequence());
        }
        // strict order: one message of the busy shelter per batch (the cases ride along in the first)
        assertThat(backend.batchCalls).isEqualTo(25);
        assertThat(store.cases().find(caseA).orElseThrow().status()).isEqualTo(CaseStatus.SYNCED);
        assertThat(store.cases().find(caseB).orElseThrow().status()).isEqualTo(CaseStatus.SYNCED);
        assertThat(store.outbox().counts().unfinished()).isZero();
        assertThat(store.outbox().openCounts().unfinished()).isZero();
        assertThat(store.outbox().counts().done()).isEqualTo(27);
        assertThat(report.status().state()).isEqualTo(SyncState.CONNECTED);
        assertThat(report.status().lastSuccessAt()).isEqualTo(clock.instant());
        assertThat(store.outbox().find(backend.arrivals.get(0).id()).orElseThrow().receiptNumber()).isEqualTo("1");
        assertThat(store.audit().verify().intact()).isTrue();
    }

    @Test
    void withSeveralMessagesPerAggregateABusyShelterDrainsInFewerBatchesStillInOrder() {
        for (int i = 0; i < 25; i++) {
            SyncTestStores.checkIn(store, "S1", "E" + i, "H" + i, "避難 " + i);
            tick();
        }
        SyncService sync = new SyncService(store.outbox(), store.registerPull(), store.settings(), backend, policy.withPerAggregate(10), "t1",
                clock, new Random(7));
        sync.runOnce();
        assertThat(backend.batchCalls).isEqualTo(3);
        assertThat(backend.arrivals).extracting(OutgoingMessage::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 25).boxed().toList());
    }

    @Test
    void anUnreachableBackendIsRetriedWithCappedJitteredBackoffAndNothingIsLost() {
        store.cases().open("R1", "転入", "{}", null);
        SyncService sync = service();
        for (int i = 0; i < 12; i++) {
            backend.batchScript.add(new BackendResult.Unreachable<>(BackendResult.Reason.NETWORK, "refused"));
        }
        SyncReport first = sync.runOnce();
        assertThat(first.status().state()).isEqualTo(SyncState.UNREACHABLE);
        assertThat(first.status().unreachableSince()).isEqualTo(T0);
        assertThat(first.status().waiting()).isEqualTo(1);
        Duration wait = Duration.between(T0, first.status().nextAttemptAt());
        assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));

        sync.runOnce(); // before the retry time: no call
        assertThat(backend.batchCalls).isEqualTo(1);

        Duration longest = Duration.ZERO;
        for (int i = 2; i <= 12; i++) {
            clock.set(sync.status().nextAttemptAt());
            Instant at = clock.instant();
            SyncReport r = sync.runOnce();
            assertThat(backend.batchCalls).isEqualTo(i);
            Duration w = Duration.between(at, r.status().nextAttemptAt());
            assertThat(w).isLessThanOrEqualTo(Duration.ofSeconds(60));
            longest = w.compareTo(longest) > 0 ? w : longest;
            assertThat(r.status().unreachableSince()).isEqualTo(T0);
        }
        assertThat(longest).isGreaterThanOrEqualTo(Duration.ofSeconds(30)); // reached the cap's range

        clock.set(sync.status().nextAttemptAt());
        SyncReport back = sync.runOnce();
        assertThat(back.delivered()).isEqualTo(1);
        assertThat(back.status().state()).isEqualTo(SyncState.CONNECTED);
        assertThat(back.status().unreachableSince()).isNull();
        assertThat(store.outbox().withStatus(OutboxStatus.DONE, 10).get(0).attempts()).isEqualTo(13);
    }

    @Test
    void threeDaysWithoutABackendKeepTheBackoffCappedAndLoseNothing() {
        for (int i = 0; i < 5; i++) {
            store.cases().open("R" + i, "転入", "{}", null);
        }
        FakeBackend down = new FakeBackend() {
            @Override
            public BackendResult<List<dev.madoguchi.sync.backend.BatchItemResult>> submitBatch(
                    List<OutgoingMessage> messages) {
                batchCalls++;
                return new BackendResult.Unreachable<>(BackendResult.Reason.NETWORK, "no route to host");
            }
        };
        SyncService sync = new SyncService(store.outbox(), store.registerPull(), store.settings(), down, SyncPolicy.defaults(), "t1", clock,
                new Random(3));
        Instant end = T0.plus(Duration.ofDays(3));
        Duration longest = Duration.ZERO;
        int runs = 0;
        while (clock.instant().isBefore(end)) {
            SyncReport r = sync.runOnce();
            runs++;
            Duration wait = r.suggestedWait();
            longest = wait.compareTo(longest) > 0 ? wait : longest;
            clock.advance(wait.isZero() ? Duration.ofSeconds(10) : wait);
        }
        SyncStatus s = sync.status();
        assertThat(longest).isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(down.batchCalls).isBetween(3 * 24 * 12, 3 * 24 * 60 * 2); // every 2.5-5 minutes, not more often
        assertThat(s.state()).isEqualTo(SyncState.UNREACHABLE);
        assertThat(s.unreachableSince()).isEqualTo(T0);
        assertThat(s.waiting()).isEqualTo(5);
        assertThat(store.outbox().withStatus(OutboxStatus.PENDING, 10)).allSatisfy(m -> {
            assertThat(m.lastError()).hasSizeLessThan(1000);
            assertThat(m.attempts()).isEqualTo(down.batchCalls);
        });
        assertThat(runs).isGreaterThan(down.batchCalls - 1);
    }

    @Test
    void retryAfterOfA429IsHonoured() {
        store.cases().open("R1", "転入", "{}", null);
        backend.batchScript.add(new BackendResult.Refused<>(429, Problem.of(429, "slow down"), Duration.ofSeconds(45)));
        SyncReport r = service().runOnce();
        assertThat(r.status().state()).isEqualTo(SyncState.UNREACHABLE);
        assertThat(r.status().nextAttemptAt()).isEqualTo(T0.plusSeconds(45));
        assertThat(store.outbox().counts().blocked()).isZero();
    }

    @Test
    void a401PausesTheWholeSyncWithoutBlockingOrCountingAnAttempt() {
        store.cases().open("R1", "転入", "{}", null);
        store.cases().open("R2", "転入", "{}", null);
        backend.batchScript.add(new BackendResult.Refused<>(401, Problem.of(401, "unauthenticated"), null));
        SyncService sync = service();
        SyncReport r = sync.runOnce();
        assertThat(r.status().state()).isEqualTo(SyncState.NOT_AUTHORISED);
        assertThat(r.status().blocked()).isZero();
        assertThat(r.status().waiting()).isEqualTo(2);
        assertThat(store.outbox().withStatus(OutboxStatus.PENDING, 10)).allMatch(m -> m.attempts() == 0);
        assertThat(backend.registerCalls).isZero();

        clock.advance(Duration.ofMinutes(1));
        sync.runOnce();
        assertThat(backend.batchCalls).isEqualTo(1); // paused: not every run knocks again

        backend.batchScript.add(new BackendResult.Refused<>(403, Problem.of(403, "revoked"), null));
        sync.tryNow();
        assertThat(sync.runOnce().status().state()).isEqualTo(SyncState.REVOKED);
    }

    @Test
    void aRefusedMessageIsBlockedWithTheProblemAndHoldsOnlyItsOwnAggregate() {
        SyncTestStores.checkIn(store, "S1", "E1", "H1", "甲");
        tick();
        SyncTestStores.checkOut(store, "S1", "E1");
        tick();
        UUID other = store.cases().open("R1", "転入", "{}", null);
        OutboxMessage first = store.outbox().peekDue(10).get(0);
        assertThat(first.aggregateId()).isEqualTo("S1");
        backend.itemStatus.put(first.id(), 422);

        SyncService sync = service();
        SyncReport r = sync.runOnce();
        assertThat(r.blocked()).isEqualTo(1);
        assertThat(r.status().blocked()).isEqualTo(1);
        assertThat(r.status().waiting()).isEqualTo(1); // the check-out waits behind the blocked check-in
        assertThat(backend.accepted.keySet()).extracting(UUID::toString).hasSize(1);
        assertThat(store.cases().find(other).orElseThrow().status()).isEqualTo(CaseStatus.SYNCED);
        OutboxMessage blocked = store.outbox().find(first.id()).orElseThrow();
        assertThat(blocked.status()).isEqualTo(OutboxStatus.BLOCKED);
        assertThat(blocked.problemCode()).isEqualTo("API-422-TEST");
        assertThat(blocked.lastError()).contains("the test refused it");

        clock.advance(Duration.ofMinutes(1));
        sync.runOnce();
        assertThat(store.outbox().counts().waiting()).isEqualTo(1); // still held

        backend.itemStatus.clear();
        store.outbox().retry(first.id());
        sync.runOnce();
        assertThat(store.outbox().counts().unfinished()).isZero();
        List<Long> order = backend.arrivals.stream().filter(m -> m.aggregateId().equals("S1"))
                .map(OutgoingMessage::sequence).toList();
        assertThat(order).containsExactly(1L, 2L);
        assertThat(store.audit().tail(5)).anyMatch(e -> e.action() == AuditAction.SYNC_RETRY);
    }

    @Test
    void aDiscardedMessageIsAuditedWithItsReasonAndReleasesItsAggregate() {
        SyncTestStores.checkIn(store, "S1", "E1", "H1", "甲");
        tick();
        SyncTestStores.checkOut(store, "S1", "E1");
        OutboxMessage first = store.outbox().peekDue(10).get(0);
        backend.itemStatus.put(first.id(), 409);
        SyncService sync = service();
        sync.runOnce();

        assertThatThrownBy(() -> store.outbox().discard(first.id(), " ")).isInstanceOf(StoreException.class);
        assertThat(store.outbox().discard(first.id(), "二重登録のため窓口で取消"))
                .as("a shelter's message cancels no case").isEqualTo(dev.madoguchi.store.outbox.DiscardOutcome.DISCARDED);
        sync.runOnce();

        assertThat(store.outbox().counts().unfinished()).isZero();
        assertThat(store.outbox().counts().discarded()).isEqualTo(1);
        assertThat(store.outbox().find(first.id()).orElseThrow().discardReason()).isEqualTo("二重登録のため窓口で取消");
        assertThat(backend.accepted).hasSize(1).doesNotContainKey(first.id());
        assertThat(store.audit().tail(10)).anyMatch(e -> e.action() == AuditAction.SYNC_DISCARD
                && first.id().toString().equals(e.subject()) && "二重登録のため窓口で取消".equals(e.detail()));
        assertThat(store.audit().verify().intact()).isTrue();
        assertThatThrownBy(() -> store.outbox().retry(first.id())).isInstanceOf(StoreException.class);
    }

    @Test
    void messagesLeftSendingByACrashAreSentAgainAndTheBackendsRepeatCountsAsDone() {
        store.cases().open("R1", "転入", "{}", null);
        store.cases().open("R2", "転入", "{}", null);
        // a first process claimed the batch and the backend stored it, but the process died before recording it
        List<OutboxMessage> claimed = store.outbox().claimBatch(10, 1);
        for (OutboxMessage m : claimed) {
            backend.put(new OutgoingMessage(m.id(), dev.madoguchi.sync.backend.Resource.APPLICATIONS,
                    m.aggregateId(), m.aggregateSeq(), m.kind(), "t1", m.createdAt(),
                    new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()));
        }
        assertThat(store.outbox().counts().sending()).isEqualTo(2);
        assertThat(store.outbox().peekDue(10)).isEmpty();

        SyncReport r = service().runOnce();

        assertThat(r.recovered()).isEqualTo(2);
        assertThat(r.repeats()).isEqualTo(2);
        assertThat(r.delivered()).isZero();
        assertThat(backend.accepted).hasSize(2);
        assertThat(store.outbox().counts().done()).isEqualTo(2);
    }

    @Test
    void aPayloadThatIsNotAJsonObjectIsBlockedWithoutBeingSent() {
        store.cases().open("R1", "転入", "not json", null);
        store.cases().open("R2", "転入", "[1,2]", null);
        store.cases().open("R3", "転入", "{}", null);
        SyncReport r = service().runOnce();
        assertThat(r.blocked()).isEqualTo(2);
        assertThat(store.outbox().withStatus(OutboxStatus.BLOCKED, 10)).extracting(OutboxMessage::problemCode)
                .containsOnly("LOCAL-PAYLOAD");
        assertThat(backend.accepted).hasSize(1);
    }

    @Test
    void aBatchRefusedAsAWholeIsHalvedUntilTheOffendingMessageIsAlone() {
        for (int i = 0; i < 8; i++) {
            store.cases().open("R" + i, "転入", "{}", null);
            tick();
        }
        backend.batchScript.add(new BackendResult.Refused<>(413, Problem.of(413, "too large"), null));
        backend.batchScript.add(new BackendResult.Refused<>(413, Problem.of(413, "too large"), null));
        backend.batchScript.add(new BackendResult.Refused<>(413, Problem.of(413, "too large"), null));
        backend.batchScript.add(new BackendResult.Refused<>(413, Problem.of(413, "too large"), null));
        SyncService sync = service();
        SyncReport r;
        do {
            r = sync.runOnce();
        } while (r.moreDue());
        // 8 → 4 → 2 → 1 → the single message is blocked; the other 7 are delivered
        assertThat(r.status().blocked()).isEqualTo(1);
        assertThat(backend.accepted).hasSize(7);
        assertThat(store.outbox().counts().waiting()).isZero();
    }

    @Test
    void registerPagesAreAppliedWithTheirCheckpointAndABrokenPageChangesNothing() {
        RegisterResident a = resident("R100", "00000000001", "H10");
        RegisterResident b = resident("R101", "00000000002", "H10");
        backend.register = since -> {
            if (since == null) {
                return new BackendResult.Success<>(200, new RegisterPage(List.of(
                        new RegisterChange.Upsert(a, "R100", "架空県窓口市本町１丁目"),
                        new RegisterChange.Upsert(b, "R100", "架空県窓口市本町１丁目")), "2", true));
            }
            if (since.equals("2")) {
                return new BackendResult.Success<>(200, new RegisterPage(List.of(
                        new RegisterChange.Tombstone("R101", T0)), "3", false));
            }
            return new BackendResult.Success<>(200, new RegisterPage(List.of(), since, false));
        };
        SyncReport r = service().runOnce();
        assertThat(r.registerChanges()).isEqualTo(3);
        assertThat(store.register().residentCount()).isEqualTo(1);
        assertThat(store.registerPull().checkpoint()).contains("3");

        // a page that breaks half-way (two residents with one 住民票コード): neither its rows nor its checkpoint
        RegisterResident c = resident("R102", "00000000003", "H11");
        RegisterResident d = resident("R103", "00000000003", "H11");
        assertThatThrownBy(() -> store.registerPull().applyPage(List.of(new RegisterChange.Upsert(c, null, null),
                new RegisterChange.Upsert(d, null, null)), "4"))
                .isInstanceOf(StoreException.class);
        assertThat(store.register().residentCount()).isEqualTo(1);
        assertThat(store.registerPull().checkpoint()).contains("3");
    }

    @Test
    void aPageTheCopyCannotTakeIsRetriedAtTheNextPullWhileSendingGoesOn() {
        RegisterResident a = resident("R100", "00000000001", "H10");
        RegisterResident clash = resident("R101", "00000000001", "H10"); // another resident, the same 住民票コード
        store.registerPull().applyPage(List.of(new RegisterChange.Upsert(a, null, null)), "1");
        backend.register = since -> new BackendResult.Success<>(200, new RegisterPage(List.of(
                new RegisterChange.Upsert(clash, null, null)), "2", false));
        store.cases().open("R1", "転入", "{}", null);
        SyncService sync = service();
        SyncReport r = sync.runOnce();
        assertThat(r.delivered()).isEqualTo(1);
        assertThat(r.status().lastProblem()).contains("register page not applied");
        assertThat(store.registerPull().checkpoint()).contains("1");
        sync.runOnce();
        assertThat(backend.registerCalls).isEqualTo(1); // not before the pull interval
        clock.advance(Duration.ofMinutes(6));
        sync.runOnce();
        assertThat(backend.registerCalls).isEqualTo(2);
    }

    @Test
    void anUnknownCheckpointMakesThePullStartOver() {
        store.registerPull().applyPage(List.of(), "from-another-database");
        RegisterResident a = resident("R100", "00000000001", "H10");
        backend.register = since -> since == null
                ? new BackendResult.Success<>(200, new RegisterPage(List.of(new RegisterChange.Upsert(a, null, null)),
                        "1", false))
                : new BackendResult.Refused<>(400, new Problem("https://madoguchi.dev/problems/checkpoint",
                        "unknown checkpoint", 400, "pull again without since", "API-400-CHECKPOINT", List.of()), null);
        service().runOnce();
        assertThat(store.registerPull().checkpoint()).contains("1");
        assertThat(store.register().residentCount()).isEqualTo(1);
    }

    @Test
    void anUpsertKeepsAMyNumberTheCopyAlreadyHolds() {
        RegisterResident a = resident("R100", "00000000001", "H10");
        MyNumber myNumber = MyNumber.parse("123456789018");
        store.register().replaceAll(List.of(), List.of(new RegisterEntry(a, myNumber)).iterator(),
                ImportProgress.NONE);
        RegisterResident moved = new RegisterResident("R100", "H10", "00000000001", "世帯主", "𠮷田", "太郎", "ヨシダ",
                "タロウ", LocalDate.of(1980, 4, 1), Sex.MALE, "000-0002", "架空県窓口市新町２丁目", null, null, null, null,
                null, null);
        store.registerPull().applyPage(List.of(new RegisterChange.Upsert(moved, null, null)), "2");
        assertThat(store.register().findByMyNumber(myNumber)).contains(moved);
        assertThat(store.register().myNumberOf("R100")).contains(myNumber);
        assertThat(store.register().residentCount()).isEqualTo(1);
    }

    static RegisterResident resident(String id, String code, String household) {
        return new RegisterResident(id, household, code, "世帯主", "𠮷田", "太郎", "ヨシダ", "タロウ",
                LocalDate.of(1980, 4, 1), Sex.MALE, "000-0001", "架空県窓口市本町１丁目", LocalDate.of(2020, 4, 1), null, null,
                null, null, null);
    }
}
