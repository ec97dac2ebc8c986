package dev.madoguchi.store.register;

import static dev.madoguchi.store.TestStores.CLERK;
import static dev.madoguchi.store.TestStores.CLERK_PASSPHRASE;
import static dev.madoguchi.store.TestStores.VOLUNTEER;
import static dev.madoguchi.store.TestStores.VOLUNTEER_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.audit.AuditEntry;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counter's match without a My Number: everyone born on the day, each audited as read. */
class RegisterBirthDateSearchTest {

    private static final DemoMunicipality DEMO = DemoMunicipality.generate(11, 400);

    @TempDir
    Path dir;

    @Test
    void findsEveryResidentBornThatDayAndAuditsEachRead() {
        try (LocalStore admin = TestStores.createWithClerks(dir)) {
            admin.register().replaceAll(List.of(), TestStores.entries(DEMO).iterator(), ImportProgress.NONE);
        }
        Resident someone = DEMO.residents().get(57);
        List<String> expected = DEMO.residents().stream().filter(r -> r.birthDate().equals(someone.birthDate()))
                .map(Resident::id).sorted().toList();
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            List<RegisterResident> found = store.register().findByBirthDate(someone.birthDate());
            assertThat(found).extracting(RegisterResident::residentId).isEqualTo(expected);
            assertThat(found).contains(TestStores.resident(someone));
            List<AuditEntry> tail = store.audit().tail(expected.size());
            assertThat(tail).extracting(AuditEntry::action).containsOnly(AuditAction.READ_RESIDENT);
            assertThat(tail).extracting(AuditEntry::subject).containsExactlyInAnyOrderElementsOf(expected);

            assertThat(store.register().findByBirthDate(LocalDate.of(1800, 1, 1))).isEmpty();
        }
        try (LocalStore volunteer = TestStores.openAs(dir, VOLUNTEER, VOLUNTEER_PASSPHRASE)) {
            assertThatThrownBy(() -> volunteer.register().findByBirthDate(someone.birthDate()))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.NOT_PERMITTED));
        }
    }
}
