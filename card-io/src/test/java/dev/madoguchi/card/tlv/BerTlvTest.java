package dev.madoguchi.card.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.card.apdu.Commands;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import org.junit.jupiter.api.Test;

class BerTlvTest {

    @Test
    void readsTwoByteTagsAndAllLengthForms() throws Exception {
        assertThat(BerTlv.parseFirst(Commands.hex("DF2201AA")).tag()).isEqualTo(0xDF22);
        assertThat(BerTlv.parseFirst(Commands.hex("FF2081010A")).length()).isEqualTo(1);
        BerTlv longForm = BerTlv.parseFirst(concat(Commands.hex("DF238201 00"), new byte[256]));
        assertThat(longForm.length()).isEqualTo(256);
    }

    @Test
    void aPartialHeaderSaysHowManyBytesTheObjectTakes() throws Exception {
        // jpki/myna's partial-decode vector: ff 40 82 00 9f -> 159 bytes of value after a 5-byte header
        assertThat(BerTlv.encodedLength(Commands.hex("FF4082009F"), 5)).contains(164);
        assertThat(BerTlv.encodedLength(Commands.hex("FF4082"), 3)).isEmpty();
    }

    @Test
    void stopsAtZeroAndFfFiller() throws Exception {
        assertThat(BerTlv.parseAll(Commands.hex("0101AA00FFFF"), 0, 6)).hasSize(1);
        assertThat(BerTlv.parseAll(Commands.hex("0101AAFFFF0101"), 0, 7)).hasSize(1);
    }

    @Test
    void aLengthBeyondTheDataIsCorruptData() {
        assertThatThrownBy(() -> BerTlv.parseFirst(Commands.hex("DF2205AABB")))
                .isInstanceOfSatisfying(CardIoException.class, e -> assertThat(e.error()).isEqualTo(CardIoError.CORRUPT_DATA));
    }

    @Test
    void encodeUsesTheShortestLengthForm() {
        assertThat(BerTlv.encode(0xDF22, new byte[0x7F])).startsWith(0xDF, 0x22, 0x7F);
        assertThat(BerTlv.encode(0xDF22, new byte[0x80])).startsWith(0xDF, 0x22, 0x81, 0x80);
        assertThat(BerTlv.encode(0xFF20, new byte[0x100])).startsWith(0xFF, 0x20, 0x82, 0x01, 0x00);
    }

    @Test
    void toStringShowsNoValue() throws Exception {
        assertThat(BerTlv.parseFirst(Commands.hex("DF2203414243")).toString()).doesNotContain("ABC");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
