package dev.madoguchi.card.residence;

import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.tlv.BerTlv;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parsers of the residence card's files (docs/residence-card.md §4). Pure and total: malformed bytes end in
 * {@link CardIoError#CORRUPT_DATA}, never in an unchecked exception, and messages never carry the data.
 */
public final class ResidenceFields {

    /** The printed entries' tags in the order the signature covers them, with each value's fixed length. */
    private static final int[][] PRINTED = {
        {0xC5, 8}, {0xC6, 8}, {0xC7, 1}, {0xC8, 3}, {0xC9, 10}, {0xCE, 4}, {0xCA, 2}, {0xCB, 8}, {0xCC, 1}, {0xCD, 8}
    };
    /** The signed printed entries' length (residence card 53 bytes; 特別永住者証明書 34, padded with 00 to 53). */
    public static final int SIGNED_PRINTED_LENGTH = 53;
    /** The 2nd gen name image's ({@code D0}) and photo's ({@code D1}) fixed value lengths. */
    public static final int G2_NAME_IMAGE_LENGTH = 2500;
    public static final int G2_PHOTO_LENGTH = 3000;
    /** The 1st gen front image's ({@code D0}) and photo's ({@code D1}) fixed value lengths. */
    public static final int G1_FRONT_IMAGE_LENGTH = 7000;
    public static final int G1_PHOTO_LENGTH = 3000;

    private ResidenceFields() {}

    /** DF1/EF01 ({@code C2}): the card number the chip holds. */
    public static String cardNumber(byte[] ef01) throws CardIoException {
        String s = utf8(single(ef01, 0xC2).value());
        if (!CardNumber.PATTERN.matcher(s).matches()) {
            throw corrupt("card number on the chip has the wrong form");
        }
        return s;
    }

    /** DF1/EF02: the printed entries of a second-generation card. */
    public static PrintedEntries printedEntries(byte[] ef02, CardType.Document document) throws CardIoException {
        Map<Integer, String> t = texts(ef02);
        boolean residence = document == CardType.Document.RESIDENCE_CARD;
        Optional<String> work = optional(t, 0xCC);
        return new PrintedEntries(date(required(t, 0xC5)), date(required(t, 0xC6)), required(t, 0xC7),
                required(t, 0xC8), required(t, 0xC9), new PrintedEntries.PeriodOfStay(required(t, 0xCE)),
                residence ? optional(t, 0xCA) : Optional.empty(),
                residence ? optionalDate(t, 0xCB) : Optional.empty(),
                residence && work.isPresent() ? PrintedEntries.WorkRestriction.of(work.get()) : Optional.empty(),
                residence ? optionalDate(t, 0xCD) : Optional.empty());
    }

    /**
     * The printed entries as the second-generation signature covers them: each value in the fixed order, padded with
     * {@code 00} to its fixed length, the whole padded to 53 bytes (docs/residence-card.md §5).
     */
    public static byte[] signedPrintedEntries(byte[] ef02) throws CardIoException {
        Map<Integer, byte[]> values = new HashMap<>();
        for (BerTlv o : BerTlv.parseAll(ef02, 0, ef02.length)) {
            values.putIfAbsent(o.tag(), o.value());
        }
        ByteBuffer out = ByteBuffer.allocate(SIGNED_PRINTED_LENGTH);
        for (int[] field : PRINTED) {
            byte[] v = values.get(field[0]);
            if (v == null) {
                continue;
            }
            if (v.length > field[1]) {
                throw corrupt(String.format("printed entry %X longer than %d bytes", field[0], field[1]));
            }
            out.put(v);
            out.position(out.position() + field[1] - v.length);
        }
        return out.array();
    }

    /** DF2 of a second-generation card: EF01 and EF02 (residence cards only, else null) and EF03. */
    public static BackEntries secondGenerationBack(byte[] permission, byte[] application, byte[] other)
            throws CardIoException {
        Map<Integer, String> t = new HashMap<>();
        for (byte[] file : new byte[][] {permission, application, other}) {
            if (file != null) {
                t.putAll(texts(file));
            }
        }
        return new BackEntries(optional(t, 0xD5), optionalDate(t, 0xD6), optional(t, 0xD7), optional(t, 0xD8),
                optional(t, 0xD9), optional(t, 0xDE), List.of());
    }

    /** DF2 of a first-generation card: EF01 addresses; EF02–EF04 (residence cards only, else null). */
    public static BackEntries firstGenerationBack(byte[] address, byte[] comprehensive, byte[] individual,
            byte[] application) throws CardIoException {
        List<BackEntries.AddressEntry> entries = new ArrayList<>();
        Optional<LocalDate> written = Optional.empty();
        String municipality = "";
        boolean open = false;
        for (BerTlv o : BerTlv.parseAll(address, 0, address.length)) {
            switch (o.tag()) {
                case 0xD4 -> {
                    String d = decode(o.value(), StandardCharsets.US_ASCII);
                    written = d.isEmpty() ? Optional.empty() : Optional.of(date(d));
                    open = true;
                }
                case 0xD2 -> {
                    municipality = decode(o.value(), StandardCharsets.US_ASCII);
                    open = true;
                }
                case 0xD3 -> {
                    entries.add(new BackEntries.AddressEntry(written, municipality, japanese(o.value())));
                    written = Optional.empty();
                    municipality = "";
                    open = false;
                }
                default -> { } // a tag this version does not know: skipped
            }
        }
        if (open) {
            throw corrupt("address entry without its text");
        }
        return new BackEntries(text(comprehensive, 0xD5), Optional.empty(), text(individual, 0xD6),
                text(application, 0xD7), Optional.empty(), Optional.empty(), entries);
    }

    /**
     * The value of {@code tag} in a file of images, with its fixed length checked; empty when absent. The address
     * image's tag {@code DF D1} is two bytes by the specification although strict BER would read {@code D1} as "more
     * tag bytes follow"; it is matched here by its two bytes, as the file's only object.
     */
    public static Optional<byte[]> image(byte[] file, int tag, int maxLength) throws CardIoException {
        if (tag > 0xFF) {
            return twoByteTagged(file, tag, maxLength);
        }
        for (BerTlv o : BerTlv.parseAll(file, 0, file.length)) {
            if (o.tag() == tag) {
                if (o.length() > maxLength) {
                    throw corrupt(String.format("image %X longer than %d bytes", tag, maxLength));
                }
                return Optional.of(o.value());
            }
        }
        return Optional.empty();
    }

    private static Optional<byte[]> twoByteTagged(byte[] file, int tag, int maxLength) throws CardIoException {
        if (file.length < 3 || (file[0] & 0xFF) != tag >>> 8 || (file[1] & 0xFF) != (tag & 0xFF)) {
            return Optional.empty();
        }
        int first = file[2] & 0xFF;
        int at = 3;
        int length;
        if (first < 0x80) {
            length = first;
        } else if (first == 0x81 && file.length >= 4) {
            length = file[3] & 0xFF;
            at = 4;
        } else if (first == 0x82 && file.length >= 5) {
            length = ((file[3] & 0xFF) << 8) | (file[4] & 0xFF);
            at = 5;
        } else {
            throw corrupt(String.format("image %X has a bad length", tag));
        }
        if (length > file.length - at || length > maxLength) {
            throw corrupt(String.format("image %X longer than its file or %d bytes", tag, maxLength));
        }
        return Optional.of(java.util.Arrays.copyOfRange(file, at, at + length));
    }

    /** {@code value} padded with {@code 00} to {@code length} (how the signatures cover image fields). */
    public static byte[] padded(byte[] value, int length) throws CardIoException {
        if (value.length > length) {
            throw corrupt("field longer than its fixed length");
        }
        return java.util.Arrays.copyOf(value, length);
    }

    /** The single object of a one-object file, which must have {@code tag}. */
    static BerTlv single(byte[] file, int tag) throws CardIoException {
        BerTlv o = BerTlv.parseFirst(file);
        if (o.tag() != tag) {
            throw corrupt(String.format("expected tag %X, found %X", tag, o.tag()));
        }
        return o;
    }

    private static Optional<String> text(byte[] file, int tag) throws CardIoException {
        if (file == null) {
            return Optional.empty();
        }
        for (BerTlv o : BerTlv.parseAll(file, 0, file.length)) {
            if (o.tag() == tag) {
                return Optional.of(japanese(o.value()));
            }
        }
        return Optional.empty();
    }

    private static Map<Integer, String> texts(byte[] file) throws CardIoException {
        Map<Integer, String> out = new HashMap<>();
        for (BerTlv o : BerTlv.parseAll(file, 0, file.length)) {
            out.putIfAbsent(o.tag(), utf8(o.value()));
        }
        return out;
    }

    private static String required(Map<Integer, String> t, int tag) throws CardIoException {
        String v = t.get(tag);
        if (v == null) {
            throw corrupt(String.format("entry %X missing", tag));
        }
        return v;
    }

    private static Optional<String> optional(Map<Integer, String> t, int tag) {
        String v = t.get(tag);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private static Optional<LocalDate> optionalDate(Map<Integer, String> t, int tag) throws CardIoException {
        Optional<String> v = optional(t, tag);
        return v.isEmpty() ? Optional.empty() : Optional.of(date(v.get()));
    }

    /** {@code YYYYMMDD}. */
    static LocalDate date(String s) throws CardIoException {
        if (s.length() != 8 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw corrupt("date not in YYYYMMDD form");
        }
        try {
            return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6)));
        } catch (DateTimeException e) {
            throw corrupt("date does not exist");
        }
    }

    /** Second-generation text: UTF-8 without BOM; trailing NUL and space padding dropped. */
    static String utf8(byte[] value) throws CardIoException {
        return decode(value, StandardCharsets.UTF_8);
    }

    /** First-generation Japanese text (JIS X 0208 / 0213 in Shift_JIS form). */
    static String japanese(byte[] value) throws CardIoException {
        return decode(value, SHIFT_JIS_X0213);
    }

    private static final Charset SHIFT_JIS_X0213 = Charset.isSupported("x-SJIS_0213")
            ? Charset.forName("x-SJIS_0213") : Charset.forName("windows-31j");

    /** The charset first-generation text is decoded with (and the simulated card encodes with). */
    public static Charset firstGenerationCharset() {
        return SHIFT_JIS_X0213;
    }

    private static String decode(byte[] value, Charset charset) throws CardIoException {
        try {
            String s = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
            return stripPadding(s);
        } catch (CharacterCodingException e) {
            throw corrupt("text is not valid " + charset.name());
        }
    }

    private static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\0' || s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\u3000')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static CardIoException corrupt(String what) {
        return new CardIoException(CardIoError.CORRUPT_DATA, "residence card file: " + what);
    }
}
