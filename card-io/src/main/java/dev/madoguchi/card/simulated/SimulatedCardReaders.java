package dev.madoguchi.card.simulated;

import dev.madoguchi.card.apdu.Response;
import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One in-process reader offering a deck of demo cards, used when no PC/SC reader is present (demo mode) and in tests.
 * A card is "put on the reader" with {@link #place(String)} and taken away with {@link #remove()}. Cards with My Number
 * Card content answer APDUs through a {@link CardModel}, residence cards through a {@link ResidenceCardModel}, specified
 * cards through a {@link SpecifiedCardModel}, each made on first use and kept, so PIN counters persist while the
 * application runs.
 */
public final class SimulatedCardReaders implements CardReaders {

    /** The name under which the simulated reader appears; it says what it is. */
    public static final String READER_NAME = "Madoguchi Simulated Reader";

    private final List<SimulatedCard> deck;
    private final Supplier<CardKeys> keys;
    private final Map<String, ChipModel> models = new HashMap<>();
    private CardKeys generatedKeys;
    private SyntheticIssuer residenceIssuer;
    private SimulatedCard present;

    public SimulatedCardReaders(List<SimulatedCard> deck, Supplier<CardKeys> keys) {
        this.deck = List.copyOf(deck);
        this.keys = keys;
    }

    /** A deck whose cards share keys generated on the first read. */
    public SimulatedCardReaders(List<SimulatedCard> deck) {
        this(deck, CardKeys::generate);
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

    @Override
    public synchronized CardConnection connect(String readerName) throws CardIoException {
        CardReaders.choose(snapshot(), readerName);
        SimulatedCard card = present;
        ChipModel model;
        if (card.specified()) {
            model = models.computeIfAbsent(card.id(), id -> new SpecifiedCardModel(
                    MyNumberCardModel.of(card.myNumberCard().get(), keys()), card.residenceCard().get().document()));
        } else if (card.smartphone().isPresent()) {
            model = models.computeIfAbsent(card.id(), id -> SmartphoneModel.of(card.smartphone().get(), keys()));
        } else if (card.residenceCard().isPresent()) {
            model = models.computeIfAbsent(card.id(),
                    id -> ResidenceCardModel.of(card.residenceCard().get(), residenceIssuer()));
        } else {
            model = card.myNumberCard().<ChipModel>map(c -> models.computeIfAbsent(card.id(),
                    id -> MyNumberCardModel.of(c, keys()))).orElseGet(CardModel::new);
        }
        model.reset();
        return new Connection(card, model);
    }

    private CardKeys keys() {
        if (generatedKeys == null) {
            generatedKeys = keys.get();
        }
        return generatedKeys;
    }

    /**
     * The synthetic issuer that signs the deck's residence cards, made on first use; its {@code trust()} is what a
     * demo must trust for their signatures to verify (profile "added", named as synthetic).
     */
    public synchronized SyntheticIssuer residenceIssuer() {
        if (residenceIssuer == null) {
            residenceIssuer = SyntheticIssuer.generate();
        }
        return residenceIssuer;
    }

    private synchronized boolean stillPresent(SimulatedCard card) {
        return present == card;
    }

    /** A connection that fails as a real one does when the card is taken away. */
    private final class Connection implements CardConnection {
        private final SimulatedCard card;
        private final ChipModel model;
        private boolean reset;

        Connection(SimulatedCard card, ChipModel model) {
            this.card = card;
            this.model = model;
        }

        @Override
        public String readerName() {
            return READER_NAME;
        }

        @Override
        public Response transmit(byte[] command) throws CardIoException {
            if (!stillPresent(card)) {
                model.reset();
                throw new CardIoException(CardIoError.CARD_REMOVED, "simulated card " + card.id() + " taken away");
            }
            return model.transmit(command);
        }

        @Override
        public void beginExclusive() throws CardIoException {
            if (!stillPresent(card)) {
                throw new CardIoException(CardIoError.CARD_REMOVED, "simulated card " + card.id() + " taken away");
            }
        }

        @Override
        public void endExclusive() {}

        @Override
        public void resetWhenClosed() {
            reset = true;
        }

        @Override
        public void close() {
            if (reset) {
                model.reset();
            }
        }
    }
}
