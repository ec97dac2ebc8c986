package dev.madoguchi.card.reader;

/**
 * The card readers a terminal can use right now.
 *
 * <p>Implementations are synchronous and not thread-safe: the application calls them from its single {@code card-io}
 * thread (docs/architecture.md, "Threads").
 */
public interface CardReaders {

    /** What kind of reader source this is, so the UI can say so (a simulator is never mistaken for a real reader). */
    ReaderSource source();

    /**
     * The readers attached now and whether a card lies on each.
     *
     * @throws CardIoException with {@link CardIoError#READER_SERVICE_UNAVAILABLE} when the smart-card service cannot be
     *     reached, or {@link CardIoError#READER_ERROR} for any other failure of the reader stack
     */
    ReaderSnapshot snapshot() throws CardIoException;

    /**
     * Connects (shared) to the card on the named reader, or, when {@code readerName} is null, on the first reader that
     * holds a card.
     *
     * @throws CardIoException {@link CardIoError#NO_READER} when the reader is not attached (or none is),
     *     {@link CardIoError#NO_CARD} when no card lies on it, {@link CardIoError#CARD_BUSY} when another program holds
     *     it exclusively, or a service/reader error; a reader source that only lists readers (a test double) reports
     *     {@link CardIoError#READER_ERROR}
     */
    default CardConnection connect(String readerName) throws CardIoException {
        throw new CardIoException(CardIoError.READER_ERROR, getClass().getSimpleName() + " cannot connect to cards");
    }

    /** Picks the reader for {@link #connect(String)} from a snapshot: the named one, else the first holding a card. */
    static String choose(ReaderSnapshot snapshot, String readerName) throws CardIoException {
        if (!snapshot.hasReaders()) {
            throw new CardIoException(CardIoError.NO_READER, "no reader attached");
        }
        if (readerName != null) {
            ReaderSnapshot.Reader reader = snapshot.readers().stream()
                    .filter(r -> r.name().equals(readerName))
                    .findFirst()
                    .orElseThrow(() -> new CardIoException(CardIoError.NO_READER, "reader not attached: " + readerName));
            if (!reader.cardPresent()) {
                throw new CardIoException(CardIoError.NO_CARD, "no card on " + readerName);
            }
            return reader.name();
        }
        return snapshot.readers().stream()
                .filter(ReaderSnapshot.Reader::cardPresent)
                .map(ReaderSnapshot.Reader::name)
                .findFirst()
                .orElseThrow(() -> new CardIoException(CardIoError.NO_CARD, "no card on any reader"));
    }
}
