package dev.madoguchi.store.cases;

import static dev.madoguchi.store.TestStores.CLERK;
import static dev.madoguchi.store.TestStores.CLERK_PASSPHRASE;
import static dev.madoguchi.store.TestStores.SHELTER;
import static dev.madoguchi.store.TestStores.SHELTER_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counter's list of the day: cases opened in a time range, oldest first, clerks only. */
class CaseListTest {

    @TempDir
    Path dir;

    @Test
    void listsTheCasesOpenedInTheRangeOldestFirst() {
        TestStores.createWithClerks(dir).close();
        Instant yesterday = Instant.parse("2026-11-19T03:00:00Z");
        Instant morning = Instant.parse("2026-11-20T01:00:00Z");
        Instant noon = Instant.parse("2026-11-20T03:00:00Z");
        UUID old = open(yesterday, "R1");
        UUID first = open(morning, "R2");
        UUID second = open(noon, "R3");
        try (LocalStore store = LocalStore.open(dir, CLERK, CLERK_PASSPHRASE, TestStores.options())) {
            var today = store.cases().openedBetween(Instant.parse("2026-11-19T15:00:00Z"),
                    Instant.parse("2026-11-20T15:00:00Z"));
            assertThat(today).extracting(CounterCase::caseId).containsExactly(first, second).doesNotContain(old);
            assertThat(today.get(0).residentId()).isEqualTo("R2");
            assertThat(today.get(0).formsData()).isEqualTo("{}");
            assertThat(today.get(0).status()).isEqualTo(CaseStatus.OPEN);
        }
        try (LocalStore shelter = LocalStore.open(dir, SHELTER, SHELTER_PASSPHRASE, TestStores.options())) {
            assertThatThrownBy(() -> shelter.cases().openedBetween(yesterday, noon))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.NOT_PERMITTED));
        }
    }

    private UUID open(Instant at, String resident) {
        try (LocalStore store = LocalStore.open(dir, CLERK, CLERK_PASSPHRASE,
                TestStores.options(Clock.fixed(at, ZoneOffset.UTC)))) {
            return store.cases().open(resident, "tennyu", "{}", null);
        }
    }
}
