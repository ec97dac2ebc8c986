package dev.madoguchi.app.volunteer.welcome;

import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.app.volunteer.CheckUpSession;
import dev.madoguchi.app.volunteer.CheckUpStep;
import dev.madoguchi.card.watch.ReaderEvent;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The welcome step: watches the readers on the {@code card-io} lane; a card put down starts a check-up, the card
 * taken away ends the session (whatever it shows), and each poll ends a session that has been idle too long. A card
 * put beside the checked one is not read.
 */
public final class WelcomeViewModel {

    /** How often the readers are polled for a card put down or taken away. */
    public static final Duration READER_POLL = Duration.ofMillis(250);

    private final CheckUpSession session;
    private final Set<String> readersWithCard = new HashSet<>();
    private final SimpleBooleanProperty readerFound = new SimpleBooleanProperty(false);
    private final Set<String> readers = new HashSet<>();
    private TaskRunner.Cancellable polling;

    public WelcomeViewModel(CheckUpSession session) {
        this.session = session;
    }

    /** Starts watching the readers (card-io lane). */
    public void start() {
        if (polling == null) {
            polling = session.tasks().repeat(Lane.CARD_IO, "volunteer reader watch", READER_POLL,
                    session.service()::pollReaders, this::onReaderEvents, failure -> { /* the status bar says it */ });
        }
    }

    /** Stops watching and ends a running session (the mode is left, the window rebuilt or closed). */
    public void stop() {
        if (polling != null) {
            polling.cancel();
            polling = null;
        }
        session.end(CheckUpSession.End.FINISHED);
        readersWithCard.clear();
    }

    /** The watcher's events (also called with none on every poll, so the idle time is checked). */
    public void onReaderEvents(List<ReaderEvent> events) {
        for (ReaderEvent e : events) {
            if (e instanceof ReaderEvent.ReaderAttached attached) {
                readers.add(attached.reader());
            } else if (e instanceof ReaderEvent.ReaderDetached detached) {
                readers.remove(detached.reader());
            } else if (e instanceof ReaderEvent.CardInserted inserted) {
                readersWithCard.add(inserted.reader());
                if (readersWithCard.size() == 1 && (step() == CheckUpStep.WELCOME || step() == CheckUpStep.NOT_READ)) {
                    session.begin(inserted.reader());
                }
            } else if (e instanceof ReaderEvent.CardRemoved removed) {
                readersWithCard.remove(removed.reader());
                if (removed.reader().equals(session.reader()) || readersWithCard.isEmpty()) {
                    session.end(CheckUpSession.End.CARD_REMOVED);
                }
            }
        }
        readerFound.set(!readers.isEmpty());
        session.checkIdle();
    }

    /** もう一度読む: checks the card on the reader again after it was not read. */
    public void retry() {
        if (step() == CheckUpStep.NOT_READ && readersWithCard.size() == 1 && !session.busyProperty().get()) {
            session.begin(readersWithCard.iterator().next());
        }
    }

    public CheckUpSession session() {
        return session;
    }

    private CheckUpStep step() {
        return session.stepProperty().get();
    }

    /** Whether a card reader is attached (the welcome says where to put the card, or that none is found). */
    public ReadOnlyBooleanProperty readerFoundProperty() {
        return readerFound;
    }
}
