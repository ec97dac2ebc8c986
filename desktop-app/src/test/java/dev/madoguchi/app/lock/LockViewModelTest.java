package dev.madoguchi.app.lock;

import dev.madoguchi.domain.testing.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.counter.CounterTestAccess;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counter locks after inactivity, with the visit's personal data dropped first; the clerk's passphrase unlocks. */
class LockViewModelTest {

    @TempDir
    Path dir;

    @Test
    void locksAfterFiveMinutesWithoutInputDroppingTheVisitAndUnlocksWithThePassphrase() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-20T01:00:00Z"));
        InlineTaskRunner tasks = new InlineTaskRunner();
        AtomicInteger signIns = new AtomicInteger();
        String[] signedIn = {DemoEnvironment.DEMO_CLERK};
        try (CounterTestAccess counter = new CounterTestAccess(dir)) {
            counter.runToForms(counter.holderWithSubstituteName());
            assertThat(counter.viewModel().holdsPersonalData()).isTrue();
            LockViewModel lock = new LockViewModel(new Messages(Language.JAPANESE), tasks, clock, Duration.ofMinutes(5),
                    (id, secret) -> {
                        signIns.incrementAndGet();
                        signedIn[0] = null; // as StoreService: a sign-in signs the current clerk out first
                        if (!new String(secret).equals(DemoEnvironment.DEMO_CLERK_PASSPHRASE)) {
                            throw new StoreException(StoreError.WRONG_PASSPHRASE, "test", null);
                        }
                        signedIn[0] = id;
                        return null;
                    }, () -> signedIn[0], List.of(counter.viewModel()::discard));
            lock.start();
            clock.advance(Duration.ofMinutes(4));
            lock.activity();
            clock.advance(Duration.ofMinutes(4));
            tasks.tick();
            assertThat(lock.lockedProperty().get()).as("input 4 minutes ago").isFalse();
            clock.advance(Duration.ofMinutes(1));
            tasks.tick();
            assertThat(lock.lockedProperty().get()).isTrue();
            assertThat(lock.messageProperty().get()).contains("5 分間");
            assertThat(counter.viewModel().holdsPersonalData()).as("nothing personal left").isFalse();

            lock.activity();
            lock.passphraseProperty().set("wrong passphrase");
            lock.unlock();
            assertThat(lock.lockedProperty().get()).isTrue();
            assertThat(lock.messageProperty().get()).contains("STORE-005").doesNotContain("職員ID");
            assertThat(lock.passphraseProperty().get()).isEmpty();

            int[] unlockedSignals = {0};
            lock.whenUnlocked(() -> unlockedSignals[0]++);
            lock.passphraseProperty().set(DemoEnvironment.DEMO_CLERK_PASSPHRASE);
            lock.unlock();
            assertThat(lock.lockedProperty().get()).isFalse();
            assertThat(unlockedSignals[0]).as("the unlocked signal (the case list reloads on it)").isEqualTo(1);
            assertThat(signIns).hasValue(2);
            tasks.tick();
            assertThat(lock.lockedProperty().get()).as("unlocking counts as activity").isFalse();
            lock.lock();
            assertThat(lock.messageProperty().get()).as("locked by hand").isEqualTo(
                    "画面をロックしました。受付中の内容は消しました");
            lock.stop();
        }
    }
}
