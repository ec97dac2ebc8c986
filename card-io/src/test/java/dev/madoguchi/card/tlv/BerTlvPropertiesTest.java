package dev.madoguchi.card.tlv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.card.mynumber.BasicFour;
import dev.madoguchi.card.mynumber.BasicFourFile;
import dev.madoguchi.card.mynumber.CardInfo;
import dev.madoguchi.card.mynumber.Fixtures;
import dev.madoguchi.card.mynumber.IntegrityRecord;
import dev.madoguchi.card.mynumber.MyNumberFile;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import java.time.LocalDate;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Random, truncated and mutated card data: always a result or the typed error, never an unchecked exception. */
class BerTlvPropertiesTest {

    /** Runs a parser; any exception other than CORRUPT_DATA fails the property. */
    private interface Parser {
        void parse(byte[] data) throws CardIoException;
    }

    private static void onlyTypedErrors(Parser parser, byte[] data) {
        try {
            parser.parse(data);
        } catch (CardIoException e) {
            assertThat(e.error()).isEqualTo(CardIoError.CORRUPT_DATA);
        }
    }

    private static void everyParser(byte[] data) {
        onlyTypedErrors(d -> BerTlv.parseAll(d, 0, d.length), data);
        onlyTypedErrors(BasicFourFile::parse, data);
        onlyTypedErrors(MyNumberFile::digits, data);
        onlyTypedErrors(IntegrityRecord::parse, data);
        onlyTypedErrors(CardInfo::parse, data);
        onlyTypedErrors(d -> BerTlv.encodedLength(d, d.length), data);
    }

    @Property(tries = 2000)
    void randomBytesGiveAResultOrCorruptData(@ForAll @Size(max = 300) byte[] data) {
        everyParser(data);
    }

    @Property(tries = 1000)
    void randomBytesAfterAKnownTagGiveAResultOrCorruptData(@ForAll("tags") int tag, @ForAll @Size(max = 80) byte[] rest) {
        byte[] data = new byte[rest.length + 2];
        data[0] = (byte) (tag >> 8);
        data[1] = (byte) tag;
        System.arraycopy(rest, 0, data, 2, rest.length);
        everyParser(data);
    }

    @Provide
    Arbitrary<Integer> tags() {
        return Arbitraries.of(0xFF20, 0xFF10, 0xFF30, 0xDF21, 0xDF22, 0x011C);
    }

    @Property(tries = 500)
    void everyTruncationOfTheTestCardIsCorruptData(@ForAll @IntRange(min = 0, max = 103) int keep) {
        byte[] card = Fixtures.bytes("text-0002-test-card.bin");
        byte[] cut = Arrays.copyOf(card, keep);
        try {
            BasicFourFile.parse(cut);
            throw new AssertionError("a truncated file parsed");
        } catch (CardIoException e) {
            assertThat(e.error()).isEqualTo(CardIoError.CORRUPT_DATA);
        }
    }

    @Property(tries = 1000)
    void singleByteChangesOfTheTestCardGiveAResultOrCorruptData(@ForAll @IntRange(min = 0, max = 102) int at,
            @ForAll byte value) {
        byte[] card = Fixtures.bytes("text-0002-test-card.bin");
        card[at] = value;
        everyParser(card);
    }

    @Property(tries = 300)
    void anyEncodedBasicFourReadsBackExactly(@ForAll @StringLength(min = 1, max = 40) String name,
            @ForAll @StringLength(min = 1, max = 120) String address, @ForAll @IntRange(min = 1900, max = 2099) int year,
            @ForAll @IntRange(min = 1, max = 365) int day, @ForAll("sexCodes") String sex) throws CardIoException {
        BasicFour b = new BasicFour(name, address, LocalDate.ofYearDay(year, day), sex);
        net.jqwik.api.Assume.that(validUtf16(name) && validUtf16(address));
        assertThat(BasicFourFile.parse(BasicFourFile.encode(b)).basicFour()).isEqualTo(b);
    }

    @Provide
    Arbitrary<String> sexCodes() {
        return Arbitraries.of("0", "1", "2", "9");
    }

    private static boolean validUtf16(String s) {
        return s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF);
    }
}
