package dev.madoguchi.store.register;

import static dev.madoguchi.store.TestStores.CLERK;
import static dev.madoguchi.store.TestStores.CLERK_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulled register changes (RegisterPullRepository.applyPage → RegisterChanges) on the two-slot copy with its key
 * tables: every look-up sees the change, none sees what was replaced, and an import starts the pull over.
 */
class RegisterChangesTest {

    private static final DemoMunicipality DEMO = DemoMunicipality.generate(7, 120);
    private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");

    @TempDir
    Path dir;

    private static RegisterResident changed(RegisterResident r, String householdId, String code, String familyKana,
            String givenKana, LocalDate birthDate, String address) {
        return new RegisterResident(r.residentId(), householdId, code, r.relationship(), r.familyName(), r.givenName(),
                familyKana, givenKana, birthDate, r.sex(), r.postalCode(), address, r.movedInOn(), r.nationality(),
                r.statusOfResidence(), r.periodOfStayEnd(), r.residenceCardNumber(), r.foreignCategory());
    }

    private static RegisterResident newcomer(String id, String code, String household) {
        return new RegisterResident(id, household, code, "世帯主", "髙橋", "花子", "タカハシ", "ハナコ",
                LocalDate.of(1991, 2, 3), Sex.FEMALE, "000-0009", "架空県窓口市新町９丁目", null, null, null, null, null,
                null);
    }

    /** A resident of the demo who lives alone in their household is not needed; one who shares it is. */
    private static Resident memberOfASharedHousehold() {
        return DEMO.residents().stream()
                .filter(r -> DEMO.residents().stream().filter(o -> o.householdId().equals(r.householdId())).count() > 1)
                .findFirst().orElseThrow();
    }

    private static void importDemo(LocalStore store) {
        store.register().replaceAll(List.of(), TestStores.entries(DEMO).iterator(), ImportProgress.NONE);
    }

    @Test
    void anUpsertThatChangesKanaBirthDateCodeAndHouseholdIsFoundByTheNewKeysOnlyAndKeepsItsMyNumber() {
        Resident demo = memberOfASharedHousehold();
        RegisterResident before = TestStores.resident(demo);
        MyNumber myNumber = MyNumber.parse(demo.myNumber());
        RegisterResident after = changed(before, "HNEW1", "99999999901", "カワリ", "ナマエ", LocalDate.of(1970, 7, 7),
                "架空県窓口市新町１丁目");
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            importDemo(store);
            long households = store.register().householdCount();
            store.registerPull().applyPage(List.of(new RegisterChange.Upsert(after, after.residentId(),
                    after.address())), "1");
            assertThat(store.register().residentCount()).isEqualTo(DEMO.residents().size());
            assertThat(store.register().householdCount()).isEqualTo(households + 1); // the old one still has members
        }
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            RegisterRepository register = store.register();
            assertThat(register.findResident(before.residentId())).contains(after);
            assertThat(register.findByResidentCode("99999999901")).contains(after);
            assertThat(register.findByResidentCode(before.residentCode())).isEmpty();
            assertThat(register.findByKanaAndBirthDate("カワリ", "ナマエ", LocalDate.of(1970, 7, 7))).containsExactly(after);
            assertThat(register.findByKanaAndBirthDate(before.familyNameKana(), before.givenNameKana(),
                    before.birthDate())).extracting(RegisterResident::residentId).doesNotContain(before.residentId());
            assertThat(register.findByBirthDate(before.birthDate())).extracting(RegisterResident::residentId)
                    .doesNotContain(before.residentId());
            assertThat(register.householdMembers("HNEW1")).containsExactly(after);
            assertThat(register.householdMembers(before.householdId())).isNotEmpty()
                    .extracting(RegisterResident::residentId).doesNotContain(before.residentId());
            // the pull carried no My Number: the one imported is kept, sealed and indexed
            assertThat(register.findByMyNumber(myNumber)).contains(after);
            assertThat(register.myNumberOf(before.residentId())).contains(myNumber);
        }
    }

    @Test
    void aTombstoneRemovesTheResidentFromEveryLookupAndAnEmptiedHousehold() throws Exception {
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            importDemo(store);
            RegisterResident mover = TestStores.resident(DEMO.residents().get(5));
            RegisterResident alone = changed(mover, "HALONE", mover.residentCode(), mover.familyNameKana(),
                    mover.givenNameKana(), mover.birthDate(), mover.address());
            long households = store.register().householdCount();
            store.registerPull().applyPage(List.of(new RegisterChange.Upsert(alone, null, null)), "1");
            assertThat(store.register().householdCount()).isBetween(households, households + 1);
            long withAlone = store.register().householdCount();
            store.registerPull().applyPage(List.of(new RegisterChange.Tombstone(mover.residentId(), T0),
                    new RegisterChange.Tombstone("R-NEVER-THERE", T0)), "2");

            RegisterRepository register = store.register();
            assertThat(register.findResident(mover.residentId())).isEmpty();
            assertThat(register.findByResidentCode(mover.residentCode())).isEmpty();
            assertThat(register.findByMyNumber(MyNumber.parse(DEMO.residents().get(5).myNumber()))).isEmpty();
            assertThat(register.myNumberOf(mover.residentId())).isEmpty();
            assertThat(register.findByKanaAndBirthDate(mover.familyNameKana(), mover.givenNameKana(),
                    mover.birthDate())).extracting(RegisterResident::residentId).doesNotContain(mover.residentId());
            assertThat(register.findByBirthDate(mover.birthDate())).extracting(RegisterResident::residentId)
                    .doesNotContain(mover.residentId());
            assertThat(register.householdMembers("HALONE")).isEmpty();
            assertThat(register.residentCount()).isEqualTo(DEMO.residents().size() - 1);
            assertThat(register.householdCount()).isEqualTo(withAlone - 1);
            // no key row of any table points to a row that is gone, and no household is left without members
            try (Connection c = TestStores.raw(store); Statement s = c.createStatement()) {
                int slot = liveSlot(s);
                for (String key : List.of("register_key_resident_id", "register_key_resident_code",
                        "register_key_my_number", "register_key_birth_date_kana", "register_key_household")) {
                    assertThat(count(s, "SELECT COUNT(*) FROM " + key + "_" + slot + " k WHERE NOT EXISTS (SELECT 1 "
                            + "FROM register_resident_" + slot + " r WHERE r.row_no = k.row_no)")).as(key).isZero();
                }
                assertThat(count(s, "SELECT COUNT(*) FROM register_household_" + slot + " h WHERE NOT EXISTS "
                        + "(SELECT 1 FROM register_key_household_" + slot + " k WHERE k.household_id = "
                        + "h.household_id)")).isZero();
                assertThat(count(s, "SELECT COUNT(*) FROM register_resident_" + slot))
                        .isEqualTo(DEMO.residents().size() - 1);
            }
            assertThat(store.audit().tail(5)).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo(AuditAction.SYNC_REGISTER_CHANGES);
                assertThat(e.detail()).isEqualTo("upserts 0, tombstones 2");
            });
        }
    }

    @Test
    void aNewResidentGetsTheNextRowAndACodeHeldByAnotherResidentRefusesTheWholePage() {
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            importDemo(store);
            RegisterResident a = newcomer("RNEW1", "99999999911", "HNEW2");
            store.registerPull().applyPage(List.of(new RegisterChange.Upsert(a, null, null)), "1");
            assertThat(store.register().findByResidentCode("99999999911")).contains(a);
            assertThat(store.register().residentCount()).isEqualTo(DEMO.residents().size() + 1);

            RegisterResident b = newcomer("RNEW2", "99999999912", "HNEW2");
            RegisterResident clash = newcomer("RNEW3", DEMO.residents().get(0).residentCode(), "HNEW3");
            assertThatThrownBy(() -> store.registerPull().applyPage(List.of(new RegisterChange.Upsert(b, null, null),
                    new RegisterChange.Upsert(clash, null, null)), "2"))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.error()).isEqualTo(StoreError.BAD_INPUT);
                        assertThat(e.getMessage()).contains("RNEW3")
                                .doesNotContain(DEMO.residents().get(0).residentCode());
                    });
            assertThat(store.register().findResident("RNEW2")).isEmpty();
            assertThat(store.register().householdMembers("HNEW3")).isEmpty();
            assertThat(store.register().residentCount()).isEqualTo(DEMO.residents().size() + 1);
            assertThat(store.registerPull().checkpoint()).contains("1");
        }
    }

    @Test
    void anImportReplacesThePulledChangesAndResetsTheCheckpointSoTheNextPullStartsOverIntoTheNewSlot() {
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            importDemo(store);
            RegisterResident pulled = newcomer("RNEW1", "99999999911", "HNEW2");
            store.registerPull().applyPage(List.of(new RegisterChange.Upsert(pulled, null, null)), "7");
            assertThat(store.registerPull().checkpoint()).contains("7");

            importDemo(store); // a fresh snapshot: the other slot becomes live
            assertThat(store.registerPull().checkpoint()).isEmpty();
            assertThat(store.register().findResident("RNEW1")).isEmpty();
            assertThat(store.register().residentCount()).isEqualTo(DEMO.residents().size());
            assertThat(store.audit().tail(5)).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo(AuditAction.IMPORT_REGISTER);
                assertThat(e.detail()).endsWith("sync checkpoint reset");
            });

            // the next pull (from the beginning) goes to the new live slot, beside the snapshot's residents
            Resident demo = DEMO.residents().get(9);
            RegisterResident renamed = changed(TestStores.resident(demo), demo.householdId(), demo.residentCode(),
                    "アタラシ", demo.givenNameKana(), demo.birthDate(), demo.address());
            store.registerPull().applyPage(List.of(new RegisterChange.Upsert(pulled, null, null),
                    new RegisterChange.Upsert(renamed, null, null)), "8");
            assertThat(store.register().findResident("RNEW1")).contains(pulled);
            assertThat(store.register().findByKanaAndBirthDate("アタラシ", demo.givenNameKana(), demo.birthDate()))
                    .containsExactly(renamed);
            assertThat(store.register().findByMyNumber(MyNumber.parse(demo.myNumber()))).contains(renamed);
            assertThat(store.register().residentCount()).isEqualTo(DEMO.residents().size() + 1);
            assertThat(store.registerPull().checkpoint()).contains("8");

            // and an import without a checkpoint stored says nothing about one
            store.register().replaceAll(List.of(), List.<RegisterEntry>of().iterator(), ImportProgress.NONE);
            store.register().replaceAll(List.of(), List.<RegisterEntry>of().iterator(), ImportProgress.NONE);
            assertThat(store.audit().tail(1).get(0).detail()).doesNotContain("checkpoint");
        }
    }

    @Test
    void anImportSwitchWaitsForAPageBeingAppliedAndThenDiscardsItWithItsCheckpoint() throws Exception {
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            importDemo(store);
            ExecutorService importer = Executors.newSingleThreadExecutor();
            try (Connection c = TestStores.raw(store)) {
                c.setAutoCommit(false);
                Future<Long> reimport;
                try (RegisterChanges page = RegisterChanges.begin(TestStores.context(store), c)) {
                    page.upsert(newcomer("RNEW1", "99999999911", "HNEW2"), null, null);
                    reimport = importer.submit(() -> store.register().replaceAll(List.of(),
                            TestStores.entries(DEMO).iterator(), ImportProgress.NONE));
                    Thread.sleep(1_500); // the load is done by then; the switch waits for the lock begin() took
                    assertThat(reimport).isNotDone();
                    try (Connection other = TestStores.raw(store); Statement s = other.createStatement()) {
                        assertThat(count(s, "SELECT generation FROM register_generation WHERE state = 'LIVE'"))
                                .isEqualTo(page.generation()); // the switch has not happened
                    }
                    page.upsert(newcomer("RNEW2", "99999999912", "HNEW2"), null, null);
                    page.finish();
                }
                try (var s = c.prepareStatement("MERGE INTO setting (setting_key, setting_value) KEY (setting_key) "
                        + "VALUES (?, '9')")) {
                    s.setString(1, RegisterChanges.CHECKPOINT_SETTING);
                    s.executeUpdate();
                }
                c.commit();
                assertThat(reimport.get(60, TimeUnit.SECONDS)).isEqualTo(DEMO.residents().size());
            } finally {
                importer.shutdownNow();
            }
            assertThat(store.register().findResident("RNEW1")).isEmpty();
            assertThat(store.register().findResident("RNEW2")).isEmpty();
            assertThat(store.registerPull().checkpoint()).isEmpty();
            assertThat(store.register().residentCount()).isEqualTo(DEMO.residents().size());
        }
    }

    @Test
    void theFirstPullIntoAStoreWithoutALiveCopyMakesOne() throws Exception {
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            try (Connection c = TestStores.raw(store); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM register_generation"); // as if no copy had ever been made live
            }
            assertThat(store.register().residentCount()).isZero();
            RegisterResident a = newcomer("RNEW1", "99999999911", "HNEW2");
            RegisterResident b = newcomer("RNEW2", "99999999912", "HNEW2");
            store.registerPull().applyPage(List.of(new RegisterChange.Upsert(a, null, null),
                    new RegisterChange.Upsert(b, "RNEW1", "架空県窓口市新町９丁目")), "1");
            assertThat(store.register().residentCount()).isEqualTo(2);
            assertThat(store.register().householdCount()).isEqualTo(1);
            assertThat(store.register().householdMembers("HNEW2")).containsExactly(a, b);
            try (Connection c = TestStores.raw(store); Statement s = c.createStatement()) {
                assertThat(count(s, "SELECT COUNT(*) FROM register_generation WHERE state = 'LIVE'")).isEqualTo(1);
            }
            // an import after it switches slots as usual and starts the pull over
            importDemo(store);
            assertThat(store.register().findResident("RNEW1")).isEmpty();
            assertThat(store.register().residentCount()).isEqualTo(DEMO.residents().size());
            assertThat(store.registerPull().checkpoint()).isEmpty();
        }
    }

    @Test
    void theMyNumberPurgeReachesRowsBeyondTheCountAfterTombstones() {
        DemoMunicipality big = DemoMunicipality.generate(3, 20_001);
        int n = big.residents().size();
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            store.register().replaceAll(List.of(), TestStores.entries(big).iterator(), ImportProgress.NONE);
            // remove the first n - 20,000 rows: 20,000 residents remain, the last of them at row_no n > 20,000
            List<RegisterChange> gone = big.residents().subList(0, n - 20_000).stream()
                    .map(r -> (RegisterChange) new RegisterChange.Tombstone(r.id(), T0)).toList();
            store.registerPull().applyPage(gone, "1");
            assertThat(store.register().residentCount()).isEqualTo(20_000);
            String last = big.residents().get(n - 1).id();
            assertThat(store.register().holdsMyNumberOf(last)).isTrue();

            assertThat(store.register().purgeMyNumbers(java.time.Duration.ZERO)).isEqualTo(20_000);
            assertThat(store.register().holdsMyNumberOf(last)).isFalse();
            // the blind index stays: the card still finds its resident
            assertThat(store.register().findByMyNumber(MyNumber.parse(big.residents().get(n - 1).myNumber())))
                    .map(RegisterResident::residentId).contains(last);
        }
    }

    private static int liveSlot(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT slot FROM register_generation WHERE state = 'LIVE'")) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
