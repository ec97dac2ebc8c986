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
}
