package dev.madoguchi.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.backend.moveout.DemoMoveOuts;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.moveout.MoveOutMember;
import dev.madoguchi.store.moveout.MoveOutRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulling the pending move-in records from the real reference backend into the real store: page by page from the
 * checkpoint, the same page again changes nothing, bad records are refused and never stored, expired ones purged.
 */
class MoveOutPullTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @TempDir
    Path dir;

    private static ObjectNode record(String id, String to, LocalDate validUntil, String code, String birthDate) {
        ObjectNode r = DemoMoveOuts.record(id, "別県別市", "別県別市中町一丁目２番３号", "山田\u3000一郎",
                TODAY.minusDays(3), validUntil);
        r.put("toMunicipalityCode", to);
        r.withArray("members").add(DemoMoveOuts.member(code, "山田", "一郎", "ヤマダ", "イチロウ", birthDate, "M", "世帯主",
                null));
        return r;
    }

    @Test
    void recordsArePulledOnceBadOnesAreRefusedAndNeverStoredAndANewOneFollows() throws Exception {
        String here = DemoMoveOuts.MUNICIPALITY_CODE;
        ObjectNode malformed = record("MO-BAD", here, TODAY.plusDays(9), "123", "1985-04-01");
        try (BackendFixture backend = new BackendFixture(dir.resolve("backend"));
                LocalStore store = SyncTestStores.create(dir.resolve("store"), CLOCK)) {
            backend.backend().moveOuts().add(List.of(
                    record("MO-1", here, TODAY.plusDays(20), "91000000014", "1985-04-01"),
                    record("MO-OLD", here, TODAY.minusDays(1), "91000000022", "1985-04-01"),
                    record("MO-ELSE", "111112", TODAY.plusDays(20), "91000000030", "1985-04-01"),
                    malformed,
                    record("MO-2", here, TODAY.plusDays(20), "91000000049", "1990-01-01")), Instant.now());
            MoveOutPull pull = new MoveOutPull(backend.client(), store.moveOuts(), CLOCK, 2, 10);

            MoveOutPull.Outcome first = pull.pull();
            assertThat(first.problem()).isNull();
            assertThat(first.stored()).isEqualTo(2);
            assertThat(first.refusals()).containsExactly("MO-OLD: expired on 2026-11-19",
                    "MO-ELSE: for another municipality", "MO-BAD: malformed");
            assertThat(first.problemOr(null)).startsWith("move-out records refused: MO-OLD");
            assertThat(store.moveOuts().checkpoint()).contains("m5");
            assertThat(store.moveOuts().withMemberBornOn(LocalDate.of(1985, 4, 1), TODAY))
                    .extracting(MoveOutRecord::recordId).containsExactly("MO-1");
            assertThat(store.moveOuts().find("MO-ELSE", TODAY)).as("never stored").isEmpty();
            assertThat(store.moveOuts().find("MO-BAD", TODAY)).isEmpty();
            MoveOutRecord stored = store.moveOuts().find("MO-2", TODAY).orElseThrow();
            assertThat(stored.members()).extracting(MoveOutMember::residentCode).containsExactly("91000000049");

            MoveOutPull.Outcome again = pull.pull();
            assertThat(again.stored()).as("from the checkpoint: nothing new").isZero();
            assertThat(again.refusals()).isEmpty();

            backend.backend().moveOuts().add(List.of(record("MO-3", here, TODAY.plusDays(5), "91000000057",
                    "2001-02-03")), Instant.now());
            assertThat(pull.pull().stored()).isEqualTo(1);
            assertThat(store.moveOuts().checkpoint()).contains("m6");
        }
    }

    @Test
    void aPageStoredTwiceHoldsEachRecordOnce() throws Exception {
        try (BackendFixture backend = new BackendFixture(dir.resolve("backend"));
                LocalStore store = SyncTestStores.create(dir.resolve("store"), CLOCK)) {
            backend.backend().moveOuts().add(List.of(record("MO-1", DemoMoveOuts.MUNICIPALITY_CODE,
                    TODAY.plusDays(20), "91000000014", "1985-04-01")), Instant.now());
            new MoveOutPull(backend.client(), store.moveOuts(), CLOCK, 10, 10).pull();
            // a crash after the page was stored but before anything else: the same page comes again
            store.moveOuts().applyPage(store.moveOuts().withMemberBornOn(LocalDate.of(1985, 4, 1), TODAY), "m1", 0);
            assertThat(store.moveOuts().withMemberBornOn(LocalDate.of(1985, 4, 1), TODAY)).hasSize(1);
        }
    }

    @Test
    void theSyncEnginePullsTheRecordsOnceTheRegisterHasCaughtUpAndSaysWhatItRefused() throws Exception {
        try (BackendFixture backend = new BackendFixture(dir.resolve("backend"));
                LocalStore store = SyncTestStores.create(dir.resolve("store"), CLOCK)) {
            backend.backend().moveOuts().add(List.of(
                    record("MO-1", DemoMoveOuts.MUNICIPALITY_CODE, TODAY.plusDays(20), "91000000014", "1985-04-01"),
                    record("MO-ELSE", "111112", TODAY.plusDays(20), "91000000030", "1985-04-01")), Instant.now());
            var client = backend.client();
            SyncService sync = new SyncService(store.outbox(), store.registerPull(), store.settings(), client,
                    SyncPolicy.defaults(), BackendFixture.TERMINAL, CLOCK, new java.util.Random(1))
                    .pullingAlso(new MoveOutPull(client, store.moveOuts(), CLOCK, 10, 10));
            sync.runOnce();
            assertThat(store.moveOuts().find("MO-1", TODAY)).isPresent();
            assertThat(store.moveOuts().find("MO-ELSE", TODAY)).isEmpty();
            assertThat(sync.status().lastProblem()).isEqualTo("move-out records refused: MO-ELSE: for another "
                    + "municipality");
        }
    }

    @Test
    void aBackendWithoutTheResourceIsNoProblem() {
        try (LocalStore store = SyncTestStores.create(dir.resolve("store"), CLOCK)) {
            MoveOutPull.Outcome outcome = new MoveOutPull(new FakeBackend(), store.moveOuts(), CLOCK, 10, 10).pull();
            assertThat(outcome.stored()).isZero();
            assertThat(outcome.problem()).isNull();
        }
    }
}
