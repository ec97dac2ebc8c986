package dev.madoguchi.card.tlv;

import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One BER-TLV object as the My Number Card stores it (docs/card-protocol.md §1.4, §9.4–9.5): tags of one to three bytes
 * ({@code DF22}, {@code FF20}), lengths in the short, {@code 81}, {@code 82} and {@code 83} forms. Parsing is pure and
 * total: malformed input always ends in a {@link CardIoError#CORRUPT_DATA} exception, never in an unchecked one.
 *
 * <p>An object is a view into the bytes it was parsed from (shared, never changed, never exposed).
 */
public final class BerTlv {

    private final int tag;
    private final int start;
    private final int valueStart;
    private final int end;
    private final byte[] source;

    private BerTlv(int tag, int start, int valueStart, int end, byte[] source) {
        this.tag = tag;
        this.start = start;
        this.valueStart = valueStart;
        this.end = end;
        this.source = source;
    }

    /** The tag bytes as an unsigned number ({@code 0xDF22}). */
    public int tag() {
        return tag;
    }

    /** Where the object's tag begins in the parsed bytes. */
    public int start() {
        return start;
    }

    /** Where its value begins in the parsed bytes. */
    public int valueStart() {
        return valueStart;
    }

    /** The index just after its value in the parsed bytes. */
    public int end() {
        return end;
    }

    /** A copy of the value bytes. */
    public byte[] value() {
        return Arrays.copyOfRange(source, valueStart, end);
    }

    public int length() {
        return end - valueStart;
    }

    /** A copy of the whole encoding (tag, length and value). */
    public byte[] encoded() {
        return Arrays.copyOfRange(source, start, end);
    }

    /** True for a constructed object (bit 6 of the first tag byte). */
    public boolean constructed() {
        return (source[start] & 0x20) != 0;
    }

    /** The objects inside this one's value, up to filler. */
    public List<BerTlv> children() throws CardIoException {
        return parseAll(source, valueStart, end);
    }

    /** The first child with this tag. */
    public Optional<BerTlv> child(int wantedTag) throws CardIoException {
        for (BerTlv c : children()) {
            if (c.tag() == wantedTag) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The first child with this tag, or a {@link CardIoError#CORRUPT_DATA} failure naming what is missing. */
    public BerTlv require(int wantedTag) throws CardIoException {
        return child(wantedTag).orElseThrow(() -> corrupt(String.format("tag %X has no %X", tag, wantedTag)));
    }

    @Override
    public String toString() {
        // never the value: it may be a name or a My Number
        return String.format("BerTlv[tag=%X, length=%d]", tag, length());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BerTlv o && o.tag == tag && Arrays.equals(o.source, o.valueStart, o.end, source,
                valueStart, end);
    }

    @Override
    public int hashCode() {
        return 31 * tag + Arrays.hashCode(value());
    }

    /** The first object of {@code data}; what follows it is ignored. */
    public static BerTlv parseFirst(byte[] data) throws CardIoException {
        List<BerTlv> all = parseAll(data, 0, data.length, 1);
        if (all.isEmpty()) {
            throw corrupt("no TLV object, only filler or nothing");
        }
        return all.get(0);
    }

    /** The objects from {@code from} to {@code to}, stopping at filler ({@code 00}, or {@code FF FF}, or a lone {@code FF}). */
    public static List<BerTlv> parseAll(byte[] data, int from, int to) throws CardIoException {
        return parseAll(data, from, to, Integer.MAX_VALUE);
    }

    /**
     * The total number of bytes (header and value) of the object that starts {@code header}, from as few bytes as carry
     * its tag and length; empty when more header bytes are needed. Lets a reader fetch exactly the bytes an object takes.
     */
    public static Optional<Integer> encodedLength(byte[] header, int available) throws CardIoException {
        int limit = Math.min(available, header.length);
        int at = 0;
        if (limit < 1) {
            return Optional.empty();
        }
        if (isFiller(header, 0, limit)) {
            throw corrupt("filler where an object was expected");
        }
        int[] tagAndNext = readTag(header, 0, limit, true);
        if (tagAndNext == null) {
            return Optional.empty();
        }
        at = tagAndNext[1];
        int[] lengthAndNext = readLength(header, at, limit, true);
        if (lengthAndNext == null) {
            return Optional.empty();
        }
        long total = (long) lengthAndNext[1] + lengthAndNext[0];
        if (total > Integer.MAX_VALUE) {
            throw corrupt("object too long");
        }
        return Optional.of((int) total);
    }

    /** Encodes one object: the tag's bytes, the shortest BER length, the value. */
    public static byte[] encode(int tag, byte[]... values) {
        int length = 0;
        for (byte[] v : values) {
            length += v.length;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(length + 8);
        if (tag > 0xFFFF) {
            out.write(tag >>> 16);
        }
        if (tag > 0xFF) {
            out.write(tag >>> 8);
        }
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else if (length <= 0xFF) {
            out.write(0x81);
            out.write(length);
        } else if (length <= 0xFFFF) {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
        }
        for (byte[] v : values) {
            out.writeBytes(v);
        }
        return out.toByteArray();
    }

    private static List<BerTlv> parseAll(byte[] data, int from, int to, int max) throws CardIoException {
        if (from < 0 || to > data.length || from > to) {
            throw corrupt("range outside the data");
        }
        List<BerTlv> out = new ArrayList<>();
        int at = from;
        while (at < to && out.size() < max) {
            if (isFiller(data, at, to)) {
                break;
            }
            int start = at;
            int[] tagAndNext = readTag(data, at, to, false);
            int tag = tagAndNext[0];
            at = tagAndNext[1];
            int[] lengthAndNext = readLength(data, at, to, false);
            int length = lengthAndNext[0];
            at = lengthAndNext[1];
            if (length > to - at) {
                throw corrupt(String.format("tag %X claims %d bytes, %d left", tag, length, to - at));
            }
            out.add(new BerTlv(tag, start, at, at + length, data));
            at += length;
        }
        return List.copyOf(out);
    }

    private static boolean isFiller(byte[] data, int at, int to) {
        int b = data[at] & 0xFF;
        if (b == 0x00) {
            return true;
        }
        // FF starts the private tags FF10/FF20/FF30; FF followed by FF (or nothing) is filler
        return b == 0xFF && (at + 1 >= to || (data[at + 1] & 0xFF) == 0xFF);
    }

    /** {tag, next index}; null when {@code partial} and the bytes run out. */
    private static int[] readTag(byte[] data, int at, int to, boolean partial) throws CardIoException {
        int tag = data[at] & 0xFF;
        at++;
        if ((tag & 0x1F) == 0x1F) {
            int more = 0;
            while (true) {
                if (at >= to) {
                    if (partial) {
                        return null;
                    }
                    throw corrupt("tag cut short");
                }
                int b = data[at++] & 0xFF;
                tag = (tag << 8) | b;
                more++;
                if ((b & 0x80) == 0) {
                    break;
                }
                if (more >= 2) {
                    throw corrupt("tag longer than three bytes");
                }
            }
        }
        return new int[] {tag, at};
    }

    /** {length, next index}; null when {@code partial} and the bytes run out. */
    private static int[] readLength(byte[] data, int at, int to, boolean partial) throws CardIoException {
        if (at >= to) {
            if (partial) {
                return null;
            }
            throw corrupt("length missing");
        }
        int first = data[at++] & 0xFF;
        if (first < 0x80) {
            return new int[] {first, at};
        }
        int count = first & 0x7F;
        if (count == 0 || count > 3) {
            throw corrupt(String.format("unsupported length form %02X", first));
        }
        if (to - at < count) {
            if (partial) {
                return null;
            }
            throw corrupt("length cut short");
        }
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (data[at++] & 0xFF);
        }
        return new int[] {length, at};
    }

    private static CardIoException corrupt(String what) {
        return new CardIoException(CardIoError.CORRUPT_DATA, "malformed TLV: " + what);
    }
}
