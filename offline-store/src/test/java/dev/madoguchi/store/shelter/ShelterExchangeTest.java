package dev.madoguchi.store.shelter;

import static dev.madoguchi.domain.shelter.ShelterSamples.household;
import static dev.madoguchi.domain.shelter.ShelterSamples.person;
import static dev.madoguchi.domain.shelter.ShelterSamples.shelter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.domain.shelter.Departure;
import dev.madoguchi.domain.shelter.Destination;
import dev.madoguchi.domain.shelter.Present;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two laptops of one shelter exchanging events by file, and every way a file is refused with nothing imported. */
class ShelterExchangeTest {

    private static final char[] PASSPHRASE = "体育館 2026 避難所".toCharArray();
    private static final String TOWN = "132055";

    @TempDir
    Path dir;

    private Path a;
    private Path b;

    @BeforeEach
    void twoLaptops() {
        a = dir.resolve("a");
        b = dir.resolve("b");
        TestStores.createWithClerks(a, options("laptop-a")).close();
        TestStores.createWithClerks(b, options("laptop-b")).close();
        try (LocalStore store = open(a, "laptop-a")) {
            store.shelter().saveShelter(shelter("S1"));
            store.shelter().saveShelter(shelter("S2"));
        }
    }

    private static StoreOptions options(String terminal) {
        return new StoreOptions(terminal, 1_000, Clock.systemUTC(), new SecureRandom());
    }

    private static LocalStore open(Path dir, String terminal) {
        return LocalStore.open(dir, TestStores.SHELTER, TestStores.SHELTER_PASSPHRASE, options(terminal));
    }

    @Test
    void theOtherLaptopSeesTheSamePresentListAndImportingTwiceOrOverlappingFilesChangesNothing() throws Exception {
        Path first = dir.resolve("first.mdgx");
        Path second = dir.resolve("second.mdgx");
        String fingerprint;
        try (LocalStore store = open(a, "laptop-a")) {
            store.shelter().checkIn("S1", household("H1", person("P1", "髙﨑　𠮷子"), person("P2", "甲")));
            var export = store.shelterExchange().export(first, PASSPHRASE, TOWN, 0);
            assertThat(export.events()).isEqualTo(2);
            fingerprint = export.fingerprint();
            store.shelter().checkOut("S1", new Departure("P2", Destination.OTHER_SHELTER, "S2"));
            assertThat(store.shelterExchange().export(second, PASSPHRASE, TOWN, 0).events())
                    .as("the second file overlaps the first").isEqualTo(4);
        }
        try (LocalStore store = open(b, "laptop-b")) {
            var imported = store.shelterExchange().importFile(first, PASSPHRASE, TOWN, Set.of(fingerprint));
            assertThat(imported.imported()).isEqualTo(2);
            assertThat(imported.newlyTrusted()).isTrue();
            assertThat(imported.terminalId()).isEqualTo("laptop-a");
            var again = store.shelterExchange().importFile(first, PASSPHRASE, TOWN, Set.of());
            assertThat(again.imported()).isZero();
            assertThat(again.alreadyHeld()).isEqualTo(2);
            var overlap = store.shelterExchange().importFile(second, PASSPHRASE, TOWN, Set.of());
            assertThat(overlap.imported()).isEqualTo(2);
            assertThat(overlap.conflicts()).isEmpty();
            assertThat(store.shelter().shelters()).extracting(s -> s.id()).containsExactly("S1", "S2");
            assertThat(store.outbox().ofAggregate(ShelterRepository.AGGREGATE, "S1")).hasSize(3);
            assertThat(store.shelterExchange().trustedTerminals()).extracting(ShelterKeys.Trusted::fingerprint)
                    .containsExactly(fingerprint);
        }
        Present onA;
        Present onA2;
        try (LocalStore store = open(a, "laptop-a")) {
            onA = store.shelter().present("S1");
            onA2 = store.shelter().present("S2");
        }
        try (LocalStore store = open(b, "laptop-b")) {
            assertThat(store.shelter().present("S1")).isEqualTo(onA);
            assertThat(store.shelter().present("S2")).isEqualTo(onA2);
            assertThat(onA.present()).isEqualTo(1);
        }
    }

    @Test
    void eventsFlowBothWaysAndAConflictIsResolvedByOrderAndReported() throws Exception {
        Path fromA = dir.resolve("a.mdgx");
        Path fromB = dir.resolve("b.mdgx");
        String fpA;
        String fpB;
        try (LocalStore store = open(a, "laptop-a")) {
            store.shelter().checkIn("S1", household("H1", person("P1", "甲")));
            fpA = store.shelterExchange().export(fromA, PASSPHRASE, TOWN, 0).fingerprint();
        }
        try (LocalStore store = open(b, "laptop-b")) {
            store.shelterExchange().importFile(fromA, PASSPHRASE, TOWN, Set.of(fpA));
            store.shelter().checkOut("S1", new Departure("P1", Destination.HOME, "")); // B: P1 left
            fpB = store.shelterExchange().export(fromB, PASSPHRASE, TOWN, 0).fingerprint();
        }
        Thread.sleep(5);
        try (LocalStore store = open(a, "laptop-a")) {
            store.shelter().checkOut("S1", new Departure("P1", Destination.HOSPITAL, "")); // A, unaware: P1 left too
            var imported = store.shelterExchange().importFile(fromB, PASSPHRASE, TOWN, Set.of(fpB));
            assertThat(imported.imported()).isEqualTo(1);
            assertThat(imported.alreadyHeld()).isEqualTo(1);
            assertThat(imported.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.personId()).isEqualTo("P1");
                assertThat(c.kind()).isEqualTo("shelter.checked-out");
            });
            assertThat(store.shelter().present("S1").present()).isZero();
        }
    }

    @Test
    void truncatedTamperedUnknownOtherMunicipalityAndWrongPassphraseFilesAreRefusedWithNothingImported()
            throws Exception {
        Path file = dir.resolve("x.mdgx");
        String fingerprint;
        try (LocalStore store = open(a, "laptop-a")) {
            store.shelter().checkIn("S1", household("H1", person("P1", "甲")));
            fingerprint = store.shelterExchange().export(file, PASSPHRASE, TOWN, 0).fingerprint();
        }
        byte[] good = Files.readAllBytes(file);
        try (LocalStore store = open(b, "laptop-b")) {
            ShelterExchange exchange = store.shelterExchange();
            refused(exchange, write("cut.mdgx", Arrays.copyOf(good, good.length - 40)), fingerprint,
                    StoreError.EXCHANGE_TRUNCATED);
            refused(exchange, write("cut2.mdgx", Arrays.copyOf(good, good.length / 2)), fingerprint,
                    StoreError.EXCHANGE_TRUNCATED);
            for (int at : new int[] {20, good.length / 2, good.length - 10}) {
                byte[] bad = good.clone();
                bad[at] ^= 0x01;
                refused(exchange, write("bad" + at + ".mdgx", bad), fingerprint, StoreError.EXCHANGE_TAMPERED);
            }
            assertThatThrownBy(() -> exchange.importFile(file, PASSPHRASE, TOWN, Set.of()))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.UNKNOWN_TERMINAL));
            refusedWith(() -> exchange.importFile(file, PASSPHRASE, "011002", Set.of(fingerprint)),
                    StoreError.OTHER_MUNICIPALITY);
            refusedWith(() -> exchange.importFile(file, "wrong".toCharArray(), TOWN, Set.of(fingerprint)),
                    StoreError.WRONG_EXCHANGE_PASSPHRASE);
            assertThat(store.shelter().present("S1").present()).isZero();
            assertThat(exchange.trustedTerminals()).as("a refused file pins nothing").isEmpty();
            assertThat(store.outbox().ofAggregate(ShelterRepository.AGGREGATE, "S1")).isEmpty();
            assertThat(exchange.importFile(file, PASSPHRASE, TOWN, Set.of(fingerprint)).imported()).isEqualTo(1);
        }
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static void refused(ShelterExchange exchange, Path file, String fingerprint, StoreError error) {
        refusedWith(() -> exchange.importFile(file, PASSPHRASE, TOWN, Set.of(fingerprint)), error);
    }

    private static void refusedWith(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, StoreError error) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.error()).isEqualTo(error));
    }
}
