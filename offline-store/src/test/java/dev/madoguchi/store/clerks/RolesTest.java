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
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.shelter.ShelterCheckIn;
import java.nio.file.Path;
import java.time.Duration;
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
            store.shelter().checkIn(new ShelterCheckIn("S1", "E1", "F1", someone.id(), "x", false, 0));
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
            refused(() -> store.shelter().checkIn(new ShelterCheckIn("S1", "E1", "F1", null, "x", false, 0)));
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
