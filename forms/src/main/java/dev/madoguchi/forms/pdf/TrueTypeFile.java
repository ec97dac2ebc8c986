package dev.madoguchi.forms.pdf;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A TrueType font file read through positional reads and written out as small subsets.
 *
 * <p>Only what layout needs stays in memory: the Unicode cmap, the advance widths, the side bearings and the glyph
 * offsets (for IPAmj明朝, 61,179 glyphs, about 0.7 MB). Outlines are read from the file when a subset is written, so the
 * 45 MB {@code glyf} table of IPAmj明朝 is never on the heap. (fontbox 3.0.8 keeps the whole file and a second copy of
 * its {@code glyf} table in the heap, and its subsetter misreads outlines from a streamed file: ADR 0016.)
 *
 * <p>The {@code cmap} table is read by {@link TrueTypeCmap}, subsets are written by {@link TrueTypeSubset}. Thread-safe:
 * the file is only read with positional reads and the tables read at open are immutable.
 */
final class TrueTypeFile implements AutoCloseable {

    private static final int TRUE_TYPE = 0x00010000;
    private static final int APPLE_TRUE = 0x74727565; // 'true'
    private static final int OPEN_TYPE_CFF = 0x4F54544F; // 'OTTO'
    private static final int COLLECTION = 0x74746366; // 'ttcf'

    private final Path path;
    private final FileChannel channel;
    private final Map<String, long[]> tables; // tag -> {offset, length}
    private final int unitsPerEm;
    private final int numGlyphs;
    private final char[] advances; // per glyph, font units
    private final short[] sideBearings; // per glyph, font units
    private final long[] glyphOffsets; // numGlyphs + 1, relative to glyf
    private final int[] groupStart;
    private final int[] groupEnd;
    private final int[] groupGlyph;
    private final String postScriptName;
    private final String familyName;
    private final VariationSequences sequences;

    private TrueTypeFile(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        this.tables = readDirectory();
        ByteBuffer head = table("head", 54);
        unitsPerEm = head.getChar(18);
        int locaFormat = head.getShort(50);
        if (unitsPerEm < 16 || unitsPerEm > 16384) {
            throw malformed("head.unitsPerEm " + unitsPerEm);
        }
        numGlyphs = table("maxp", 6).getChar(4);
        int hMetrics = table("hhea", 36).getChar(34);
        if (numGlyphs == 0 || hMetrics == 0 || hMetrics > numGlyphs) {
            throw malformed("maxp.numGlyphs " + numGlyphs + " / hhea.numberOfHMetrics " + hMetrics);
        }
        advances = new char[numGlyphs];
        sideBearings = new short[numGlyphs];
        ByteBuffer hmtx = table("hmtx", hMetrics * 4 + (numGlyphs - hMetrics) * 2);
        for (int gid = 0; gid < hMetrics; gid++) {
            advances[gid] = hmtx.getChar();
            sideBearings[gid] = hmtx.getShort();
        }
        for (int gid = hMetrics; gid < numGlyphs; gid++) {
            advances[gid] = advances[hMetrics - 1];
            sideBearings[gid] = hmtx.getShort();
        }
        glyphOffsets = new long[numGlyphs + 1];
        long glyfLength = tableRecord("glyf")[1];
        if (locaFormat == 0) {
            ByteBuffer loca = table("loca", (numGlyphs + 1) * 2);
            for (int i = 0; i <= numGlyphs; i++) {
                glyphOffsets[i] = loca.getChar() * 2L;
            }
        } else if (locaFormat == 1) {
            ByteBuffer loca = table("loca", (numGlyphs + 1) * 4);
            for (int i = 0; i <= numGlyphs; i++) {
                glyphOffsets[i] = Integer.toUnsignedLong(loca.getInt());
            }
        } else {
            throw malformed("head.indexToLocFormat " + locaFormat);
        }
        for (int i = 0; i < numGlyphs; i++) {
            if (glyphOffsets[i] > glyphOffsets[i + 1] || glyphOffsets[i + 1] > glyfLength) {
                throw malformed("loca entry " + i);
            }
        }
        long[] cmapRecord = tableRecord("cmap");
        ByteBuffer cmap = read(cmapRecord[0], (int) cmapRecord[1]);
        List<int[]> groups = TrueTypeCmap.unicodeGroups(cmap, path);
        sequences = TrueTypeCmap.variationSequences(cmap, path);
        groupStart = new int[groups.size()];
        groupEnd = new int[groups.size()];
        groupGlyph = new int[groups.size()];
        for (int i = 0; i < groups.size(); i++) {
            groupStart[i] = groups.get(i)[0];
            groupEnd[i] = groups.get(i)[1];
            groupGlyph[i] = groups.get(i)[2];
        }
        String[] names = readNames();
        postScriptName = names[1] != null ? names[1] : fallbackName();
        familyName = names[0] != null ? names[0] : postScriptName;
    }

    /**
     * @throws IOException naming the file when it cannot be read or is not a TrueType font with a Unicode cmap (a CFF
     *     OpenType font or a collection is refused: PDFBox cannot embed them as CIDFontType2)
     */
    static TrueTypeFile open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new TrueTypeFile(file, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException(file + ": not a readable TrueType font (" + e + ")", e);
        }
    }

    /** The glyph id of a code point, 0 when the font has none. */
    int glyphId(int codePoint) {
        int lo = 0;
        int hi = groupStart.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (codePoint < groupStart[mid]) {
                hi = mid - 1;
            } else if (codePoint > groupEnd[mid]) {
                lo = mid + 1;
            } else {
                int gid = groupGlyph[mid] + (codePoint - groupStart[mid]);
                return gid < numGlyphs ? gid : 0;
            }
        }
        return 0;
    }

    /**
     * The glyph of a variation sequence (base + U+FE00…FE0F or U+E0100…E01EF), from the format 14 cmap: its own glyph
     * for a non-default sequence, the base's glyph for a default one, 0 when the font does not know the sequence.
     */
    int glyphId(int base, int selector) {
        int gid = sequences.glyphId(base, selector);
        if (gid == VariationSequences.DEFAULT) {
            return glyphId(base);
        }
        return gid < numGlyphs ? gid : 0;
    }

    /** Whether a code point is a variation selector (U+FE00…FE0F, U+E0100…E01EF). */
    static boolean isVariationSelector(int codePoint) {
        return (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0xE0100 && codePoint <= 0xE01EF);
    }

    /** The advance of a glyph in 1/1000 em, rounded as PDFBox writes it into a CID font's width array. */
    int advance1000(int glyphId) {
        return Math.round(advances[glyphId] * (1000f / unitsPerEm));
    }

    /** The font's variation sequences (format 14 cmap); empty when it has none. */
    VariationSequences sequences() {
        return sequences;
    }

    String postScriptName() {
        return postScriptName;
    }

    String familyName() {
        return familyName;
    }

    int numGlyphs() {
        return numGlyphs;
    }

    /** The advance width of a glyph in font units. */
    char advanceUnits(int gid) {
        return advances[gid];
    }

    /** The left side bearing of a glyph in font units. */
    short sideBearing(int gid) {
        return sideBearings[gid];
    }

    Path path() {
        return path;
    }

    /**
     * Writes a TrueType font with the glyphs of these code points (those the font lacks are left out).
     *
     * @param tag six capital letters, the subset tag put before the PostScript name
     */
    byte[] subset(Collection<Integer> codePoints, String tag) throws IOException {
        return subset(codePoints, Map.of(), tag);
    }

    /**
     * Writes a TrueType font with the glyphs of these code points and, under further code points of the subset's own
     * choosing (private use), glyphs given by id (the glyphs of variation sequences): {@link TrueTypeSubset}.
     *
     * @param extraGlyphs code point in the subset → glyph id in this font
     */
    byte[] subset(Collection<Integer> codePoints, Map<Integer, Integer> extraGlyphs, String tag) throws IOException {
        return new TrueTypeSubset(this).write(codePoints, extraGlyphs, tag);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    // --- reading

    private Map<String, long[]> readDirectory() throws IOException {
        ByteBuffer header = read(0, 12);
        int version = header.getInt(0);
        if (version == OPEN_TYPE_CFF) {
            throw new IOException(path + " has CFF (PostScript) outlines; only TrueType outlines can be embedded");
        }
        if (version == COLLECTION) {
            throw new IOException(path + " is a font collection (TTC); give a single TrueType font file");
        }
        if (version != TRUE_TYPE && version != APPLE_TRUE) {
            throw malformed("sfnt version 0x" + Integer.toHexString(version));
        }
        int count = header.getChar(4);
        ByteBuffer records = read(12, count * 16);
        long size = channel.size();
        Map<String, long[]> found = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            byte[] tagBytes = new byte[4];
            records.get(tagBytes);
            records.getInt(); // checksum
            long offset = Integer.toUnsignedLong(records.getInt());
            long length = Integer.toUnsignedLong(records.getInt());
            if (offset + length > size) {
                throw malformed("table " + new String(tagBytes, StandardCharsets.ISO_8859_1) + " past the end");
            }
            found.put(new String(tagBytes, StandardCharsets.ISO_8859_1), new long[] {offset, length});
        }
        for (String required : List.of("head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap")) {
            if (!found.containsKey(required)) {
                throw malformed("no " + required.trim() + " table");
            }
        }
        return found;
    }

    /** Family and PostScript names from the Windows Unicode or Macintosh Roman English records. */
    private String[] readNames() throws IOException {
        String[] names = new String[2];
        long[] record = tables.get("name");
        if (record == null) {
            return names;
        }
        ByteBuffer name = read(record[0], (int) record[1]);
        int count = name.getChar(2);
        int strings = name.getChar(4);
        for (int i = 0; i < count; i++) {
            int r = 6 + i * 12;
            int platform = name.getChar(r);
            int encoding = name.getChar(r + 2);
            int language = name.getChar(r + 4);
            int id = name.getChar(r + 6);
            int length = name.getChar(r + 8);
            int offset = strings + name.getChar(r + 10);
            if ((id != 1 && id != 6) || offset + length > name.limit()) {
                continue;
            }
            byte[] bytes = new byte[length];
            name.get(offset, bytes);
            String value;
            if (platform == 3 && encoding == 1 && language == 0x409) {
                value = new String(bytes, StandardCharsets.UTF_16BE);
            } else if (platform == 1 && encoding == 0 && language == 0) {
                value = new String(bytes, StandardCharsets.ISO_8859_1);
            } else {
                continue;
            }
            int slot = id == 1 ? 0 : 1;
            if (names[slot] == null || platform == 3) {
                names[slot] = value.trim();
            }
        }
        if (names[1] != null) {
            names[1] = names[1].replaceAll("[^!-~]|[\\[\\](){}<>/%]", "");
            if (names[1].isEmpty()) {
                names[1] = null;
            }
        }
        return names;
    }

    private String fallbackName() {
        String file = path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return file.replaceAll("[^A-Za-z0-9-]", "");
    }

    /** The outline bytes of a glyph, read from the file (empty for a glyph without outline). */
    byte[] glyph(int gid) throws IOException {
        long glyf = tableRecord("glyf")[0];
        long start = glyphOffsets[gid];
        int length = (int) (glyphOffsets[gid + 1] - start);
        if (length == 0) {
            return new byte[0];
        }
        if (length < 10) {
            throw malformed("glyph " + gid + " shorter than its header");
        }
        byte[] bytes = new byte[length];
        read(glyf + start, length).get(bytes);
        return bytes;
    }
    private long[] tableRecord(String tag) {
        return tables.get(tag);
    }

    private ByteBuffer table(String tag, int minimumLength) throws IOException {
        long[] record = tables.get(tag);
        if (record[1] < minimumLength) {
            throw malformed(tag.trim() + " table too short");
        }
        return read(record[0], (int) record[1]);
    }

    boolean hasTable(String tag) {
        return tables.containsKey(tag);
    }

    /** The first {@code length} bytes of a table, when the font has it and it is that long. */
    Optional<ByteBuffer> prefix(String tag, int length) throws IOException {
        long[] record = tables.get(tag);
        return record != null && record[1] >= length ? Optional.of(read(record[0], length)) : Optional.empty();
    }

    /** A table's bytes as they are in the file. */
    byte[] copy(String tag) throws IOException {
        long[] record = tables.get(tag);
        byte[] bytes = new byte[(int) record[1]];
        read(record[0], bytes.length).get(bytes);
        return bytes;
    }

    private ByteBuffer read(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new EOFException(path + ": truncated at byte " + at);
            }
            at += n;
        }
        return buffer.flip();
    }

    static long checksum(byte[] data) {
        return TrueTypeTables.checksum(data);
    }

    IOException malformed(String what) {
        return malformed(path, what);
    }

    static IOException malformed(Path path, String what) {
        return new IOException(path + " is not a well-formed TrueType font: " + what);
    }

}
