package dev.madoguchi.card.reader;


/**
 * A shared connection to the card on one reader. Not thread-safe: use it on the {@code card-io} thread and close it
 * there. Hold {@link #beginExclusive()} only around verify + read, never while a person types (docs/card-protocol.md §5.6).
 */
public interface CardConnection extends ApduChannel, AutoCloseable {

    /** The reader the card lies on. */
    String readerName();

    /** Takes the card for this connection alone until {@link #endExclusive()}; other programs wait. */
    void beginExclusive() throws CardIoException;

    /** Releases exclusive access; failures (the card is already gone) are not reported. */
    void endExclusive();

    /** After PIN work: {@link #close()} resets the card, so the card forgets the verified PIN (docs/card-protocol.md §1.1). */
    void resetWhenClosed();

    /** Disconnects (resetting the card when {@link #resetWhenClosed()} was called); never fails. */
    @Override
    void close();
}
