package dev.madoguchi.card.pcsc;

import dev.madoguchi.card.apdu.Response;
import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoException;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;

/** A connection to a card through {@code javax.smartcardio}. */
final class PcscCardConnection implements CardConnection {

    private final String readerName;
    private final CardTerminal terminal;
    private final Card card;
    private final CardChannel channel;
    private final Runnable releaseContext;
    private boolean exclusive;
    private boolean reset;
    private boolean closed;
    private boolean lost;

    PcscCardConnection(String readerName, CardTerminal terminal, Card card, Runnable releaseContext) {
        this.readerName = readerName;
        this.terminal = terminal;
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
        byte[] raw;
        try {
            raw = channel.transmit(new CommandAPDU(command)).getBytes();
        } catch (CardException | IllegalStateException e) {
            CardIoException mapped = PcscErrors.mapTransmit(readerName, e);
            lost = mapped.error() == dev.madoguchi.card.reader.CardIoError.CARD_REMOVED;
            throw mapped;
        } catch (RuntimeException e) {
            // jnasmartcardio 0.2.7 fails with IllegalArgumentException when the card left mid-command and pcscd
            // returned no bytes; what happened is decided by asking the reader
            throw lostAnswer(e);
        }
        if (raw.length < 2) {
            throw lostAnswer(null);
        }
        return Response.of(raw);
    }

    private CardIoException lostAnswer(RuntimeException cause) {
        lost = true;
        boolean present;
        try {
            present = terminal.isCardPresent();
        } catch (CardException | RuntimeException e) {
            present = false;
        }
        return PcscErrors.lostAnswer(readerName, present, cause);
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
        } catch (CardException | RuntimeException ignored) {
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
            // a card that left keeps no security state; resetting a vanished card only confuses some drivers
            card.disconnect(reset && !lost);
        } catch (CardException | RuntimeException ignored) {
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
