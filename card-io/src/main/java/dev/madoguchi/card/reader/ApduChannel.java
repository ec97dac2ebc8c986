package dev.madoguchi.card.reader;

import dev.madoguchi.card.apdu.Response;

/**
 * The one-method seam between the card protocol and the transport (PC/SC, the simulated reader, a card model in a
 * test). It lives with the transport, so that the APDU package ({@code Commands}, {@code Response}) depends on nothing.
 * Synchronous; called from the {@code card-io} thread only.
 */
@FunctionalInterface
public interface ApduChannel {

    /**
     * Sends one command APDU and returns the card's answer.
     *
     * @throws CardIoException when the transport fails (card removed, reader gone); a status word other than 9000 is
     *     an answer, not a failure
     */
    Response transmit(byte[] command) throws CardIoException;
}
