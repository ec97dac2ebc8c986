package dev.madoguchi.card.mynumber;

import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.tlv.BerTlv;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * EF 0002 of the 券面事項入力補助AP (docs/card-protocol.md §1.4): {@code FF20 {DF21 offsets, DF22 氏名, DF23 住所, DF24 生年月日,
 * DF25 性別}}, then filler. Parsed by tag; the DF21 offset table must agree with where the objects really are.
 */
public final class BasicFourFile {

    static final int OUTER = 0xFF20;
    private static final int OFFSETS = 0xDF21;
    private static final int[] FIELDS = {0xDF22, 0xDF23, 0xDF24, 0xDF25};
    private static final Set<String> SEX_CODES = Set.of("0", "1", "2", "9");

    private final BasicFour basicFour;
    private final byte[] hashedPart;

    private BasicFourFile(BasicFour basicFour, byte[] hashedPart) {
        this.basicFour = basicFour;
        this.hashedPart = hashedPart;
    }

    /** The decoded 基本4情報. */
    public BasicFour basicFour() {
        return basicFour;
    }

    /** The bytes EF 0003's DF32 hashes: the DF22…DF25 objects (the outer value after DF21). */
    public byte[] hashedPart() {
        return hashedPart.clone();
    }

    /** Parses the file's bytes (filler after the object is allowed). */
    public static BasicFourFile parse(byte[] file) throws CardIoException {
        BerTlv outer = BerTlv.parseFirst(file);
        if (outer.tag() != OUTER) {
            throw corrupt(String.format("outer tag %X, expected FF20", outer.tag()));
        }
        List<BerTlv> children = outer.children();
        BerTlv offsets = outer.require(OFFSETS);
        if (offsets.length() != 2 * FIELDS.length) {
            throw corrupt("offset table of " + offsets.length() + " bytes");
        }
        byte[] table = offsets.value();
        BerTlv[] fields = new BerTlv[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            fields[i] = outer.require(FIELDS[i]);
            int declared = ((table[2 * i] & 0xFF) << 8) | (table[2 * i + 1] & 0xFF);
            if (declared != fields[i].start()) {
                throw corrupt(String.format("offset table says %X at %d, found at %d", FIELDS[i], declared,
                        fields[i].start()));
            }
        }
        if (children.get(0).tag() != OFFSETS) {
            throw corrupt("offset table is not the first object");
        }
        String name = utf8(fields[0].value(), "name");
        String address = utf8(fields[1].value(), "address");
        String birth = ascii(fields[2].value(), "birth date");
        String sex = ascii(fields[3].value(), "sex");
        if (!SEX_CODES.contains(sex)) {
            throw corrupt("sex code of " + sex.length() + " characters not in ISO 5218");
        }
        LocalDate birthDate;
        try {
            if (birth.length() != 8 || !birth.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw corrupt("birth date is not YYYYMMDD");
            }
            birthDate = LocalDate.of(Integer.parseInt(birth.substring(0, 4)), Integer.parseInt(birth.substring(4, 6)),
                    Integer.parseInt(birth.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new CardIoException(CardIoError.CORRUPT_DATA, "basic four: birth date is not a date", e);
        }
        byte[] hashed = Arrays.copyOfRange(file, offsets.end(), outer.end());
        return new BasicFourFile(new BasicFour(name, address, birthDate, sex), hashed);
    }

    /** Encodes 基本4情報 the way the card stores them (for card models and tests); no filler. */
    public static byte[] encode(BasicFour basicFour) {
        byte[][] fields = {
            BerTlv.encode(FIELDS[0], basicFour.name().getBytes(StandardCharsets.UTF_8)),
            BerTlv.encode(FIELDS[1], basicFour.address().getBytes(StandardCharsets.UTF_8)),
            BerTlv.encode(FIELDS[2], String.format("%04d%02d%02d", basicFour.birthDate().getYear(),
                    basicFour.birthDate().getMonthValue(), basicFour.birthDate().getDayOfMonth())
                    .getBytes(StandardCharsets.US_ASCII)),
            BerTlv.encode(FIELDS[3], basicFour.sexCode().getBytes(StandardCharsets.US_ASCII))
        };
        int fieldsLength = 0;
        for (byte[] f : fields) {
            fieldsLength += f.length;
        }
        int offsetsLength = 3 + 2 * FIELDS.length;
        int valueLength = offsetsLength + fieldsLength;
        int outerHeader = 2 + (valueLength < 0x80 ? 1 : valueLength <= 0xFF ? 2 : 3);
        byte[] table = new byte[2 * FIELDS.length];
        int at = outerHeader + offsetsLength;
        for (int i = 0; i < FIELDS.length; i++) {
            table[2 * i] = (byte) (at >> 8);
            table[2 * i + 1] = (byte) at;
            at += fields[i].length;
        }
        return BerTlv.encode(OUTER, BerTlv.encode(OFFSETS, table), fields[0], fields[1], fields[2], fields[3]);
    }

    private static String utf8(byte[] bytes, String what) throws CardIoException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CardIoException(CardIoError.CORRUPT_DATA, "basic four: " + what + " is not UTF-8", e);
        }
    }

    private static String ascii(byte[] bytes, String what) throws CardIoException {
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7E) {
                throw corrupt(what + " is not ASCII");
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static CardIoException corrupt(String what) {
        return new CardIoException(CardIoError.CORRUPT_DATA, "basic four: " + what);
    }
}
