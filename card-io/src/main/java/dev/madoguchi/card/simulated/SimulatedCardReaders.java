package dev.madoguchi.card.simulated;

import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import java.util.List;
import java.util.Optional;

/**
 * One in-process reader offering a deck of demo cards, used when no PC/SC reader is present (demo mode) and in tests.
 * A card is "put on the reader" with {@link #place(String)} and taken away with {@link #remove()}.
 */
public final class SimulatedCardReaders implements CardReaders {

    /** The name under which the simulated reader appears; it says what it is. */
    public static final String READER_NAME = "Madoguchi Simulated Reader";

    private final List<SimulatedCard> deck;
    private SimulatedCard present;

    public SimulatedCardReaders(List<SimulatedCard> deck) {
        this.deck = List.copyOf(deck);
    }

    /** The demo cards that can be put on the reader. */
    public List<SimulatedCard> deck() {
        return deck;
    }

    /** Puts the deck's card with this id on the reader, replacing any card there. */
    public synchronized SimulatedCard place(String cardId) {
        SimulatedCard card = deck.stream()
                .filter(c -> c.id().equals(cardId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo card " + cardId));
        present = card;
        return card;
    }

    /** Takes the card away; nothing happens when the reader is empty. */
    public synchronized void remove() {
        present = null;
    }

    /** The card on the reader, if any. */
    public synchronized Optional<SimulatedCard> presentCard() {
        return Optional.ofNullable(present);
    }

    @Override
    public ReaderSource source() {
        return ReaderSource.SIMULATED;
    }

    @Override
    public synchronized ReaderSnapshot snapshot() {
        return new ReaderSnapshot(ReaderSource.SIMULATED, List.of(new ReaderSnapshot.Reader(READER_NAME, present != null)));
    }
}
