package dev.madoguchi.card.watch;

import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one watcher of readers and cards. It starts no thread: the application calls {@link #poll()} (or the blocking
 * {@link #awaitEvents(Duration, Duration)}) repeatedly on its {@code card-io} lane and forwards the events. Polling
 * every few hundred milliseconds reports a card put down or taken away within a second, survives service restarts
 * (each poll opens a fresh PC/SC context, docs/adr/0006) and works the same for the simulated reader.
 */
public final class ReaderWatcher {

    private final CardReaders readers;
    private Map<String, Boolean> last = Map.of();

    public ReaderWatcher(CardReaders readers) {
        this.readers = readers;
    }

    /**
     * The changes since the last poll; the first poll reports every reader present as attached and every card as
     * inserted. On failure the previous state is kept, so nothing is reported twice when the service comes back.
     */
    public List<ReaderEvent> poll() throws CardIoException {
        ReaderSnapshot snapshot = readers.snapshot();
        Map<String, Boolean> now = new LinkedHashMap<>();
        for (ReaderSnapshot.Reader r : snapshot.readers()) {
            now.put(r.name(), r.cardPresent());
        }
        List<ReaderEvent> events = new ArrayList<>();
        for (Map.Entry<String, Boolean> before : last.entrySet()) {
            if (!now.containsKey(before.getKey())) {
                if (before.getValue()) {
                    events.add(new ReaderEvent.CardRemoved(before.getKey()));
                }
                events.add(new ReaderEvent.ReaderDetached(before.getKey()));
            }
        }
        for (Map.Entry<String, Boolean> current : now.entrySet()) {
            Boolean before = last.get(current.getKey());
            if (before == null) {
                events.add(new ReaderEvent.ReaderAttached(current.getKey()));
                if (current.getValue()) {
                    events.add(new ReaderEvent.CardInserted(current.getKey()));
                }
            } else if (!before && current.getValue()) {
                events.add(new ReaderEvent.CardInserted(current.getKey()));
            } else if (before && !current.getValue()) {
                events.add(new ReaderEvent.CardRemoved(current.getKey()));
            }
        }
        last = Map.copyOf(now);
        return List.copyOf(events);
    }

    /**
     * Polls every {@code interval} until something changes or {@code timeout} has passed; blocks the calling
     * ({@code card-io}) thread. Returns an empty list on timeout.
     */
    public List<ReaderEvent> awaitEvents(Duration timeout, Duration interval)
            throws CardIoException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ReaderEvent> events = poll();
            if (!events.isEmpty() || System.nanoTime() >= deadline) {
                return events;
            }
            Thread.sleep(Math.max(1, Math.min(interval.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
        }
    }
}
