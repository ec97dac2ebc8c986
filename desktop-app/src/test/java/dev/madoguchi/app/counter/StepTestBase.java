package dev.madoguchi.app.counter;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.store.LocalStore;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step view models' tests: the real store, reader, forms and rules, the inline task runner (no toolkit), a
 * monotonic ticker the test moves ({@link #tick}) and the fixture's clock.
 */
abstract class StepTestBase {

    @TempDir
    Path dir;

    CounterFixture fixture;
    InlineTaskRunner tasks;
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    CounterVisit vm;

    @BeforeEach
    void setUpSteps() {
        fixture = new CounterFixture(dir);
        tasks = new InlineTaskRunner();
        vm = new CounterVisit(new Messages(Language.JAPANESE), tasks, fixture.visits,
                () -> new PrintDestination.Folder(fixture.printFolder), nanos::get, fixture.clock);
        vm.start();
    }

    @AfterEach
    void tearDownSteps() {
        vm.stop();
        fixture.close();
    }

    /** Moves the monotonic clock on by this many seconds. */
    void tick(long seconds) {
        nanos.addAndGet(seconds * 1_000_000_000L);
    }

    LocalStore store() {
        return fixture.store.store().orElseThrow();
    }

    void putCard(Resident r) {
        fixture.reader.place(r.id());
        tasks.tick();
    }

    void typePin(String digits) {
        digits.chars().forEach(c -> vm.pressPinDigit(c - '0'));
    }
}
