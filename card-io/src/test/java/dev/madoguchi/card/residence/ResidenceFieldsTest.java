package dev.madoguchi.card.residence;

import static dev.madoguchi.card.apdu.Commands.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.tlv.BerTlv;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The file parsers against hand-made bytes in the specification's shapes (its TLV examples, fixed lengths). */
class ResidenceFieldsTest {

    private static byte[] tlv(int tag, String ascii) {
        return BerTlv.encode(tag, ascii.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        return OfficialVectorsTest.concat(parts);
    }

    @Test
    void theSpecificationsTlvExamplesParse() throws Exception {
        assertThat(BerTlv.parseFirst(hex("C1023035")).value()).isEqualTo("05".getBytes(StandardCharsets.US_ASCII));
        byte[] images = concat(hex("D08209C4"), new byte[2500], hex("D1820BB8"), new byte[3000], hex("800000"));
        images[4] = 1; // values must not start with filler for this test to see them whole
        images[4 + 2500 + 4] = 2;
        assertThat(ResidenceFields.image(images, 0xD0, 2500)).hasValueSatisfying(v -> assertThat(v).hasSize(2500));
        assertThat(ResidenceFields.image(images, 0xD1, 3000)).hasValueSatisfying(v -> assertThat(v[0]).isEqualTo((byte) 2));
        byte[] address = concat(hex("DFD18209C4"), new byte[2500]);
        assertThat(ResidenceFields.image(address, 0xDFD1, 2500)).hasValueSatisfying(v -> assertThat(v).hasSize(2500));
        byte[] df3 = concat(hex("DC60"), new byte[96], hex("DD820256"), new byte[598], new byte[4]);
        df3[2] = 1;
        assertThat(BerTlv.parseAll(df3, 0, df3.length)).extracting(BerTlv::tag).containsExactly(0xDC, 0xDD);
    }

    @Test
    void printedEntriesOfAResidenceCardAndTheirSignedForm() throws Exception {
        byte[] ef02 = concat(tlv(0xC5, "20310331"), tlv(0xC6, "19940715"), tlv(0xC7, "2"), tlv(0xC8, "VNM"),
                tlv(0xC9, "0000000019"), tlv(0xCE, "0300"), tlv(0xCA, "01"), tlv(0xCB, "20280401"), tlv(0xCC, "9"),
                tlv(0xCD, "20310331"));
        assertThat(ef02).hasSize(73); // the file's capacity in the specification
        PrintedEntries p = ResidenceFields.printedEntries(ef02, CardType.Document.RESIDENCE_CARD);
        assertThat(p.workRestriction()).contains(PrintedEntries.WorkRestriction.NOT_PERMITTED);
        assertThat(p.permissionType()).contains("01");
        byte[] signed = ResidenceFields.signedPrintedEntries(ef02);
        assertThat(new String(signed, StandardCharsets.US_ASCII))
                .isEqualTo("20310331199407152VNM0000000019030001202804019" + "20310331");
        assertThat(signed).hasSize(53);
    }

    @Test
    void specialPermanentResidentPrintedEntriesArePaddedTo53() throws Exception {
        byte[] ef02 = concat(tlv(0xC5, "20330102"), tlv(0xC6, "19600102"), tlv(0xC7, "1"), tlv(0xC8, "KOR"),
                tlv(0xC9, "0000000000"), tlv(0xCE, "0000"));
        byte[] signed = ResidenceFields.signedPrintedEntries(ef02);
        assertThat(Arrays.copyOf(signed, 34)).isEqualTo("20330102196001021KOR00000000000000".getBytes(StandardCharsets.US_ASCII));
        assertThat(Arrays.copyOfRange(signed, 34, 53)).isEqualTo(new byte[19]);
        PrintedEntries p = ResidenceFields.printedEntries(ef02,
                CardType.Document.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE);
        assertThat(p.periodOfStay().indefinite()).isTrue();
        assertThat(p.periodOfStay().days()).isEmpty();
        assertThat(new PrintedEntries.PeriodOfStay("180").days()).contains(180);
    }

    @Test
    void firstGenerationAddressesAreShiftJisX0213() throws Exception {
        // 東京都千代田区霞が関１丁目 in Shift_JIS (JIS X 0208), then 﨑 (JIS X 0213 plane 1, 98 92 in Shift_JIS X 0213;
        // Microsoft's cp932 has it elsewhere, at FA B1, which is why the decoder is Shift_JIS X 0213)
        byte[] text = concat(hex("938C8B9E9373 90E791E3 9363 8BE6 89E0 82AA 8AD6 8250 929A 96DA"), hex("9892"),
                hex("0000"));
        byte[] file = concat(tlv(0xD4, "20240401"), tlv(0xD2, "131016"), BerTlv.encode(0xD3, text));
        BackEntries back = ResidenceFields.firstGenerationBack(file, null, null, null);
        BackEntries.AddressEntry a = back.currentAddress().orElseThrow();
        assertThat(a.address()).isEqualTo("東京都千代田区霞が関１丁目﨑");
        assertThat(a.writtenOn()).contains(LocalDate.of(2024, 4, 1));
        assertThat(a.municipalityCode()).isEqualTo("131016");
        assertThat(back.toString()).doesNotContain("東京");
    }

    @Test
    void badDatesTextAndLengthsAreCorruptData() {
        byte[][] bad = {
            concat(tlv(0xC5, "20311331"), tlv(0xC6, "19940715"), tlv(0xC7, "2"), tlv(0xC8, "VNM"), tlv(0xC9, "1"),
                    tlv(0xCE, "0300")),
            concat(tlv(0xC5, "2031033"), tlv(0xC6, "19940715")),
            concat(tlv(0xC6, "19940715")),
            concat(BerTlv.encode(0xC5, hex("FF FE 32 30 33 31 30 33")), tlv(0xC6, "19940715")),
        };
        for (byte[] b : bad) {
            assertThatThrownBy(() -> ResidenceFields.printedEntries(b, CardType.Document.RESIDENCE_CARD))
                    .isInstanceOfSatisfying(CardIoException.class,
                            e -> assertThat(e.error()).isEqualTo(CardIoError.CORRUPT_DATA));
        }
        assertThatThrownBy(() -> ResidenceFields.signedPrintedEntries(tlv(0xC7, "12")))
                .isInstanceOf(CardIoException.class);
        assertThatThrownBy(() -> ResidenceFields.image(concat(hex("DFD1820A00"), new byte[2560]), 0xDFD1, 2500))
                .isInstanceOf(CardIoException.class);
        assertThatThrownBy(() -> ResidenceFields.cardNumber(tlv(0xC2, "ab12345678cd")))
                .isInstanceOf(CardIoException.class);
        assertThatThrownBy(() -> ResidenceFields.firstGenerationBack(tlv(0xD4, "20240401"), null, null, null))
                .as("an address entry without its text").isInstanceOf(CardIoException.class);
    }
}
