package dev.madoguchi.card.mynumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.domain.MyNumber;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ParsersTest {

    @Test
    void readsTheTestCardsBasicFourWithFullWidthAddressAndIdeographicSpace() throws Exception {
        BasicFour b = BasicFourFile.parse(Fixtures.bytes("text-0002-test-card.bin")).basicFour();
        assertThat(b.name()).isEqualTo("黒桐\u3000幹也");
        assertThat(b.address()).isEqualTo("東京都清瀬市観布子南１２－７－２０２");
        assertThat(b.birthDate()).isEqualTo(LocalDate.of(1980, 2, 17));
        assertThat(b.sexCode()).isEqualTo("1");
    }

    @Test
    void stopsAtFillerAfterTheObject() throws Exception {
        BasicFour withFiller = BasicFourFile.parse(Fixtures.bytes("text-0002-test-card-with-filler.bin")).basicFour();
        assertThat(withFiller).isEqualTo(BasicFourFile.parse(Fixtures.bytes("text-0002-test-card.bin")).basicFour());
    }

    @Test
    void encodingTheTestCardsBasicFourGivesTheCardsBytes() throws Exception {
        byte[] card = Fixtures.bytes("text-0002-test-card.bin");
        assertThat(BasicFourFile.encode(BasicFourFile.parse(card).basicFour())).isEqualTo(card);
    }

    @Test
    void aWrongOffsetTableIsCorruptData() {
        byte[] card = Fixtures.bytes("text-0002-test-card.bin");
        card[8] = 0x10; // DF21's first offset no longer points at DF22
        assertCorrupt(() -> BasicFourFile.parse(card));
    }

    @Test
    void aTruncatedFileIsCorruptData() {
        byte[] card = Fixtures.bytes("text-0002-test-card.bin");
        assertCorrupt(() -> BasicFourFile.parse(Arrays.copyOf(card, card.length - 3)));
    }

    @Test
    void toStringOfBasicFourShowsNoPersonalData() throws Exception {
        BasicFour b = BasicFourFile.parse(Fixtures.bytes("text-0002-test-card.bin")).basicFour();
        assertThat(b.toString()).doesNotContain("黒桐").doesNotContain("東京").doesNotContain("1980");
    }

    @Test
    void readsTheTestCardsMyNumberWithAValidCheckDigit() throws Exception {
        String digits = MyNumberFile.digits(Fixtures.bytes("text-0001-test-card.bin"));
        assertThat(digits).isEqualTo("537686677188");
        assertThat(MyNumber.isValid(digits)).isTrue();
        assertThat(MyNumberFile.encode(digits)).isEqualTo(Fixtures.bytes("text-0001-test-card.bin"));
    }

    @Test
    void aMyNumberFileWithLettersIsCorruptData() {
        byte[] file = Fixtures.bytes("text-0001-test-card.bin");
        file[5] = 'X';
        assertCorrupt(() -> MyNumberFile.digits(file));
    }

    @Test
    void myNumberReadMasksAllButTheLastFourAndHidesItInToString() {
        MyNumberRead read = new MyNumberRead("537686677188", true);
        assertThat(read.masked()).isEqualTo("********7188");
        assertThat(read.toString()).doesNotContain("5376").doesNotContain("7188");
    }

    @Test
    void readsTheCommonApRecord() throws Exception {
        CardInfo info = CardInfo.parse(Fixtures.bytes("common-0001-record-1-test-card.bin"));
        assertThat(info.serial()).isEqualTo("400000012719843");
        assertThat(info.municipalityCode()).isEqualTo("13221");
        assertThat(info.expiry()).isEqualTo(LocalDate.of(2035, 2, 17));
    }

    @Test
    void aCommonApRecordWithAnImpossibleDateIsCorruptData() {
        byte[] record = ("\u0001\u001c" + "4000000127198431322120351317").getBytes(StandardCharsets.ISO_8859_1);
        assertCorrupt(() -> CardInfo.parse(record));
    }

    @Test
    void collationNumberBUsesTheJapaneseEraYear() {
        assertThat(TextCredential.CollationNumberB.of(LocalDate.of(1980, 2, 17), 2035, "2285").digits())
                .isEqualTo("55021720352285");
        assertThat(TextCredential.CollationNumberB.of(LocalDate.of(1989, 1, 7), 2030, "0000").digits())
                .startsWith("640107");
        assertThat(TextCredential.CollationNumberB.of(LocalDate.of(1989, 1, 8), 2030, "0000").digits())
                .startsWith("010108");
        assertThat(TextCredential.CollationNumberB.of(LocalDate.of(2019, 4, 30), 2030, "0000").digits())
                .startsWith("310430");
        assertThat(TextCredential.CollationNumberB.of(LocalDate.of(2019, 5, 1), 2030, "0000").digits())
                .startsWith("010501");
    }

    @Test
    void credentialsNeverShowTheirValue() {
        assertThat(new TextCredential.Pin("1234").toString()).doesNotContain("1234");
        assertThat(new TextCredential.CollationNumberB("55021720352285").toString()).doesNotContain("5502");
        assertThatThrownBy(() -> new TextCredential.Pin("12a4")).hasMessageNotContaining("12a4");
    }

    private static void assertCorrupt(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CardIoException.class,
                e -> assertThat(e.error()).isEqualTo(CardIoError.CORRUPT_DATA));
    }
}
