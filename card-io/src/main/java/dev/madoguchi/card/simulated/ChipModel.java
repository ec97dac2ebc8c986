package dev.madoguchi.card.simulated;

import dev.madoguchi.card.apdu.Response;
import dev.madoguchi.card.reader.ApduChannel;

/** A card's chip in plain Java (a My Number Card's {@link CardModel}, a {@link ResidenceCardModel}). */
public interface ChipModel extends ApduChannel {

    /** Answers one command APDU with data + SW1 SW2. */
    byte[] process(byte[] command);

    /** Power-on / reset: nothing selected, nothing authenticated. */
    void reset();

    @Override
    default Response transmit(byte[] command) {
        return Response.of(process(command));
    }
}
