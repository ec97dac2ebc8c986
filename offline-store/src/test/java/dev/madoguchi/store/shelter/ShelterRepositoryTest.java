package dev.madoguchi.store.shelter;

import static dev.madoguchi.store.TestStores.SHELTER;
import static dev.madoguchi.store.TestStores.SHELTER_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.outbox.OutboxMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShelterRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void checksHouseholdsInAndOutWithCareAndPetFlagsAndCountsWhoIsPresent() {
        TestStores.createWithClerks(dir).close();
        try (LocalStore store = TestStores.openAs(dir, SHELTER, SHELTER_PASSPHRASE)) {
            var shelter = store.shelter();
            shelter.checkIn(new ShelterCheckIn("S1", "E1", "F1", "R000001", "窓口 太郎", false, 1));
            shelter.checkIn(new ShelterCheckIn("S1", "E2", "F1", null, "窓口 花子", true, 0));
            shelter.checkIn(new ShelterCheckIn("S1", "E3", "F2", null, "𠮷田 一", false, 2));
            shelter.checkIn(new ShelterCheckIn("S2", "E9", "F9", null, "other shelter", false, 0));
            assertThat(shelter.headcount("S1")).isEqualTo(new Headcount(3, 2, 1, 3));

            shelter.checkOut("S1", "E3");
            assertThat(shelter.headcount("S1")).isEqualTo(new Headcount(2, 1, 1, 1));
            assertThat(shelter.present("S1")).extracting(Evacuee::evacueeId).containsExactly("E1", "E2");

            shelter.checkIn(new ShelterCheckIn("S1", "E3", "F2", null, "𠮷田 一", false, 2));
            assertThat(shelter.present("S1")).extracting(Evacuee::displayName).contains("𠮷田 一");
            assertThat(shelter.exportRoster("S1")).hasSize(3);
        }
    }

    @Test
    void eachEventGoesToTheOutboxInOrderPerShelter() {
        TestStores.createWithClerks(dir).close();
        try (LocalStore store = TestStores.openAs(dir, SHELTER, SHELTER_PASSPHRASE)) {
            store.shelter().checkIn(new ShelterCheckIn("S1", "E1", "F1", null, "a", false, 0));
            store.shelter().checkIn(new ShelterCheckIn("S1", "E2", "F1", null, "b", false, 0));
            store.shelter().checkOut("S1", "E1");

            assertThat(store.outbox().ofAggregate(ShelterRepository.AGGREGATE, "S1"))
                    .extracting(OutboxMessage::aggregateSeq, OutboxMessage::kind)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1L, "shelter.checked-in"),
                            org.assertj.core.groups.Tuple.tuple(2L, "shelter.checked-in"),
                            org.assertj.core.groups.Tuple.tuple(3L, "shelter.checked-out"));
        }
    }

    @Test
    void checkingInTwiceOrOutWithoutCheckInIsRefused() {
        TestStores.createWithClerks(dir).close();
        try (LocalStore store = TestStores.openAs(dir, SHELTER, SHELTER_PASSPHRASE)) {
            store.shelter().checkIn(new ShelterCheckIn("S1", "E1", "F1", null, "a", false, 0));
            assertThatThrownBy(() -> store.shelter().checkIn(new ShelterCheckIn("S1", "E1", "F1", null, "a", false, 0)))
                    .isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> store.shelter().checkOut("S1", "E7")).isInstanceOf(StoreException.class);
            assertThat(store.outbox().ofAggregate(ShelterRepository.AGGREGATE, "S1")).hasSize(1);
        }
    }
}
