package dev.madoguchi.store.shelter;

import static dev.madoguchi.domain.shelter.ShelterSamples.household;
import static dev.madoguchi.domain.shelter.ShelterSamples.person;
import static dev.madoguchi.domain.shelter.ShelterSamples.shelter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.Departure;
import dev.madoguchi.domain.shelter.Destination;
import dev.madoguchi.domain.shelter.Pet;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.domain.testing.MovableClock;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.outbox.OutboxMessage;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded check-ins (the demo store, docs/adr/0026): two stores seeded alike on different laptops, at different times,
 * hold the same events, so exchanging files between them brings no conflict and no new event for the seeded ones;
 * what staff record afterwards travels as usual, with random ids. Seeding is for the administrator only.
 */
class ShelterSeedTest {

    private static final char[] PASSPHRASE = "体育館 2026 避難所".toCharArray();
    private static final String TOWN = "999997";
    private static final String SEED = "demo:42:300:shelters-2x120";
    private static final Instant EVENING = Instant.parse("2026-11-01T09:00:00Z");

    @TempDir
    Path dir;

    private final MovableClock clockA = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"), ZoneId.of("UTC"));
    private final MovableClock clockB = new MovableClock(Instant.parse("2026-12-03T05:17:00Z"), ZoneId.of("UTC"));

    private static StoreOptions options(String terminal, Clock clock) {
        return new StoreOptions(terminal, 1_000, Clock.systemUTC(), new SecureRandom()).withClock(clock);
    }

    private static List<Arrival> households() {
        return List.of(household("H-1", person("P1", "髙﨑　𠮷子"), person("P2", "髙﨑　一郎")),
                new Arrival("H-2", Stay.CAR, "", List.of(new Pet("犬", 1, "屋外ケージ")), "品川500あ1234",
                        List.of(person("P3", "山田　花子"))),
                household("H-3", person("P4", "甲")));
    }

    /** A store made as the demo makes one: the administrator saves the shelters and seeds the households. */
    private static void seeded(Path store, StoreOptions options, String seed) {
        try (LocalStore admin = TestStores.createWithClerks(store, options)) {
            admin.shelter().saveShelter(shelter("S1"));
            admin.shelter().saveShelter(shelter("S2"));
            List<Arrival> all = households();
            for (int i = 0; i < all.size(); i++) {
                admin.shelter().seedCheckIn(seed, i == 2 ? "S2" : "S1", all.get(i), EVENING.plusSeconds(120L * i));
            }
        }
    }

    private static LocalStore staff(Path store, StoreOptions options) {
        return LocalStore.open(store, TestStores.SHELTER, TestStores.SHELTER_PASSPHRASE, options);
    }

    private static List<ShelterEvent> histories(LocalStore store) {
        List<ShelterEvent> out = new ArrayList<>();
        for (String p : List.of("P1", "P2", "P3")) {
            out.addAll(store.shelter().history("S1", p));
        }
        out.addAll(store.shelter().history("S2", "P4"));
        return out;
    }

    private static List<String> payloads(LocalStore store) {
        List<String> out = new ArrayList<>();
        for (String shelterId : List.of("S1", "S2")) {
            store.outbox().ofAggregate(ShelterRepository.AGGREGATE, shelterId).stream()
                    .map(OutboxMessage::payload).forEach(out::add);
        }
        return out;
    }

    @Test
    void twoStoresSeededAloneHoldTheSameEventsAndTheirFilesBringNoConflictAndNothingNew() {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        seeded(a, options("laptop-a", clockA), SEED);
        seeded(b, options("laptop-b", clockB), SEED);
        Path fromA = dir.resolve("a-1.mdgsx");
        String fingerprintA;
        List<ShelterEvent> seededOnA;
        try (LocalStore store = staff(a, options("laptop-a", clockA))) {
            seededOnA = histories(store);
            assertThat(seededOnA).hasSize(4).allSatisfy(e -> {
                assertThat(e.eventId().version()).as("name-based").isEqualTo(3);
                assertThat(e.originTerminal()).isEqualTo(SEED);
            });
            assertThat(store.shelter().present("S1").people()).extracting(p -> p.since())
                    .as("arrival times of the seed, not the time the store was made")
                    .containsOnly(EVENING, EVENING.plusSeconds(120));
            fingerprintA = store.shelterExchange().export(fromA, PASSPHRASE, TOWN, 0).fingerprint();
        }
        try (LocalStore store = staff(b, options("laptop-b", clockB))) {
            assertThat(histories(store)).as("the same events, field for field").isEqualTo(seededOnA);
            var before = List.of(store.shelter().present("S1"), store.shelter().present("S2"));
            var imported = store.shelterExchange().importFile(fromA, PASSPHRASE, TOWN, Set.of(fingerprintA));
            assertThat(imported.received()).isEqualTo(4);
            assertThat(imported.imported()).isZero();
            assertThat(imported.alreadyHeld()).isEqualTo(4);
            assertThat(imported.conflicts()).isEmpty();
            assertThat(List.of(store.shelter().present("S1"), store.shelter().present("S2"))).isEqualTo(before);
            assertThat(store.shelter().present("S1").present()).isEqualTo(3);
        }
        List<String> outboxA;
        try (LocalStore store = staff(a, options("laptop-a", clockA))) {
            outboxA = payloads(store);
            assertThat(outboxA).as("the backend is sent the same bytes by either laptop").hasSize(4);
        }
        try (LocalStore store = staff(b, options("laptop-b", clockB))) {
            assertThat(payloads(store)).isEqualTo(outboxA);
        }
    }

    @Test
    void whatStaffRecordAfterTheSeedTravelsAloneWithRandomIdsAndBothLaptopsEndAlike() {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        seeded(a, options("laptop-a", clockA), SEED);
        seeded(b, options("laptop-b", clockB), SEED);
        Path fromA = dir.resolve("a-1.mdgsx");
        String fingerprintA;
        List<String> recorded = new ArrayList<>();
        try (LocalStore store = staff(a, options("laptop-a", clockA))) {
            recorded.addAll(store.shelter().checkIn("S1", household("H-9", person("P9", "乙"))).eventIds());
            clockA.advance(Duration.ofMinutes(5));
            store.shelter().checkOut("S1", new Departure("P1", Destination.HOME, ""));
            store.shelter().history("S1", "P1").stream().filter(e -> e.kind() == ShelterEventKind.CHECK_OUT)
                    .forEach(e -> recorded.add(e.eventId().toString()));
            assertThat(recorded).hasSize(2).allSatisfy(id -> assertThat(UUID.fromString(id).version())
                    .as("a check-in by staff keeps its random id").isEqualTo(4));
            fingerprintA = store.shelterExchange().export(fromA, PASSPHRASE, TOWN, 0).fingerprint();
        }
        try (LocalStore store = staff(b, options("laptop-b", clockB))) {
            var imported = store.shelterExchange().importFile(fromA, PASSPHRASE, TOWN, Set.of(fingerprintA));
            assertThat(imported.received()).isEqualTo(6);
            assertThat(imported.imported()).as("exactly the check-in and the check-out").isEqualTo(2);
            assertThat(imported.alreadyHeld()).isEqualTo(4);
            assertThat(imported.conflicts()).isEmpty();
            List<String> arrived = new ArrayList<>();
            store.shelter().history("S1", "P9").forEach(e -> arrived.add(e.eventId().toString()));
            store.shelter().history("S1", "P1").stream().filter(e -> e.kind() == ShelterEventKind.CHECK_OUT)
                    .forEach(e -> arrived.add(e.eventId().toString()));
            assertThat(arrived).isEqualTo(recorded);
        }
        try (LocalStore onA = staff(a, options("laptop-a", clockA));
                LocalStore onB = staff(b, options("laptop-b", clockB))) {
            for (String shelterId : List.of("S1", "S2")) {
                assertThat(onB.shelter().present(shelterId)).isEqualTo(onA.shelter().present(shelterId));
            }
            assertThat(onB.shelter().present("S1").people()).extracting(p -> p.person().personId())
                    .containsExactlyInAnyOrder("P2", "P3", "P9");
        }
    }

    @Test
    void anotherSeedOrOtherDataGivesOtherEventsSoTheyMeetAsConflicts() {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        seeded(a, options("laptop-a", clockA), SEED);
        seeded(b, options("laptop-b", clockB), "demo:43:300:shelters-2x120");
        Path fromA = dir.resolve("a-1.mdgsx");
        String fingerprintA;
        try (LocalStore store = staff(a, options("laptop-a", clockA))) {
            fingerprintA = store.shelterExchange().export(fromA, PASSPHRASE, TOWN, 0).fingerprint();
        }
        try (LocalStore store = staff(b, options("laptop-b", clockB))) {
            var imported = store.shelterExchange().importFile(fromA, PASSPHRASE, TOWN, Set.of(fingerprintA));
            assertThat(imported.imported()).isEqualTo(4);
            assertThat(imported.conflicts()).hasSize(4).allSatisfy(c -> assertThat(c.kind())
                    .isEqualTo("shelter.checked-in"));
        }
        Path c = dir.resolve("c");
        try (LocalStore admin = TestStores.createWithClerks(c, options("laptop-c", clockA))) {
            admin.shelter().saveShelter(shelter("S1"));
            UUID same = UUID.fromString(admin.shelter().seedCheckIn(SEED, "S1", households().get(0), EVENING)
                    .eventIds().get(0));
            try (LocalStore onA = staff(a, options("laptop-a", clockA))) {
                assertThat(onA.shelter().history("S1", "P1").get(0).eventId()).isEqualTo(same);
            }
            admin.shelter().saveShelter(shelter("S2"));
            var later = admin.shelter().seedCheckIn(SEED, "S2", households().get(0), EVENING.plusSeconds(1));
            assertThat(UUID.fromString(later.eventIds().get(0))).as("another shelter and time").isNotEqualTo(same);
        }
    }

    @Test
    void onlyTheAdministratorSeedsAMalformedSeedIsRefusedAndAHouseholdIsSeededOnce() {
        Path a = dir.resolve("a");
        seeded(a, options("laptop-a", clockA), SEED);
        try (LocalStore store = staff(a, options("laptop-a", clockA))) {
            assertThatThrownBy(() -> store.shelter().seedCheckIn(SEED, "S1", household("H-8", person("P8", "丙")),
                    EVENING)).isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.NOT_PERMITTED));
            store.shelter().checkOut("S2", new Departure("P4", Destination.HOME, ""));
        }
        try (LocalStore admin = TestStores.openAs(a, TestStores.ADMIN, TestStores.ADMIN_PASSPHRASE)) {
            assertThatThrownBy(() -> admin.shelter().seedCheckIn("demo seed with spaces", "S1",
                    household("H-8", person("P8", "丙")), EVENING)).isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.BAD_INPUT));
            assertThatThrownBy(() -> admin.shelter().seedCheckIn(SEED, "S1", households().get(0), EVENING))
                    .as("present: refused as any check-in").isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.ALREADY_CHECKED_IN));
            assertThatThrownBy(() -> admin.shelter().seedCheckIn(SEED, "S2", households().get(2),
                    EVENING.plusSeconds(240))).as("checked out since, but seeded before: the same event again")
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.BAD_INPUT));
            assertThat(admin.shelter().present("S1").present()).isEqualTo(3);
            assertThat(admin.shelter().history("S1", "P8")).isEmpty();
        }
    }
}
