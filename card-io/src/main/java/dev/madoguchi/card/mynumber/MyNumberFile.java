package dev.madoguchi.card.mynumber;

import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.tlv.BerTlv;
import java.nio.charset.StandardCharsets;

/** EF 0001 of the 券面事項入力補助AP: {@code FF10 0C <12 ASCII digits>} and two bytes of filler (docs/card-protocol.md §1.4). */
public final class MyNumberFile {

    static final int TAG = 0xFF10;

    private MyNumberFile() {}

    /** The file as the card stores it: 15-byte object and {@code FF FF} filler, 17 bytes. */
    public static byte[] encode(String twelveDigits) {
        byte[] tlv = BerTlv.encode(TAG, twelveDigits.getBytes(StandardCharsets.US_ASCII));
        byte[] file = java.util.Arrays.copyOf(tlv, tlv.length + 2);
        file[file.length - 2] = (byte) 0xFF;
        file[file.length - 1] = (byte) 0xFF;
        return file;
    }

    /** The twelve digits; whether the check digit is right is the caller's question ({@code MyNumber.isValid}). */
    public static String digits(byte[] file) throws CardIoException {
        BerTlv tlv = BerTlv.parseFirst(file);
        if (tlv.tag() != TAG || tlv.length() != 12) {
            throw new CardIoException(CardIoError.CORRUPT_DATA,
                    String.format("my number file: tag %X with %d bytes, expected FF10 with 12", tlv.tag(), tlv.length()));
        }
        byte[] value = tlv.value();
        for (byte b : value) {
            if (b < '0' || b > '9') {
                throw new CardIoException(CardIoError.CORRUPT_DATA, "my number file: not all digits");
            }
        }
        return new String(value, StandardCharsets.US_ASCII);
    }
}
