package dev.madoguchi.store.shelter;

import static dev.madoguchi.domain.shelter.ShelterSamples.household;
import static dev.madoguchi.domain.shelter.ShelterSamples.person;
import static dev.madoguchi.domain.shelter.ShelterSamples.shelter;
import static dev.madoguchi.store.TestStores.SHELTER;
import static dev.madoguchi.store.TestStores.SHELTER_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.AgeBand;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.Departure;
import dev.madoguchi.domain.shelter.Destination;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.Pet;
import dev.madoguchi.domain.shelter.Present;
import dev.madoguchi.domain.shelter.PresentPerson;
import dev.madoguchi.domain.shelter.SexCounts;
import dev.madoguchi.domain.shelter.ShelterReport;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.domain.testing.MovableClock;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.outbox.OutboxMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShelterRepositoryTest {

    @TempDir
    Path dir;

    @BeforeEach
    void shelters() {
        TestStores.createWithClerks(dir).close();
        try (LocalStore store = open()) {
            store.shelter().saveShelter(shelter("S1"));
            store.shelter().saveShelter(shelter("S2"));
        }
    }

    private LocalStore open() {
        return TestStores.openAs(dir, SHELTER, SHELTER_PASSPHRASE);
    }

    @Test
    void sheltersAreSavedListedAndUpdated() {
        try (LocalStore store = open()) {
            var changed = new dev.madoguchi.domain.shelter.Shelter("S2", "第二小学校", "", 10, 5, List.of("教室1"),
                    java.util.Set.of(dev.madoguchi.domain.shelter.ShelterFeature.PETS_ALLOWED));
            store.shelter().saveShelter(changed);
            assertThat(store.shelter().shelters()).extracting(s -> s.id()).containsExactly("S1", "S2");
            assertThat(store.shelter().shelter("S2")).contains(changed);
            assertThat(store.shelter().shelter("S1")).contains(shelter("S1"));
            assertThat(store.shelter().shelter("S9")).isEmpty();
        }
    }

    @Test
    void aHouseholdChecksInAsOneUnitAndIsPresentWithItsData() {
        try (LocalStore store = open()) {
            Arrival arrival = new Arrival("H-017", Stay.CAR, "", List.of(new Pet("犬", 1, "屋外ケージ")), "品川500あ1234",
                    List.of(person("P1", "髙﨑　𠮷子"), person("P2", "髙﨑　一郎")));
            var checkIn = store.shelter().checkIn("S1", arrival);
            assertThat(checkIn.personIds()).containsExactly("P1", "P2");
            assertThat(checkIn.eventIds()).hasSize(2).doesNotHaveDuplicates();

            Present present = store.shelter().present("S1");
            assertThat(present.present()).isEqualTo(2);
            assertThat(present.households()).isEqualTo(1);
            assertThat(present.day()).isEqualTo(2);
            assertThat(present.night()).isEqualTo(2);
            PresentPerson first = present.people().stream().filter(p -> p.personId().equals("P1")).findFirst()
                    .orElseThrow();
            assertThat(first.person()).isEqualTo(person("P1", "髙﨑　𠮷子"));
            assertThat(first.householdId()).isEqualTo("H-017");
            assertThat(first.stay()).isEqualTo(Stay.CAR);
            assertThat(first.pets()).containsExactly(new Pet("犬", 1, "屋外ケージ"));
            assertThat(first.vehicle()).isEqualTo("品川500あ1234");
            assertThat(store.shelter().present("S2").present()).isZero();
        }
    }

    @Test
    void aPersonAlreadyPresentIsRefusedAndNothingOfTheHouseholdIsWritten() {
        try (LocalStore store = open()) {
            store.shelter().checkIn("S1", household("H1", person("P1", "甲")));
            assertThatThrownBy(() -> store.shelter().checkIn("S1", household("H2", person("P2", "乙"),
                    person("P1", "甲"))))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.ALREADY_CHECKED_IN));
            assertThat(store.shelter().present("S1").people()).extracting(PresentPerson::personId)
                    .containsExactly("P1");
            // the same register resident under another person id is the same person
            Evacuee resident = withResident(person("P3", "丙"), "R000001");
            store.shelter().checkIn("S1", household("H3", resident));
            assertThatThrownBy(() -> store.shelter().checkIn("S1", household("H4",
                    withResident(person("P4", "丙"), "R000001"))))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.ALREADY_CHECKED_IN));
            // in another shelter they may be checked in
            store.shelter().checkIn("S2", household("H1", person("P1", "甲")));
            assertThatThrownBy(() -> store.shelter().checkIn("S9", household("H1", person("P5", "丁"))))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.UNKNOWN_SHELTER));
        }
    }

    @Test
    void checkOutReturnAndTransferKeepTheHistory() throws Exception {
        try (LocalStore store = open()) {
            Arrival arrival = new Arrival("H1", Stay.SHELTER, "体育館", List.of(new Pet("猫", 2, "")), "",
                    List.of(person("P1", "甲"), person("P2", "乙")));
            store.shelter().checkIn("S1", arrival);
            store.shelter().checkOut("S1", new Departure("P1", Destination.HOME, ""));
            assertThat(store.shelter().present("S1").people()).extracting(PresentPerson::personId)
                    .containsExactly("P2");
            assertThatThrownBy(() -> store.shelter().checkOut("S1", new Departure("P1", Destination.HOME, "")))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.NOT_CHECKED_IN));
            store.shelter().checkIn("S1", household("H1", person("P1", "甲"))); // came back

            store.shelter().checkOut("S1", new Departure("P2", Destination.OTHER_SHELTER, "S2"));
            assertThat(store.shelter().present("S1").people()).extracting(PresentPerson::personId)
                    .containsExactly("P1");
            PresentPerson moved = store.shelter().present("S2").people().get(0);
            assertThat(moved.personId()).isEqualTo("P2");
            assertThat(moved.householdId()).isEqualTo("H1");
            assertThat(moved.pets()).containsExactly(new Pet("猫", 2, ""));
            assertThatThrownBy(() -> store.shelter().checkOut("S1",
                    new Departure("P1", Destination.OTHER_SHELTER, "S9")))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.UNKNOWN_SHELTER));
            assertThat(store.shelter().present("S1").present()).as("a refused transfer writes nothing").isEqualTo(1);
            assertThat(count(store, "SELECT COUNT(*) FROM shelter_log")).isEqualTo(6);
        }
    }

    @Test
    void correctionsHouseholdsAndPresenceAreNewEventsNeverRewrites() throws Exception {
        try (LocalStore store = open()) {
            store.shelter().checkIn("S1", household("H1", person("P1", "甲"), person("P2", "乙")));
            String before = firstEventData(store);
            Evacuee corrected = new Evacuee("P1", "甲野", "コウノ", LocalDate.of(1950, 5, 5), Sex.MALE, "架空市1",
                    "090", "", dev.madoguchi.domain.shelter.IdentifiedBy.MANUAL,
                    List.of(CareFlag.of(CareKind.ELDERLY)), "足の怪我",
                    new dev.madoguchi.domain.shelter.Consent(true, false, true));
            store.shelter().correct("S1", corrected);
            store.shelter().leaveHousehold("S1", "P2", "H2");
            store.shelter().setPresence("S1", "P2", true, false);

            Present present = store.shelter().present("S1");
            assertThat(present.people()).extracting(p -> p.person().name(), PresentPerson::householdId,
                    PresentPerson::day, PresentPerson::night)
                    .containsExactlyInAnyOrder(tuple("甲野", "H1", true, true), tuple("乙", "H2", true, false));
            assertThat(present.people()).filteredOn(p -> p.personId().equals("P1")).extracting(PresentPerson::person)
                    .containsExactly(corrected);
            assertThat(present.households()).isEqualTo(2);
            assertThat(present.night()).isEqualTo(1);
            assertThat(firstEventData(store)).as("the check-in event is unchanged").isEqualTo(before);
            assertThat(count(store, "SELECT COUNT(*) FROM shelter_log")).isEqualTo(5);
            assertThatThrownBy(() -> store.shelter().setPresence("S1", "P9", true, true))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.NOT_CHECKED_IN));
            assertThatThrownBy(() -> store.shelter().correct("S2", corrected))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.NOT_CHECKED_IN));
        }
    }

    @Test
    void aCorrectionOfTheStayAHouseholdsPresenceAtOnceAndAPersonsHistoryInOrder() throws Exception {
        try (LocalStore store = open()) {
            store.shelter().checkIn("S1", household("H1", person("P1", "甲"), person("P2", "乙")));
            Evacuee same = store.shelter().present("S1").people().stream().filter(p -> p.personId().equals("P1"))
                    .findFirst().orElseThrow().person();
            store.shelter().correct("S1", same, Stay.CAR, "体育館");
            PresentPerson moved = store.shelter().present("S1").people().stream()
                    .filter(p -> p.personId().equals(same.personId())).findFirst().orElseThrow();
            assertThat(moved.stay()).isEqualTo(Stay.CAR);
            assertThat(moved.space()).as("a space only for those in the shelter").isEmpty();
            assertThat(moved.day()).as("presence is not changed by a correction").isTrue();

            store.shelter().setPresence("S1", "P2", true, false);
            store.shelter().setPresence("S1", List.of("P1", "P2"), false, null); // the night as each one's own
            assertThat(store.shelter().present("S1")).extracting(Present::day, Present::night)
                    .containsExactly(0, 1);
            assertThatThrownBy(() -> store.shelter().setPresence("S1", List.of("P1", "P9"), true, true))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.NOT_CHECKED_IN));
            assertThat(store.shelter().present("S1").day()).as("all or nothing").isZero();

            store.shelter().leaveHousehold("S1", "P2", "H2");
            assertThat(store.shelter().history("S1", "P2")).extracting(ShelterEvent::kind).containsExactly(
                    ShelterEventKind.CHECK_IN, ShelterEventKind.PRESENCE, ShelterEventKind.PRESENCE,
                    ShelterEventKind.LEAVE_HOUSEHOLD);
            assertThat(store.shelter().history("S1", "P2")).allSatisfy(e -> {
                assertThat(e.originTerminal()).isEqualTo("test-terminal");
                assertThat(e.recordedAt()).isNotNull();
            });
            assertThat(store.shelter().history("S2", "P2")).isEmpty();
        }
    }

    @Test
    void eachEventGoesToTheOutboxOnceInOrderWithTheEventIdAsIdempotencyKey() {
        try (LocalStore store = open()) {
            var in = store.shelter().checkIn("S1", household("H1", person("P1", "甲"), person("P2", "乙")));
            store.shelter().checkOut("S1", new Departure("P1", Destination.HOSPITAL, ""));
            store.shelter().setPresence("S1", "P2", false, true);
            List<OutboxMessage> messages = store.outbox().ofAggregate(ShelterRepository.AGGREGATE, "S1");
            assertThat(messages).extracting(OutboxMessage::aggregateSeq, OutboxMessage::kind).containsExactly(
                    tuple(1L, "shelter.checked-in"), tuple(2L, "shelter.checked-in"),
                    tuple(3L, "shelter.checked-out"), tuple(4L, "shelter.presence-set"));
            assertThat(messages.subList(0, 2)).extracting(m -> m.id().toString())
                    .containsExactlyElementsOf(in.eventIds());
            ShelterEvent event = ShelterJson.event(messages.get(2).payload());
            assertThat(event.personId()).isEqualTo("P1");
            assertThat(event.originTerminal()).isEqualTo("test-terminal");
            assertThat(event.data().path("destination").asText()).isEqualTo("hospital");
        }
    }

    @Test
    void eventsAreOrderedByAHybridLogicalClockEvenWhenTheWallClockGoesBack() throws Exception {
        MovableClock clock = new MovableClock(java.time.Instant.parse("2026-12-07T10:00:00Z"));
        try (LocalStore store = LocalStore.open(dir, SHELTER, SHELTER_PASSPHRASE, TestStores.options(clock))) {
            store.shelter().checkIn("S1", household("H1", person("P1", "甲")));
            clock.set(java.time.Instant.parse("2026-12-07T09:00:00Z")); // the clock was corrected backwards
            store.shelter().checkOut("S1", new Departure("P1", Destination.HOME, ""));
            assertThat(store.shelter().present("S1").present()).as("the check-out orders after the check-in")
                    .isZero();
            try (Connection c = TestStores.raw(store);
                    ResultSet rs = c.createStatement().executeQuery(
                            "SELECT hlc_wall, hlc_counter, kind FROM shelter_log ORDER BY local_seq")) {
                rs.next();
                long wall = rs.getLong(1);
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(wall);
                assertThat(rs.getInt(2)).isEqualTo(1);
            }
        }
    }

    @Test
    void theDailyReportCountsAgeBandsCareKindsPetsVehiclesStaysAndAllergyMeals() {
        try (LocalStore store = open()) {
            LocalDate today = LocalDate.now(ShelterReports.ZONE);
            store.shelter().checkIn("S1", new Arrival("H1", Stay.SHELTER, "体育館", List.of(new Pet("犬", 1, "")),
                    "品川500あ1234", List.of(
                            person("P1", "甲", today.minusYears(80), Sex.FEMALE, CareFlag.of(CareKind.ELDERLY),
                                    CareFlag.parse("allergy:卵")),
                            person("P2", "乙", today.minusYears(2), Sex.MALE, CareFlag.of(CareKind.INFANT),
                                    CareFlag.parse("allergy:卵"), CareFlag.parse("allergy:小麦")))));
            store.shelter().checkIn("S1", new Arrival("H2", Stay.HOME, "", List.of(new Pet("猫", 2, "")), "",
                    List.of(person("P3", "丙", today.minusYears(40), Sex.NOT_APPLICABLE,
                            CareFlag.parse("language:vi")))));
            store.shelter().checkIn("S1", household("H3", person("P4", "丁", null, Sex.MALE)));
            store.shelter().checkOut("S1", new Departure("P4", Destination.UNKNOWN, ""));

            ShelterReport r = store.shelter().report("S1", today);
            assertThat(r.present()).isEqualTo(3);
            assertThat(r.households()).isEqualTo(2);
            assertThat(r.day()).as("someone at home is not on site").isEqualTo(2);
            assertThat(r.ageBands().get(AgeBand.ELDER)).isEqualTo(new SexCounts(0, 1, 0));
            assertThat(r.ageBands().get(AgeBand.UNDER_6)).isEqualTo(new SexCounts(1, 0, 0));
            assertThat(r.ageBands().get(AgeBand.ADULT)).isEqualTo(new SexCounts(0, 0, 1));
            assertThat(r.ageBands().get(AgeBand.UNKNOWN)).isEqualTo(SexCounts.ZERO);
            assertThat(r.bySex()).isEqualTo(new SexCounts(1, 1, 1));
            assertThat(r.byFlag().get(CareKind.ALLERGY)).as("people, not flags").isEqualTo(2);
            assertThat(r.byFlag().get(CareKind.ELDERLY)).isEqualTo(1);
            assertThat(r.byFlag().get(CareKind.PREGNANT)).isZero();
            assertThat(r.allergyMeals()).containsEntry("卵", 2).containsEntry("小麦", 1).hasSize(2);
            assertThat(r.languages()).containsExactly(java.util.Map.entry("vi", 1));
            assertThat(r.pets()).isEqualTo(3);
            assertThat(r.petsBySpecies()).containsEntry("犬", 1).containsEntry("猫", 2);
            assertThat(r.vehicles()).isEqualTo(1);
            assertThat(r.byStay().get(Stay.SHELTER)).isEqualTo(2);
            assertThat(r.byStay().get(Stay.HOME)).isEqualTo(1);
            assertThat(r.byStay().get(Stay.CAR)).isZero();

            ShelterReport yesterday = store.shelter().report("S1", today.minusDays(1));
            assertThat(yesterday.present()).as("nobody had arrived yet").isZero();
        }
    }

    @Test
    void everyWriteIsAuditedWithIdsOnly() throws Exception {
        try (LocalStore store = open()) {
            store.shelter().checkIn("S1", household("H1", person("P1", "髙﨑　𠮷子")));
            store.shelter().checkOut("S1", new Departure("P1", Destination.HOME, ""));
            store.shelter().recordExport("S1", "roster csv", 12);
            assertThat(store.audit().tail(100)).extracting(e -> e.action())
                    .contains(AuditAction.SHELTER_SAVE, AuditAction.SHELTER_CHECK_IN, AuditAction.SHELTER_CHECK_OUT,
                            AuditAction.EXPORT);
            assertThat(store.audit().tail(100)).allSatisfy(e -> {
                assertThat(String.valueOf(e.subject()) + e.detail()).doesNotContain("髙﨑");
            });
            assertThat(store.audit().tail(100)).filteredOn(e -> e.action() == AuditAction.EXPORT)
                    .extracting(e -> e.detail()).containsExactly("roster csv of 12 rows");
        }
    }

    private static Evacuee withResident(Evacuee e, String residentId) {
        return new Evacuee(e.personId(), e.name(), e.kana(), e.birthDate(), e.sex(), e.address(), e.phone(),
                residentId, dev.madoguchi.domain.shelter.IdentifiedBy.CARD, e.flags(), e.injury(), e.consent());
    }

    private static String firstEventData(LocalStore store) throws Exception {
        try (Connection c = TestStores.raw(store);
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT event_data FROM shelter_log ORDER BY local_seq LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(LocalStore store, String sql) throws Exception {
        try (Connection c = TestStores.raw(store); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
