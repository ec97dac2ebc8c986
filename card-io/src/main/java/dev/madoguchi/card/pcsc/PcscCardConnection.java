package dev.madoguchi.card.pcsc;

import dev.madoguchi.card.apdu.Response;
import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoException;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;

/** A connection to a card through {@code javax.smartcardio}. */
final class PcscCardConnection implements CardConnection {

    private final String readerName;
    private final Card card;
    private final CardChannel channel;
    private final Runnable releaseContext;
    private boolean exclusive;
    private boolean reset;
    private boolean closed;

    PcscCardConnection(String readerName, Card card, Runnable releaseContext) {
        this.readerName = readerName;
        this.card = card;
        this.channel = card.getBasicChannel();
        this.releaseContext = releaseContext;
    }

    @Override
    public String readerName() {
        return readerName;
    }

    @Override
    public Response transmit(byte[] command) throws CardIoException {
        try {
            return Response.of(channel.transmit(new CommandAPDU(command)).getBytes());
        } catch (CardException | IllegalStateException e) {
            throw PcscErrors.mapTransmit(readerName, e);
        }
    }

    @Override
    public void beginExclusive() throws CardIoException {
        try {
            card.beginExclusive();
            exclusive = true;
        } catch (CardException | IllegalStateException e) {
            throw PcscErrors.mapTransmit(readerName, e);
        }
    }

    @Override
    public void endExclusive() {
        if (!exclusive) {
            return;
        }
        exclusive = false;
        try {
            card.endExclusive();
        } catch (CardException | IllegalStateException ignored) {
            // the card or the service is gone; the transaction went with it
        }
    }

    @Override
    public void resetWhenClosed() {
        reset = true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        endExclusive();
        try {
            card.disconnect(reset);
        } catch (CardException | IllegalStateException ignored) {
            // the card left: nothing left to reset
        } finally {
            releaseContext.run();
        }
    }

    @Override
    public String toString() {
        return "PcscCardConnection[" + readerName + "]";
    }
}
