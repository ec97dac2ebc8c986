package dev.madoguchi.store.clerks;

import static dev.madoguchi.store.TestStores.ADMIN;
import static dev.madoguchi.store.TestStores.ADMIN_PASSPHRASE;
import static dev.madoguchi.store.TestStores.CLERK;
import static dev.madoguchi.store.TestStores.CLERK_PASSPHRASE;
import static dev.madoguchi.store.TestStores.SHELTER;
import static dev.madoguchi.store.TestStores.SHELTER_PASSPHRASE;
import static dev.madoguchi.store.TestStores.VOLUNTEER;
import static dev.madoguchi.store.TestStores.VOLUNTEER_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.domain.shelter.Departure;
import dev.madoguchi.domain.shelter.Destination;
import dev.madoguchi.domain.shelter.ShelterSamples;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolesTest {

    private static final DemoMunicipality DEMO = DemoMunicipality.generate(3, 50);

    @TempDir
    Path dir;

    @BeforeEach
    void storeWithRegister() {
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            store.register().replaceAll(List.of(), TestStores.entries(DEMO).iterator(), n -> { });
        }
    }

    private static void refused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.error()).isEqualTo(StoreError.NOT_PERMITTED));
    }

    @Test
    void aVolunteerCannotReadAnythingOfTheRegister() {
        var someone = DEMO.residents().get(0);
        try (LocalStore store = TestStores.openAs(dir, VOLUNTEER, VOLUNTEER_PASSPHRASE)) {
            refused(() -> store.register().findResident(someone.id()));
            refused(() -> store.register().findByResidentCode(someone.residentCode()));
            refused(() -> store.register().findByMyNumber(MyNumber.parse(someone.myNumber())));
            refused(() -> store.register().findByKanaAndBirthDate(someone.familyNameKana(), someone.givenNameKana(),
                    someone.birthDate()));
            refused(() -> store.register().householdMembers(someone.householdId()));
            refused(() -> store.register().myNumberOf(someone.id()));
            refused(() -> store.cases().open(someone.id(), "転入", "{}", null));
            refused(() -> store.shelter().present("S1"));
            refused(() -> store.outbox().peekDue(10));
            assertThat(store.register().residentCount()).as("counts hold no personal data").isEqualTo(DEMO.residents().size());
        }
    }

    @Test
    void shelterStaffFindResidentsButNotTheirMyNumbers() {
        var someone = DEMO.residents().get(1);
        try (LocalStore store = TestStores.openAs(dir, SHELTER, SHELTER_PASSPHRASE)) {
            assertThat(store.register().findResident(someone.id())).isPresent();
            refused(() -> store.register().findByMyNumber(MyNumber.parse(someone.myNumber())));
            refused(() -> store.register().myNumberOf(someone.id()));
            refused(() -> store.cases().open(someone.id(), "転入", "{}", null));
            TestStores.checkIn(store, "S1", "E1", "F1", someone.id(), "x");
        }
    }

    @Test
    void aCounterClerkReadsMyNumbersButCannotImportManageClerksOrPurge() {
        var someone = DEMO.residents().get(2);
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            assertThat(store.register().myNumberOf(someone.id())).contains(MyNumber.parse(someone.myNumber()));
            refused(() -> store.register().replaceAll(List.of(), List.of()));
            refused(() -> store.clerks().add(new Clerk("x1", "x", Role.ADMINISTRATOR), "long passphrase".toCharArray()));
            refused(() -> store.cases().purgeMyNumbers(Duration.ZERO));
            refused(() -> store.verify());
            refused(() -> store.backup(dir.resolveSibling("b.zip")));
            refused(() -> TestStores.checkIn(store, "S1", "E1", "F1", null, "x"));
        }
    }

    @Test
    void theShelterRepositoryRefusesCounterClerksAndVolunteersInEveryMethod() {
        for (String[] who : new String[][] {{CLERK, new String(CLERK_PASSPHRASE)},
            {VOLUNTEER, new String(VOLUNTEER_PASSPHRASE)}}) {
            try (LocalStore store = TestStores.openAs(dir, who[0], who[1].toCharArray())) {
                var shelters = store.shelter();
                var arrival = ShelterSamples.household("H1", ShelterSamples.person("P1", "甲"));
                refused(() -> shelters.shelters());
                refused(() -> shelters.shelter("S1"));
                refused(() -> shelters.saveShelter(ShelterSamples.shelter("S1")));
                refused(() -> shelters.checkIn("S1", arrival));
                refused(() -> shelters.seedCheckIn("demo:1", "S1", arrival, java.time.Instant.EPOCH));
                refused(() -> shelters.checkOut("S1", new Departure("P1", Destination.HOME, "")));
                refused(() -> shelters.correct("S1", ShelterSamples.person("P1", "甲")));
                refused(() -> shelters.leaveHousehold("S1", "P1", "H2"));
                refused(() -> shelters.setPresence("S1", "P1", true, true));
                refused(() -> shelters.present("S1"));
                refused(() -> shelters.report("S1", LocalDate.of(2026, 12, 7)));
                refused(() -> shelters.recordExport("S1", "roster", 1));
            }
        }
    }

    @Test
    void shelterStaffAreRefusedCasesDraftsMyNumbersAndHandlingTimes() {
        var someone = DEMO.residents().get(3);
        try (LocalStore store = TestStores.openAs(dir, SHELTER, SHELTER_PASSPHRASE)) {
            refused(() -> store.cases().open(someone.id(), "転入", "{}", null));
            refused(() -> store.cases().find(java.util.UUID.randomUUID()));
            refused(() -> store.cases().openedBetween(java.time.Instant.EPOCH, java.time.Instant.now()));
            refused(() -> store.cases().myNumberOf(java.util.UUID.randomUUID()));
            refused(() -> store.register().myNumberOf(someone.id()));
            refused(() -> store.register().findByMyNumber(MyNumber.parse(someone.myNumber())));
            refused(() -> store.drafts().mine());
            refused(() -> store.drafts().save(java.util.UUID.randomUUID(), "x", "{}", null));
            refused(() -> store.drafts().myNumberOf(java.util.UUID.randomUUID()));
            LocalDate day = LocalDate.of(2026, 12, 7);
            refused(() -> store.handlingTimes().mine(day, day, java.time.ZoneOffset.UTC));
            refused(() -> store.recordSetAside("R1", "転入"));
        }
    }

    @Test
    void aRemovedClerkCanNoLongerOpenTheStore() {
        try (LocalStore store = TestStores.openAs(dir, ADMIN, ADMIN_PASSPHRASE)) {
            store.clerks().remove(CLERK);
            assertThat(store.clerks().list()).extracting(Clerk::clerkId).doesNotContain(CLERK);
        }
        assertThatThrownBy(() -> TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(StoreError.WRONG_PASSPHRASE));
    }

    @Test
    void anyClerkChangesTheirOwnPassphraseAndTheOldOneStopsWorking() {
        char[] next = "a brand new passphrase".toCharArray();
        try (LocalStore store = TestStores.openAs(dir, VOLUNTEER, VOLUNTEER_PASSPHRASE)) {
            assertThatThrownBy(() -> store.clerks().changePassphrase("wrong current".toCharArray(), next))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.WRONG_PASSPHRASE));
            store.clerks().changePassphrase(VOLUNTEER_PASSPHRASE, next);
        }
        TestStores.openAs(dir, VOLUNTEER, next).close();
        assertThatThrownBy(() -> TestStores.openAs(dir, VOLUNTEER, VOLUNTEER_PASSPHRASE))
                .isInstanceOf(StoreException.class);
        TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE).close();
    }
}
