package dev.madoguchi.store.register;

import dev.madoguchi.domain.testing.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.RetentionPurge;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.audit.AuditEntry;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention of the register copy's My Numbers (docs/adr/0009). */
class RegisterRetentionTest {

    private static final DemoMunicipality DEMO = DemoMunicipality.generate(5, 200);
    private static final Duration RETENTION = Duration.ofDays(30);

    @TempDir
    Path dir;


    @Test
    void theSealedValuesGoAfterTheRetentionPeriodTheBlindIndexStaysAndTheChainVerifies() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-01T00:00:00Z"));
        StoreOptions options = TestStores.options(clock);
        Resident someone = DEMO.residents().get(17);
        MyNumber number = MyNumber.parse(someone.myNumber());
        try (LocalStore admin = TestStores.createWithClerks(dir, options)) {
            admin.register().replaceAll(List.of(), TestStores.entries(DEMO).iterator(), ImportProgress.NONE);

            clock.advance(RETENTION.minusDays(1));
            assertThat(admin.purge(RETENTION)).isEqualTo(new RetentionPurge(0, 0, 0));
            assertThat(admin.register().holdsMyNumberOf(someone.id())).isTrue();

            clock.advance(Duration.ofDays(2));
            RetentionPurge purged = admin.purge(RETENTION);
            assertThat(purged.registerValues()).isEqualTo(DEMO.residents().size());
            assertThat(admin.register().holdsMyNumberOf(someone.id())).isFalse();
            assertThat(admin.purge(RETENTION).registerValues()).isZero();

            assertThat(admin.verify().intact()).isTrue();
            List<AuditEntry> purges = admin.audit().tail(10).stream()
                    .filter(e -> e.action() == AuditAction.PURGE).toList();
            assertThat(purges).anySatisfy(e -> assertThat(e.detail())
                    .contains("register copy: " + DEMO.residents().size()));
            assertThat(purges).allSatisfy(e -> assertThat(e.detail()).doesNotContain(someone.myNumber()));
        }
        try (LocalStore clerk = LocalStore.open(dir, TestStores.CLERK, TestStores.CLERK_PASSPHRASE, options)) {
            assertThat(clerk.register().findByMyNumber(number)).contains(TestStores.resident(someone));
            assertThat(clerk.register().myNumberOf(someone.id())).isEmpty();
        }
    }

    @Test
    void aNewImportBringsSealedValuesThatAreKeptUntilItsOwnPeriodHasPassed() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-01T00:00:00Z"));
        StoreOptions options = TestStores.options(clock);
        Resident someone = DEMO.residents().get(3);
        try (LocalStore admin = TestStores.createWithClerks(dir, options)) {
            admin.register().replaceAll(List.of(), TestStores.entries(DEMO).iterator(), ImportProgress.NONE);
            clock.advance(RETENTION.plusDays(1));
            admin.register().replaceAll(List.of(), TestStores.entries(DEMO).iterator(), ImportProgress.NONE);
            assertThat(admin.purge(RETENTION).registerValues()).isZero();
            assertThat(admin.register().myNumberOf(someone.id())).contains(MyNumber.parse(someone.myNumber()));
            assertThat(admin.verify().intact()).isTrue();
        }
    }

    @Test
    void aRetentionOfZeroKeepsOnlyTheBlindIndex() {
        Resident someone = DEMO.residents().get(0);
        try (LocalStore admin = TestStores.createWithClerks(dir)) {
            admin.register().replaceAll(List.of(), TestStores.entries(DEMO).iterator(), ImportProgress.NONE);
            assertThat(admin.purge(Duration.ZERO).registerValues()).isEqualTo(DEMO.residents().size());
            assertThat(admin.register().findByMyNumber(MyNumber.parse(someone.myNumber()))).isPresent();
            assertThat(admin.register().myNumberOf(someone.id())).isEmpty();
        }
    }

    @Test
    void volunteersAndShelterStaffNeverGetAMyNumberAndMayNotPurge() {
        Resident someone = DEMO.residents().get(1);
        try (LocalStore admin = TestStores.createWithClerks(dir)) {
            admin.register().replaceAll(List.of(), TestStores.entries(DEMO).iterator(), ImportProgress.NONE);
        }
        for (String[] who : new String[][] {{TestStores.VOLUNTEER, new String(TestStores.VOLUNTEER_PASSPHRASE)},
                {TestStores.SHELTER, new String(TestStores.SHELTER_PASSPHRASE)}}) {
            try (LocalStore store = TestStores.openAs(dir, who[0], who[1].toCharArray())) {
                assertThatThrownBy(() -> store.register().myNumberOf(someone.id())).isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.NOT_PERMITTED));
                assertThatThrownBy(() -> store.register().findByMyNumber(MyNumber.parse(someone.myNumber())))
                        .isInstanceOfSatisfying(StoreException.class,
                                e -> assertThat(e.error()).isEqualTo(StoreError.NOT_PERMITTED));
                assertThatThrownBy(() -> store.purge(RETENTION)).isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(StoreError.NOT_PERMITTED));
            }
        }
    }
}
