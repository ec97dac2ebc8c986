package dev.madoguchi.card.simulated;

import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.detect.FreeFiles;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A simulated 特定在留カード or 特定特別永住者証明書: a My Number Card's chip ({@link CardModel}) whose MF also answers the
 * free card-type file with {@code 07} / {@code 08} and the common-data file, as the specified card specification
 * gives them. Its residence side (the 在留AP with SET SESSION KEY and the Agency's RSA delivery key) is not simulated,
 * as it is not implemented by the reader (docs/residence-card.md §3): a residence read is refused before the number
 * is sent. FICTIONAL data only, like every simulated card.
 */
public final class SpecifiedCardModel implements ChipModel {

    private static final byte[] OK = {(byte) 0x90, 0x00};

    private final ChipModel myNumberSide;
    private final String typeCode;
    private boolean mfCurrent = true;

    /** @param document which specified card: a residence card ({@code 07}) or a 特別永住者証明書 ({@code 08}) */
    public SpecifiedCardModel(ChipModel myNumberSide, CardType.Document document) {
        this.myNumberSide = Objects.requireNonNull(myNumberSide, "myNumberSide");
        this.typeCode = document == CardType.Document.RESIDENCE_CARD ? "07" : "08";
    }

    @Override
    public synchronized byte[] process(byte[] c) {
        boolean freeRead = c.length >= 4 && c[0] == 0x00 && (c[1] & 0xFF) == 0xB0 && (c[3] & 0xFF) == 0x00
                && ((c[2] & 0xFF) == FreeFiles.MF_CARD_TYPE || (c[2] & 0xFF) == FreeFiles.MF_COMMON);
        if (freeRead && mfCurrent) {
            return (c[2] & 0xFF) == FreeFiles.MF_CARD_TYPE ? object(0xC1, typeCode) : object(0xC0, "11");
        }
        if (c.length >= 2 && (c[1] & 0xFF) == 0xA4) {
            mfCurrent = false;
        }
        return myNumberSide.process(c);
    }

    private static byte[] object(int tag, String text) {
        byte[] value = text.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[2 + value.length + 2];
        out[0] = (byte) tag;
        out[1] = (byte) value.length;
        System.arraycopy(value, 0, out, 2, value.length);
        System.arraycopy(OK, 0, out, out.length - 2, 2);
        return out;
    }

    @Override
    public synchronized void reset() {
        mfCurrent = true;
        myNumberSide.reset();
    }

    @Override
    public String toString() {
        return "SpecifiedCardModel[" + typeCode + ", fictional]";
    }
}
