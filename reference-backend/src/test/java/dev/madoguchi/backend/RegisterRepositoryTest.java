package dev.madoguchi.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.backend.register.ChangePage;
import dev.madoguchi.backend.register.Checkpoint;
import dev.madoguchi.backend.register.CheckpointException;
import dev.madoguchi.backend.register.RegisterChange;
import dev.madoguchi.backend.register.RegisterRepository;
import dev.madoguchi.backend.register.RegisterResident;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The register and its change feed on a real database (H2 file and PostgreSQL), through the real migrations. */
class RegisterRepositoryTest {

    @TempDir
    Path temp;

    private BackendData open(TestDatabase db) {
        return BackendData.open(BackendConfig.builder(db.freshUrl(temp)).demoResidents(0).build());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pagesAcrossACheckpointWithUpsertsAndTombstonesEachResidentOnceInItsLatestState(TestDatabase db)
            throws Exception {
        try (BackendData data = open(db)) {
            RegisterRepository register = data.register();
            List<RegisterResident> first = IntStream.rangeClosed(1, 25).mapToObj(n -> Residents.resident(n, "𠮷田"))
                    .toList();
            register.upsert(first);
            ChangePage page1 = register.changesSince(null, 10);
            assertThat(page1.changes()).hasSize(10);
            assertThat(page1.hasMore()).isTrue();
            assertThat(page1.changes()).extracting(RegisterChange::residentId)
                    .containsExactly(ids(1, 10).toArray(String[]::new));

            // while the client is between pages: resident 3 (already pulled) changes, 12 (not yet pulled) is
            // removed, 30 is new
            RegisterResident changed = Residents.resident(3, "髙橋");
            register.upsert(List.of(changed, Residents.resident(30, "渡邉")));
            register.remove(List.of("R0000012"));

            List<RegisterChange> rest = new ArrayList<>();
            String checkpoint = page1.checkpoint().token();
            ChangePage page;
            do {
                page = register.changesSince(checkpoint, 10);
                rest.addAll(page.changes());
                checkpoint = page.checkpoint().token();
            } while (page.hasMore());

            Map<String, RegisterChange> byId = new HashMap<>();
            rest.forEach(c -> assertThat(byId.put(c.residentId(), c)).as("once per pull: " + c.residentId()).isNull());
            assertThat(byId.keySet()).contains("R0000003", "R0000012", "R0000030");
            assertThat(byId).doesNotContainKeys("R0000001", "R0000002");
            assertThat(((RegisterChange.Upsert) byId.get("R0000003")).resident().familyName()).isEqualTo("髙橋");
            assertThat(byId.get("R0000012")).isInstanceOf(RegisterChange.Tombstone.class);
            assertThat(((RegisterChange.Tombstone) byId.get("R0000012")).removedAt()).isNotNull();
            assertThat(rest).extracting(RegisterChange::sequence).isSorted();
            // 11..25 except 12 as upserts, 12 as tombstone, 3 and 30 as upserts: 17 changes
            assertThat(rest).hasSize(17);

            // at the head: an empty page that keeps the checkpoint
            ChangePage empty = register.changesSince(checkpoint, 10);
            assertThat(empty.changes()).isEmpty();
            assertThat(empty.hasMore()).isFalse();
            assertThat(empty.checkpoint().token()).isEqualTo(checkpoint);

            // the full pull from the beginning has 25 current residents and 1 tombstone, once each
            List<RegisterChange> all = pullAll(register, 7);
            assertThat(all).hasSize(26);
            assertThat(all.stream().filter(c -> c instanceof RegisterChange.Tombstone)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keepsTheRegistersTextsAndForeignResidentItemsExactly(TestDatabase db) {
        try (BackendData data = open(db)) {
            RegisterResident foreign = Residents.foreignResident(7);
            RegisterResident rare = Residents.resident(8, "𠮷田");
            data.register().upsert(List.of(foreign, rare));
            assertThat(data.register().findByCode(foreign.residentCode())).contains(foreign);
            assertThat(data.register().findByCode(rare.residentCode())).contains(rare);
            assertThat(data.register().findByCode("99999999999")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRemovedResidentIsNotFoundAndComesBackWhenUpsertedAgain(TestDatabase db) throws Exception {
        try (BackendData data = open(db)) {
            RegisterResident r = Residents.resident(1, "山﨑");
            data.register().upsert(List.of(r));
            long removedAt = data.register().remove(List.of(r.residentId()));
            assertThat(data.register().findByCode(r.residentCode())).isEmpty();
            assertThat(data.register().remove(List.of(r.residentId()))).as("removing twice is no new change")
                    .isEqualTo(removedAt);
            data.register().upsert(List.of(r));
            assertThat(data.register().findByCode(r.residentCode())).contains(r);
            assertThat(pullAll(data.register(), 100)).singleElement().isInstanceOf(RegisterChange.Upsert.class);
            assertThatThrownBy(() -> data.register().remove(List.of("R9999999")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesAResidentCodeOfAnotherResidentAndWritesNothingOfThatCall(TestDatabase db) throws Exception {
        try (BackendData data = open(db)) {
            data.register().upsert(List.of(Residents.resident(1, "鈴木")));
            long head = data.register().head().sequence();
            RegisterResident clash = new RegisterResident("R0000002", Residents.resident(1, "x").residentCode(), "H2",
                    "世帯主", "佐藤", "一郎", "サトウ", "イチロウ", java.time.LocalDate.of(1980, 1, 1),
                    dev.madoguchi.domain.Sex.MALE, "000-0001", "a", java.time.LocalDate.of(2000, 1, 1), "R0000002", "a",
                    null, null, null, null, null);
            assertThatThrownBy(() -> data.register().upsert(List.of(Residents.resident(3, "田中"), clash)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(data.register().head().sequence()).isEqualTo(head);
            assertThat(pullAll(data.register(), 100)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesCheckpointsOfAnotherRegisterOrFromTheFuture(TestDatabase db) throws Exception {
        try (BackendData data = open(db)) {
            data.register().upsert(List.of(Residents.resident(1, "鈴木")));
            String epoch = data.register().head().epoch();
            assertThatThrownBy(() -> data.register().changesSince("not-a-checkpoint", 10))
                    .isInstanceOf(CheckpointException.class);
            assertThatThrownBy(() -> data.register().changesSince(new Checkpoint("other", 1).token(), 10))
                    .isInstanceOf(CheckpointException.class).hasMessageContaining("another register");
            assertThatThrownBy(() -> data.register().changesSince(new Checkpoint(epoch, 99).token(), 10))
                    .isInstanceOf(CheckpointException.class).hasMessageContaining("ahead");
            assertThat(data.register().changesSince(new Checkpoint(epoch, 1).token(), 10).changes()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPullRunningWhileWritersCommitMissesNoChange(TestDatabase db) throws Exception {
        try (BackendData data = open(db)) {
            RegisterRepository register = data.register();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> writes = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    int base = w * 1000;
                    writes.add(writers.submit(() -> {
                        for (int i = 1; i <= 60; i++) {
                            // a new resident, and one written before changes again (it moves to a new sequence)
                            register.upsert(List.of(Residents.resident(base + i, "甲")));
                            register.upsert(List.of(Residents.resident(base + 1 + (i * 7) % i, "乙" + i)));
                            if (i % 10 == 0) {
                                register.remove(List.of(String.format("R%07d", base + i - 5)));
                            }
                        }
                        return null;
                    }));
                }
                // an incremental puller running meanwhile ends where a fresh full pull ends: nothing slipped behind
                Map<String, Long> seen = new HashMap<>();
                String checkpoint = null;
                boolean done = false;
                while (!done) {
                    done = writes.stream().allMatch(Future::isDone);
                    ChangePage page;
                    do {
                        page = register.changesSince(checkpoint, 13);
                        page.changes().forEach(c -> seen.put(c.residentId(), c.sequence()));
                        checkpoint = page.checkpoint().token();
                    } while (page.hasMore());
                }
                for (Future<?> f : writes) {
                    f.get();
                }
                Map<String, Long> full = new HashMap<>();
                pullAll(register, 1000).forEach(c -> full.put(c.residentId(), c.sequence()));
                assertThat(full).hasSize(240);
                assertThat(seen).isEqualTo(full);
            } finally {
                writers.shutdownNow();
            }
        }
    }

    static List<RegisterChange> pullAll(RegisterRepository register, int limit) throws CheckpointException {
        List<RegisterChange> all = new ArrayList<>();
        String checkpoint = null;
        ChangePage page;
        do {
            page = register.changesSince(checkpoint, limit);
            all.addAll(page.changes());
            checkpoint = page.checkpoint().token();
        } while (page.hasMore());
        return all;
    }

    private static List<String> ids(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> String.format("R%07d", n)).toList();
    }
}
