package dev.madoguchi.card.mynumber;

import dev.madoguchi.card.apdu.Commands;
import dev.madoguchi.card.apdu.Response;
import dev.madoguchi.card.reader.ApduChannel;
import dev.madoguchi.card.reader.CardIoException;
import java.util.Optional;

/** Where the four PINs of {@link PinKind} live on a first-generation card, and how their tries are asked (§1.2). */
final class FirstGenerationPins {

    private FirstGenerationPins() {}

    /** Selects the key's application and EF and asks for its tries (VERIFY without data); empty when absent. */
    static Optional<PinStatus> status(ApduChannel card, PinKind kind) throws CardIoException {
        byte[] aid;
        int fid;
        switch (kind) {
            case TEXT_PIN -> {
                aid = FirstGenerationProfile.TEXT_AP;
                fid = FirstGenerationProfile.TEXT_PIN;
            }
            case AUTH_PIN -> {
                aid = FirstGenerationProfile.JPKI_AP;
                fid = FirstGenerationProfile.JPKI_AUTH_PIN;
            }
            case SIGN_PASSWORD -> {
                aid = FirstGenerationProfile.JPKI_AP;
                fid = FirstGenerationProfile.JPKI_SIGN_PASSWORD;
            }
            case RESIDENT_REGISTRY_PIN -> {
                aid = FirstGenerationProfile.RESIDENT_REGISTRY_AP;
                fid = FirstGenerationProfile.RESIDENT_REGISTRY_PIN;
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        if (!FirstGenerationProfile.selectDf(card, aid)) {
            return Optional.empty();
        }
        int sw = card.transmit(Commands.selectEf(fid)).sw();
        if (sw == 0x6A82) {
            return Optional.empty();
        }
        if (sw != 0x9000) {
            throw FirstGenerationProfile.unexpected(String.format("SELECT EF %04X", fid), sw);
        }
        return Optional.of(FirstGenerationProfile.query(card));
    }

    /** VERIFY with data on the key EF {@link #status} has just made current; typed failures as for every VERIFY. */
    static void verify(ApduChannel card, PinKind kind, byte[] ascii) throws CardIoException {
        Response verified = card.transmit(Commands.verify(ascii));
        if (!verified.ok()) {
            throw FirstGenerationProfile.verifyFailure(kind.code(), verified.sw());
        }
    }
}
