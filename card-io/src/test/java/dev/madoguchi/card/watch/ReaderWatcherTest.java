package dev.madoguchi.card.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import dev.madoguchi.card.simulated.SimulatedCard;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.card.watch.ReaderEvent.CardInserted;
import dev.madoguchi.card.watch.ReaderEvent.CardRemoved;
import dev.madoguchi.card.watch.ReaderEvent.ReaderAttached;
import dev.madoguchi.card.watch.ReaderEvent.ReaderDetached;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReaderWatcherTest {

    /** Readers whose next snapshot the test sets (or a failure). */
    static final class ScriptedReaders implements CardReaders {
        ReaderSnapshot next = new ReaderSnapshot(ReaderSource.PCSC, List.of());
        CardIoException failure;

        @Override
        public ReaderSource source() {
            return ReaderSource.PCSC;
        }

        @Override
        public ReaderSnapshot snapshot() throws CardIoException {
            if (failure != null) {
                throw failure;
            }
            return next;
        }

        @Override
        public CardConnection connect(String readerName) throws CardIoException {
            throw new CardIoException(CardIoError.NO_CARD, "scripted");
        }

        void set(ReaderSnapshot.Reader... readers) {
            next = new ReaderSnapshot(ReaderSource.PCSC, List.of(readers));
        }
    }

    @Test
    void reportsCardsPutDownAndTakenAwayOnTheSimulatedReader() throws Exception {
        SimulatedCardReaders readers = new SimulatedCardReaders(List.of(new SimulatedCard("a", "A")));
        ReaderWatcher watcher = new ReaderWatcher(readers);
        assertThat(watcher.poll()).containsExactly(new ReaderAttached(SimulatedCardReaders.READER_NAME));
        assertThat(watcher.poll()).isEmpty();
        readers.place("a");
        assertThat(watcher.poll()).containsExactly(new CardInserted(SimulatedCardReaders.READER_NAME));
        readers.remove();
        assertThat(watcher.poll()).containsExactly(new CardRemoved(SimulatedCardReaders.READER_NAME));
    }

    @Test
    void anUnpluggedReaderWithACardReportsTheCardRemovedThenTheReaderDetached() throws Exception {
        ScriptedReaders readers = new ScriptedReaders();
        ReaderWatcher watcher = new ReaderWatcher(readers);
        readers.set(new ReaderSnapshot.Reader("R1", true), new ReaderSnapshot.Reader("R2", false));
        assertThat(watcher.poll()).containsExactly(new ReaderAttached("R1"), new CardInserted("R1"),
                new ReaderAttached("R2"));
        readers.set(new ReaderSnapshot.Reader("R2", false));
        assertThat(watcher.poll()).containsExactly(new CardRemoved("R1"), new ReaderDetached("R1"));
    }

    @Test
    void aServiceOutageKeepsTheLastStateSoNothingIsReportedTwice() throws Exception {
        ScriptedReaders readers = new ScriptedReaders();
        ReaderWatcher watcher = new ReaderWatcher(readers);
        readers.set(new ReaderSnapshot.Reader("R1", true));
        watcher.poll();
        readers.failure = new CardIoException(CardIoError.READER_SERVICE_UNAVAILABLE, "pcscd restarting");
        assertThatThrownBy(watcher::poll).isInstanceOf(CardIoException.class);
        readers.failure = null;
        assertThat(watcher.poll()).isEmpty();
    }
}
