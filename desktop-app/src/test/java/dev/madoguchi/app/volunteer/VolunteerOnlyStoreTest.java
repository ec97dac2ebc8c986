package dev.madoguchi.app.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.volunteer.CheckUpTally;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The volunteer-only store of a help-desk event (docs/volunteer-mode.md): created with its administrator and volunteer
 * accounts and no register copy at all; the volunteer's check-ups are counted per day and outcome, and nothing else
 * about them is written.
 */
class VolunteerOnlyStoreTest {

    @TempDir
    Path dir;

    @Test
    void aVolunteerSignedInToAStoreWithoutARegisterHasCheckUpsCountedAndNothingMore() {
        StoreOptions options = new StoreOptions("event-laptop", 1_000, Clock.systemUTC(), new SecureRandom());
        char[] volunteerPassphrase = "volunteer passphrase 1".toCharArray();
        try (LocalStore admin = LocalStore.create(dir.resolve("store"), new Clerk("event-admin", "管理者",
                Role.ADMINISTRATOR), "admin passphrase 1".toCharArray(), options)) {
            admin.clerks().add(new Clerk("vol1", "推進 委員", Role.VOLUNTEER), volunteerPassphrase.clone());
        }
        try (LocalStore store = LocalStore.open(dir.resolve("store"), "vol1", volunteerPassphrase, options)) {
            assertThat(store.register().residentCount()).as("no register copy").isZero();
            VolunteerFixture f = new VolunteerFixture(dir.resolve("printed"));
            f.store = store;
            f.put("auth-locked");
            f.takeAway();
            f.put("text-one");
            var day = VolunteerFixture.TODAY;
            assertThat(store.checkUpTally().between(day, day)).extracting(CheckUpTally::outcome, CheckUpTally::checks)
                    .contains(org.assertj.core.groups.Tuple.tuple("checks", 2),
                            org.assertj.core.groups.Tuple.tuple("my-number-card", 2),
                            org.assertj.core.groups.Tuple.tuple("auth-pin-locked", 1),
                            org.assertj.core.groups.Tuple.tuple("text-pin-reduced", 1));
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> store.audit()))
                    .isInstanceOf(StoreException.class);
        }
    }
}
