package dev.madoguchi.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.backend.BackendConfig;
import dev.madoguchi.backend.ReferenceBackend;
import dev.madoguchi.domain.shelter.Departure;
import dev.madoguchi.domain.shelter.Destination;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.ShelterFeature;
import dev.madoguchi.domain.shelter.ShelterSamples;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
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
 * and never stored, a list the backend cannot read changes nothing, another municipality's list is refused whole, and
 * a shelter dropped from the list is withdrawn (kept with its events, no new check-ins, check-outs go on).
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

    /** The reference backend serves its list as this municipality's (DemoMoveOuts.MUNICIPALITY_CODE). */
    private static final String BACKEND_MUNICIPALITY = dev.madoguchi.backend.moveout.DemoMoveOuts.MUNICIPALITY_CODE;

    @Test
    void aListOfAnotherMunicipalityIsRefusedWithATypedErrorAndChangesNothing() throws Exception {
        Path list = dir.resolve("shelters.json");
        Files.writeString(list, "[{\"id\": \"S1\", \"name\": \"第一小学校\"}, {\"id\": \"S2\", \"name\": \"公民館\"}]");
        try (Running running = start(list); LocalStore store = SyncTestStores.create(dir.resolve("store"), CLOCK)) {
            store.settings().put("municipality.code", "131016"); // set up for another municipality than the backend's
            store.shelter().saveShelter(new Shelter("S1", "古い名前", "", 10, 10, List.of(), Set.of()));
            ShelterListPull pull = new ShelterListPull(running.client(), store.shelter());

            ShelterListPull.Outcome refused = pull.pull();
            assertThat(refused.stored()).isNull();
            assertThat(refused.problem()).isEqualTo("shelter list not stored: STORE-019 (the list is municipality "
                    + BACKEND_MUNICIPALITY + "'s, not this store's)");
            assertThat(store.shelter().shelters()).as("nothing changed").extracting(Shelter::name)
                    .containsExactly("古い名前");
            assertThatThrownBy(() -> store.shelter().savePulledList("131017", List.of(ShelterSamples.shelter("S3")),
                    true)).isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.SHELTER_LIST_OF_OTHER_MUNICIPALITY));
            assertThat(store.shelter().shelters()).hasSize(1);

            store.settings().put("municipality.code", BACKEND_MUNICIPALITY);
            ShelterListPull.Outcome ours = pull.pull();
            assertThat(ours.problem()).isNull();
            assertThat(ours.stored().added() + ours.stored().updated()).isEqualTo(2);
            assertThat(store.shelter().shelters()).extracting(Shelter::name).containsExactly("第一小学校", "公民館");
        }
    }

    @Test
    void aShelterDroppedFromTheListIsWithdrawnKeptWithItsEventsClosedToCheckInsAndOpenToCheckOuts() throws Exception {
        Path list = dir.resolve("shelters.json");
        Files.writeString(list, "[{\"id\": \"S1\", \"name\": \"第一小学校\"}, {\"id\": \"S2\", \"name\": \"公民館\"}]");
        try (Running running = start(list); LocalStore store = SyncTestStores.create(dir.resolve("store"), CLOCK)) {
            store.shelter().saveShelter(new Shelter("spot-1", "その場で作った避難所", "", 50, 40, List.of(), Set.of()));
            ShelterListPull pull = new ShelterListPull(running.client(), store.shelter());
            assertThat(pull.pull().stored().added()).isEqualTo(2);
            store.shelter().checkIn("S2", ShelterSamples.household("H1", ShelterSamples.person("P1", "山田　一"),
                    ShelterSamples.person("P2", "山田　二")));
            int eventsBefore = store.shelter().history("S2", "P1").size();

            Files.writeString(list, "[{\"id\": \"S1\", \"name\": \"第一小学校\"}]"); // S2 dropped by the municipality
            ShelterListPull.Outcome dropped = pull.pull();
            assertThat(dropped.problem()).isNull();
            assertThat(dropped.stored().withdrawn()).isEqualTo(1);
            assertThat(store.shelter().shelters()).as("never deleted").extracting(Shelter::id)
                    .containsExactly("S1", "S2", "spot-1");
            assertThat(store.shelter().withdrawn()).as("a shelter made on the spot is not the list's to withdraw")
                    .containsOnlyKeys("S2").containsEntry("S2", CLOCK.instant());
            assertThat(store.shelter().history("S2", "P1")).as("its events untouched").hasSize(eventsBefore);
            assertThat(store.shelter().present("S2").people()).hasSize(2);

            assertThatThrownBy(() -> store.shelter().checkIn("S2", ShelterSamples.household("H2",
                    ShelterSamples.person("P3", "佐藤　三")))).isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.SHELTER_WITHDRAWN));
            store.shelter().checkIn("S1", ShelterSamples.household("H3", ShelterSamples.person("P4", "鈴木　四")));
            assertThatThrownBy(() -> store.shelter().checkOut("S1", new Departure("P4", Destination.OTHER_SHELTER,
                    "S2"))).as("no transfer into it").isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.SHELTER_WITHDRAWN));
            store.shelter().checkOut("S2", new Departure("P1", Destination.HOME, ""));
            store.shelter().checkOut("S2", new Departure("P2", Destination.OTHER_SHELTER, "S1"));
            assertThat(store.shelter().present("S2").people()).isEmpty();
            assertThat(store.shelter().present("S1").people()).hasSize(2);

            assertThat(pull.pull().stored().withdrawn()).as("pulled again: withdrawn once").isZero();
            Files.writeString(list, "[]");
            assertThat(pull.pull().stored().withdrawn()).as("an empty list withdraws nothing").isZero();
            assertThat(store.shelter().withdrawn()).containsOnlyKeys("S2");

            Files.writeString(list, "[{\"id\": \"S2\", \"name\": \"公民館\"}, {\"id\": \"BAD\", \"name\": \"x\","
                    + " \"dayCapacity\": -1}]");
            ShelterListPull.Outcome back = pull.pull();
            assertThat(back.stored().returned()).isEqualTo(1);
            assertThat(back.stored().withdrawn()).as("a list with refused records withdraws nothing (S1 stays)")
                    .isZero();
            assertThat(store.shelter().withdrawn()).isEmpty();
            store.shelter().checkIn("S2", ShelterSamples.household("H2", ShelterSamples.person("P3", "佐藤　三")));
            assertThat(store.shelter().present("S2").people()).hasSize(1);
        }
    }
}
