package dev.madoguchi.app.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {

    @Test
    void theValueIsMadeAtTheFirstUseAndKept() {
        AtomicInteger made = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> "table " + made.incrementAndGet());

        assertThat(made).hasValue(0);
        assertThat(lazy.isMade()).isFalse();
        assertThat(lazy.get()).isEqualTo("table 1");
        assertThat(lazy.get()).isSameAs(lazy.get());
        assertThat(made).hasValue(1);
        assertThat(lazy.isMade()).isTrue();
    }

    @Test
    void threadsAskingAtOnceGetOneValue() throws Exception {
        AtomicInteger made = new AtomicInteger();
        CountDownLatch inMaker = new CountDownLatch(1);
        Lazy<Object> lazy = Lazy.of(() -> {
            made.incrementAndGet();
            inMaker.countDown();
            sleep(50); // the other threads arrive while the first is still making it
            return new Object();
        });
        List<Thread> threads = new ArrayList<>();
        List<Object> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            Thread thread = new Thread(() -> seen.add(lazy.get()));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(5_000);
        }

        assertThat(made).hasValue(1);
        assertThat(seen).hasSize(4).allSatisfy(value -> assertThat(value).isSameAs(seen.get(0)));
    }

    @Test
    void aFailureIsNotKept() {
        AtomicInteger calls = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("resource missing");
            }
            return "second try";
        });

        assertThatThrownBy(lazy::get).hasMessage("resource missing");
        assertThat(lazy.isMade()).isFalse();
        assertThat(lazy.get()).isEqualTo("second try");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
