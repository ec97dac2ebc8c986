package dev.madoguchi.app.volunteer;

import dev.madoguchi.card.checkup.CardCheckUp;
import dev.madoguchi.card.checkup.CheckUp;
import dev.madoguchi.card.checkup.SelfTestResult;
import dev.madoguchi.card.mynumber.PinKind;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.watch.ReaderEvent;
import dev.madoguchi.card.watch.ReaderWatcher;
import java.time.LocalDate;
import java.util.List;

/**
 * The volunteer mode's card work, synchronous, for the {@code card-io} lane: the readers watched for a card put down
 * or taken away, the check-up (free commands only: no PIN, no try consumed, nothing personal read) and the
 * resident's one-VERIFY self-test; and the day's tally of outcomes. Keeps nothing between calls but the watcher's
 * last reader state.
 */
public final class VolunteerService {

    private final ReaderWatcher watcher;
    private final CardCheckUp checkUps;
    private final CheckUpCounter counter;

    public VolunteerService(CardReaders readers, CardCheckUp checkUps, CheckUpCounter counter) {
        this.watcher = new ReaderWatcher(readers);
        this.checkUps = checkUps;
        this.counter = counter;
    }

    /** With today's date in Japan time. */
    public VolunteerService(CardReaders readers, CheckUpCounter counter) {
        this(readers, new CardCheckUp(readers), counter);
    }

    /** Counts one check-up's outcomes in the day's tally ({@code store-writer}). */
    public boolean count(LocalDate day, List<String> outcomes) {
        return counter.count(day, outcomes);
    }

    /** What changed at the readers since the last poll ({@code card-io}). */
    public List<ReaderEvent> pollReaders() throws CardIoException {
        return watcher.poll();
    }

    /** Checks the card on {@code reader} ({@code card-io}). */
    public CheckUp checkUp(String reader) throws CardIoException {
        return checkUps.checkUp(reader);
    }

    /**
     * The resident's self-test of one PIN ({@code card-io}): one VERIFY, only when the PIN has all of its tries; the
     * {@code pin} array is wiped before this returns.
     */
    public SelfTestResult selfTest(String reader, PinKind kind, char[] pin) throws CardIoException {
        return checkUps.selfTest(reader, kind, pin);
    }
}
