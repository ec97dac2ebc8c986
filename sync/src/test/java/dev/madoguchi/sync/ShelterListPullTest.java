package dev.madoguchi.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.backend.BackendConfig;
import dev.madoguchi.backend.ReferenceBackend;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.ShelterFeature;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.sync.backend.HttpBackendClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulling the municipality's shelter list from the real reference backend on loopback into the real store: pulled
 * shelters replace local ones with their id, shelters created on the spot are kept, bad records are refused, reported
 * and never stored, a list the backend cannot read changes nothing.
 */
class ShelterListPullTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path dir;

    private static final String LIST = """
            [{"id": "S1", "name": "第一小学校", "address": "架空市本町1-1", "dayCapacity": 400, "nightCapacity": 300,
              "spaces": ["体育館", "教室2"], "features": ["accessible-toilet", "pets-allowed"]},
             {"id": "S2", "name": "公民館"},
             {"id": "BAD-1", "name": "負の定員", "dayCapacity": -5},
             {"id": "BAD-2", "name": "未知の設備", "features": ["helipad"]},
             {"id": "BAD-3", "name": "余計な鍵", "owner": "x"},
             {"id": "bad id!", "name": "id"},
             {"name": "id なし"},
             {"id": "S2", "name": "二度目"},
             "not an object"]
            """;

    /** The real backend with the list in a file, a registered terminal and a client for it. */
    private record Running(ReferenceBackend backend, HttpBackendClient client) implements AutoCloseable {
        @Override
        public void close() {
            backend.close();
        }
    }

    private Running start(Path list) {
        ReferenceBackend backend = ReferenceBackend.start(BackendConfig.builder(BackendConfig.h2FileUrl(
                dir.resolve("backend"))).port(0).demoResidents(0).testHooks(true).shelterList(list).build());
        String token = backend.terminals().register(BackendFixture.TERMINAL).value();
        return new Running(backend, new HttpBackendClient(dev.madoguchi.sync.backend.BackendConfig.of(
                URI.create("http://127.0.0.1:" + backend.port() + "/"), token)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20))));
    }

    @Test
    void pulledSheltersReplaceTheirLocalCopyLocalOnesStayAndBadRecordsAreRefusedAndNeverStored() throws Exception {
        Path list = dir.resolve("shelters.json");
        Files.writeString(list, LIST);
        try (Running running = start(list); LocalStore store = SyncTestStores.create(dir.resolve("store"), CLOCK)) {
            store.shelter().saveShelter(new Shelter("S1", "古い名前", "", 10, 10, List.of(), Set.of()));
            store.shelter().saveShelter(new Shelter("spot-1", "その場で作った避難所", "", 50, 40, List.of("集会室"),
                    Set.of()));
            ShelterListPull pull = new ShelterListPull(running.client(), store.shelter());

            ShelterListPull.Outcome first = pull.pull();
            assertThat(first.problem()).isNull();
            assertThat(first.stored().added()).isEqualTo(1);
            assertThat(first.stored().updated()).isEqualTo(1);
            assertThat(first.refusals()).hasSize(7);
            assertThat(first.refusals()).anySatisfy(r -> assertThat(r).startsWith("shelter 3 (BAD-1): dayCapacity"))
                    .anySatisfy(r -> assertThat(r).startsWith("shelter 4 (BAD-2): ").contains("helipad"))
                    .anySatisfy(r -> assertThat(r).startsWith("shelter 5 (BAD-3): unknown key owner"))
                    .anySatisfy(r -> assertThat(r).startsWith("shelter 6 (?): "))
                    .anySatisfy(r -> assertThat(r).startsWith("shelter 7 (?): "))
                    .anySatisfy(r -> assertThat(r).isEqualTo("shelter 8 (S2): the id appears twice in the list"))
                    .anySatisfy(r -> assertThat(r).isEqualTo("shelter 9 (?): not an object"));
            assertThat(first.problemOr(null)).startsWith("shelters refused: shelter 3 (BAD-1)");

            assertThat(store.shelter().shelters()).extracting(Shelter::id).containsExactly("S1", "S2", "spot-1");
            Shelter s1 = store.shelter().shelter("S1").orElseThrow();
            assertThat(s1).isEqualTo(new Shelter("S1", "第一小学校", "架空市本町1-1", 400, 300, List.of("体育館", "教室2"),
                    Set.of(ShelterFeature.ACCESSIBLE_TOILET, ShelterFeature.PETS_ALLOWED)));
            assertThat(store.shelter().shelter("S2").orElseThrow().name()).as("the first of a doubled id only")
                    .isEqualTo("公民館");
            assertThat(store.shelter().shelter("spot-1").orElseThrow().name()).isEqualTo("その場で作った避難所");

            ShelterListPull.Outcome again = pull.pull();
            assertThat(again.stored().unchanged()).isEqualTo(2);
            assertThat(again.stored().added() + again.stored().updated()).isZero();

            Files.writeString(list, "{\"not\": \"an array\"}");
            ShelterListPull.Outcome broken = pull.pull();
            assertThat(broken.stored()).isNull();
            assertThat(broken.problem()).startsWith("shelter list pull refused: ");
            assertThat(store.shelter().shelters()).as("nothing changed").hasSize(3);
        }
    }

    @Test
    void theSyncEnginePullsTheListWhenThePullIsDueAndSaysWhatItRefused() throws Exception {
        Path list = dir.resolve("shelters.json");
        Files.writeString(list, "[{\"id\": \"S9\", \"name\": \"北小学校\", \"nightCapacity\": 120},"
                + " {\"id\": \"S10\", \"name\": \"x\", \"nightCapacity\": 1.5}]");
        try (Running running = start(list); LocalStore store = SyncTestStores.create(dir.resolve("store"), CLOCK)) {
            SyncService sync = SyncServices.forStoreWith(store, running.client(), SyncPolicy.defaults(),
                    BackendFixture.TERMINAL, CLOCK);
            sync.runOnce();
            assertThat(store.shelter().shelters()).extracting(Shelter::id).containsExactly("S9");
            assertThat(store.shelter().shelter("S9").orElseThrow().nightCapacity()).isEqualTo(120);
            assertThat(sync.status().lastProblem()).isEqualTo("shelters refused: shelter 2 (S10): nightCapacity is "
                    + "not a whole number from 0");
        }
    }

    @Test
    void aBackendWithoutTheListIsNoProblem() {
        try (LocalStore store = SyncTestStores.create(dir.resolve("store"), CLOCK)) {
            ShelterListPull.Outcome outcome = new ShelterListPull(new FakeBackend(), store.shelter()).pull();
            assertThat(outcome.stored()).isNull();
            assertThat(outcome.problem()).isNull();
            assertThat(store.shelter().shelters()).isEmpty();
        }
    }
}
