package dev.madoguchi.card.residence;

import dev.madoguchi.card.detect.CardType;
import java.util.Objects;
import java.util.Optional;

/**
 * One read of a residence card or 特別永住者証明書. Immutable; {@code toString()} shows no personal data.
 *
 * @param type the card type found
 * @param printed 2nd gen: the printed entries as text; 1st gen: empty (the front side is only an image)
 * @param back what the chip holds of the back side
 * @param images the images kept (see {@link ResidenceReadOptions})
 * @param signature the check of the chip's check code
 * @param commands command APDUs sent, detection included
 */
public record ResidenceCardRead(CardType.ResidenceCard type, Optional<PrintedEntries> printed, BackEntries back,
        CardImages images, SignatureCheck signature, int commands) {

    public ResidenceCardRead {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(printed, "printed");
        Objects.requireNonNull(back, "back");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(signature, "signature");
    }

    @Override
    public String toString() {
        return "ResidenceCardRead[" + type.code() + ", signature=" + signature.status() + ", " + commands
                + " commands]";
    }
}
