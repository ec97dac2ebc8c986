package dev.madoguchi.forms.pdf;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A TrueType font file read through positional reads and written out as small subsets.
 *
 * <p>Only what layout needs stays in memory: the Unicode cmap, the advance widths, the side bearings and the glyph
 * offsets (for IPAmj明朝, 61,179 glyphs, about 0.7 MB). Outlines are read from the file when a subset is written, so the
 * 45 MB {@code glyf} table of IPAmj明朝 is never on the heap. (fontbox 3.0.8 keeps the whole file and a second copy of
 * its {@code glyf} table in the heap, and its subsetter misreads outlines from a streamed file: ADR 0016.)
 *
 * <p>A subset holds the glyphs of the given code points, {@code .notdef} and the components of composite glyphs, with
 * new glyph ids in the order of the old ones; a format 12 cmap for exactly those code points; the hinting tables as
 * they are; {@code head}, {@code hhea}, {@code maxp}, {@code OS/2} copied with their counts and formats updated; a
 * format 3 {@code post}; a {@code name} table whose PostScript name carries the subset tag. Thread-safe: the file is
 * only read with positional reads and the tables read at open are immutable.
 */
final class TrueTypeFile implements AutoCloseable {

    private static final int TRUE_TYPE = 0x00010000;
    private static final int APPLE_TRUE = 0x74727565; // 'true'
    private static final int OPEN_TYPE_CFF = 0x4F54544F; // 'OTTO'
    private static final int COLLECTION = 0x74746366; // 'ttcf'
    private static final List<String> COPIED = List.of("OS/2", "cvt ", "fpgm", "gasp", "prep");

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
        List<int[]> groups = readUnicodeCmap();
        sequences = readVariationSequences();
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
     * choosing (private use), glyphs given by id: the glyphs of variation sequences, which a PDF font can only address
     * through a cmap entry of their own. Each extra code point gets a glyph slot of its own, a copy when the same glyph
     * also serves a code point, so a text extraction map can tell them apart.
     *
     * @param extraGlyphs code point in the subset → glyph id in this font
     */
    byte[] subset(Collection<Integer> codePoints, Map<Integer, Integer> extraGlyphs, String tag) throws IOException {
        TreeMap<Integer, Integer> cpToOld = new TreeMap<>();
        TreeSet<Integer> glyphs = new TreeSet<>();
        glyphs.add(0);
        for (int cp : codePoints) {
            int gid = glyphId(cp);
            if (gid != 0) {
                cpToOld.put(cp, gid);
                glyphs.add(gid);
            }
        }
        TreeSet<Integer> plainGlyphs = new TreeSet<>(glyphs);
        for (int gid : extraGlyphs.values()) {
            if (gid > 0 && gid < numGlyphs) {
                glyphs.add(gid);
            }
        }
        long glyf = tableRecord("glyf")[0];
        // composite glyphs: add their components until nothing new comes in
        // each glyph is read from the file once: here, and written below from what was read
        Map<Integer, byte[]> outlines = new TreeMap<>();
        List<Integer> pending = new ArrayList<>(glyphs);
        while (!pending.isEmpty()) {
            List<Integer> next = new ArrayList<>();
            for (int gid : pending) {
                byte[] data = glyphBytes(glyf, gid);
                outlines.put(gid, data);
                for (int component : components(data, gid)) {
                    if (glyphs.add(component)) {
                        next.add(component);
                    }
                }
            }
            pending = next;
        }
        int[] oldIds = glyphs.stream().mapToInt(Integer::intValue).toArray();
        Map<Integer, Integer> newId = new TreeMap<>();
        for (int i = 0; i < oldIds.length; i++) {
            newId.put(oldIds[i], i);
        }

        TreeMap<Integer, Integer> cpToNew = new TreeMap<>();
        cpToOld.forEach((cp, old) -> cpToNew.put(cp, newId.get(old)));
        List<Integer> slots = new ArrayList<>();
        for (int old : oldIds) {
            slots.add(old);
        }
        for (Map.Entry<Integer, Integer> e : new TreeMap<>(extraGlyphs).entrySet()) {
            int old = e.getValue();
            if (old <= 0 || old >= numGlyphs) {
                continue;
            }
            if (plainGlyphs.contains(old)) {
                cpToNew.put(e.getKey(), slots.size());
                slots.add(old);
            } else {
                cpToNew.put(e.getKey(), newId.get(old));
            }
        }
        int[] slotOld = slots.stream().mapToInt(Integer::intValue).toArray();

        ByteArrayOutputStream glyfOut = new ByteArrayOutputStream();
        long[] loca = new long[slotOld.length + 1];
        for (int i = 0; i < slotOld.length; i++) {
            loca[i] = glyfOut.size();
            byte[] data = outlines.get(slotOld[i]).clone();
            if (data.length > 0) {
                remapComponents(data, newId);
                glyfOut.write(data);
                while (glyfOut.size() % 4 != 0) {
                    glyfOut.write(0);
                }
            }
        }
        loca[slotOld.length] = glyfOut.size();

        Map<String, byte[]> out = new TreeMap<>();
        out.put("glyf", glyfOut.toByteArray());
        out.put("loca", TrueTypeTables.longLoca(loca));
        out.put("hmtx", hmtx(slotOld));
        out.put("cmap", TrueTypeTables.cmap(cpToNew));
        out.put("head", head());
        out.put("hhea", TrueTypeTables.withChar(copy("hhea"), 34, slotOld.length));
        out.put("maxp", TrueTypeTables.withChar(copy("maxp"), 4, slotOld.length));
        out.put("post", post());
        out.put("name", TrueTypeTables.name(familyName, tag + "+" + postScriptName));
        for (String tagName : COPIED) {
            if (tables.containsKey(tagName)) {
                out.put(tagName, copy(tagName));
            }
        }
        return TrueTypeTables.assemble(out);
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

    private List<int[]> readUnicodeCmap() throws IOException {
        long[] record = tableRecord("cmap");
        ByteBuffer cmap = read(record[0], (int) record[1]);
        int count = cmap.getChar(2);
        int format12 = -1;
        int format4 = -1;
        for (int i = 0; i < count; i++) {
            int platform = cmap.getChar(4 + i * 8);
            int encoding = cmap.getChar(6 + i * 8);
            int offset = cmap.getInt(8 + i * 8);
            if (offset < 0 || offset + 2 > cmap.limit()) {
                throw malformed("cmap subtable offset");
            }
            int format = cmap.getChar(offset);
            boolean full = (platform == 3 && encoding == 10) || (platform == 0 && (encoding == 4 || encoding == 6));
            boolean bmp = (platform == 3 && encoding == 1) || (platform == 0 && encoding <= 3);
            if (format == 12 && full && format12 < 0) {
                format12 = offset;
            } else if (format == 4 && bmp && format4 < 0) {
                format4 = offset;
            }
        }
        if (format12 >= 0) {
            return format12(cmap, format12);
        }
        if (format4 >= 0) {
            return format4(cmap, format4);
        }
        throw new IOException(path + " has no Unicode cmap (format 4 or 12)");
    }

    /** The format 14 subtable (platform 0, encoding 5), if the font has one. */
    private VariationSequences readVariationSequences() throws IOException {
        long[] record = tableRecord("cmap");
        ByteBuffer cmap = read(record[0], (int) record[1]);
        int count = cmap.getChar(2);
        for (int i = 0; i < count; i++) {
            int platform = cmap.getChar(4 + i * 8);
            int encoding = cmap.getChar(6 + i * 8);
            int offset = cmap.getInt(8 + i * 8);
            if (platform == 0 && encoding == 5 && offset >= 0 && offset + 10 <= cmap.limit()
                    && cmap.getChar(offset) == 14) {
                try {
                    return VariationSequences.read(cmap, offset);
                } catch (IndexOutOfBoundsException e) {
                    throw malformed("cmap format 14 subtable");
                }
            }
        }
        return VariationSequences.NONE;
    }

    private static List<int[]> format12(ByteBuffer cmap, int at) {
        long groups = Integer.toUnsignedLong(cmap.getInt(at + 12));
        List<int[]> out = new ArrayList<>();
        int p = at + 16;
        for (long g = 0; g < groups; g++, p += 12) {
            int start = cmap.getInt(p);
            int end = cmap.getInt(p + 4);
            int glyph = cmap.getInt(p + 8);
            if (start >= 0 && end >= start && glyph >= 0) {
                out.add(new int[] {start, end, glyph});
            }
        }
        out.sort((a, b) -> Integer.compare(a[0], b[0]));
        return out;
    }

    private static List<int[]> format4(ByteBuffer cmap, int at) {
        int segments = cmap.getChar(at + 6) / 2;
        int ends = at + 14;
        int starts = ends + segments * 2 + 2;
        int deltas = starts + segments * 2;
        int rangeOffsets = deltas + segments * 2;
        List<int[]> out = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            int end = cmap.getChar(ends + s * 2);
            int start = cmap.getChar(starts + s * 2);
            int delta = cmap.getShort(deltas + s * 2);
            int rangeOffset = cmap.getChar(rangeOffsets + s * 2);
            for (int cp = start; cp <= end && cp != 0xFFFF; cp++) {
                int gid;
                if (rangeOffset == 0) {
                    gid = (cp + delta) & 0xFFFF;
                } else {
                    int index = rangeOffsets + s * 2 + rangeOffset + (cp - start) * 2;
                    if (index + 2 > cmap.limit()) {
                        continue;
                    }
                    gid = cmap.getChar(index);
                    if (gid != 0) {
                        gid = (gid + delta) & 0xFFFF;
                    }
                }
                if (gid != 0) {
                    out.add(new int[] {cp, cp, gid});
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a[0], b[0]));
        return out;
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

    private byte[] glyphBytes(long glyf, int gid) throws IOException {
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

    /** The component glyph ids of a composite glyph; empty for a simple or empty glyph. */
    private int[] components(byte[] glyph, int gid) throws IOException {
        if (glyph.length == 0 || readShort(glyph, 0) >= 0) {
            return new int[0];
        }
        List<Integer> found = new ArrayList<>();
        forEachComponent(glyph, gid, (indexAt) -> found.add(readChar(glyph, indexAt)));
        for (int component : found) {
            if (component >= numGlyphs) {
                throw malformed("glyph " + gid + " refers to glyph " + component);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    private void remapComponents(byte[] glyph, Map<Integer, Integer> newId) throws IOException {
        if (readShort(glyph, 0) >= 0) {
            return;
        }
        forEachComponent(glyph, -1, (indexAt) -> {
            int mapped = newId.get(readChar(glyph, indexAt));
            glyph[indexAt] = (byte) (mapped >>> 8);
            glyph[indexAt + 1] = (byte) mapped;
        });
    }

    private interface ComponentIndex {
        void at(int indexOffset);
    }

    private void forEachComponent(byte[] glyph, int gid, ComponentIndex action) throws IOException {
        int p = 10;
        while (true) {
            if (p + 4 > glyph.length) {
                throw malformed("composite glyph " + gid + " truncated");
            }
            int flags = readChar(glyph, p);
            action.at(p + 2);
            p += 4;
            p += (flags & 0x0001) != 0 ? 4 : 2; // ARG_1_AND_2_ARE_WORDS
            if ((flags & 0x0008) != 0) { // WE_HAVE_A_SCALE
                p += 2;
            } else if ((flags & 0x0040) != 0) { // WE_HAVE_AN_X_AND_Y_SCALE
                p += 4;
            } else if ((flags & 0x0080) != 0) { // WE_HAVE_A_TWO_BY_TWO
                p += 8;
            }
            if ((flags & 0x0020) == 0) { // MORE_COMPONENTS
                return;
            }
        }
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

    private byte[] copy(String tag) throws IOException {
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

    private IOException malformed(String what) {
        return new IOException(path + " is not a well-formed TrueType font: " + what);
    }

    // --- writing

    private byte[] head() throws IOException {
        byte[] head = copy("head");
        Arrays.fill(head, 8, 12, (byte) 0); // checkSumAdjustment, set in assemble
        head[50] = 0;
        head[51] = 1; // long loca
        return head;
    }

    private byte[] hmtx(int[] oldIds) {
        ByteBuffer out = ByteBuffer.allocate(oldIds.length * 4);
        for (int gid : oldIds) {
            out.putChar(advances[gid]);
            out.putShort(sideBearings[gid]);
        }
        return out.array();
    }

    private byte[] post() throws IOException {
        long[] record = tables.get("post");
        ByteBuffer out = ByteBuffer.allocate(32);
        if (record != null && record[1] >= 32) {
            out.put(read(record[0], 32));
        }
        out.putInt(0, 0x00030000); // format 3: no glyph names
        return out.array();
    }

    private static int readChar(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static short readShort(byte[] b, int at) {
        return (short) readChar(b, at);
    }
}
