package dev.madoguchi.forms.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a subset of a {@link TrueTypeFile} (docs/adr/0016-own-truetype-subsetter.md): the glyphs of the given code
 * points, {@code .notdef} and the components of composite glyphs, with new glyph ids in the order of the old ones; a
 * format 12 cmap for exactly those code points; the hinting tables as they are; {@code head}, {@code hhea},
 * {@code maxp}, {@code OS/2} copied with their counts and formats updated; a format 3 {@code post}; a {@code name}
 * table whose PostScript name carries the subset tag ({@link TrueTypeTables} writes the tables made from scratch).
 * Each outline is read from the file once per subset.
 */
final class TrueTypeSubset {

    private static final List<String> COPIED = List.of("OS/2", "cvt ", "fpgm", "gasp", "prep");

    private final TrueTypeFile font;

    TrueTypeSubset(TrueTypeFile font) {
        this.font = font;
    }

    /**
     * Writes a TrueType font with the glyphs of these code points and, under further code points of the subset's own
     * choosing (private use), glyphs given by id: the glyphs of variation sequences, which a PDF font can only address
     * through a cmap entry of their own. Each extra code point gets a glyph slot of its own, a copy when the same glyph
     * also serves a code point, so a text extraction map can tell them apart.
     *
     * @param extraGlyphs code point in the subset → glyph id in this font
     */
    byte[] write(Collection<Integer> codePoints, Map<Integer, Integer> extraGlyphs, String tag) throws IOException {
        TreeMap<Integer, Integer> cpToOld = new TreeMap<>();
        TreeSet<Integer> glyphs = new TreeSet<>();
        glyphs.add(0);
        for (int cp : codePoints) {
            int gid = font.glyphId(cp);
            if (gid != 0) {
                cpToOld.put(cp, gid);
                glyphs.add(gid);
            }
        }
        TreeSet<Integer> plainGlyphs = new TreeSet<>(glyphs);
        for (int gid : extraGlyphs.values()) {
            if (gid > 0 && gid < font.numGlyphs()) {
                glyphs.add(gid);
            }
        }
        // composite glyphs: add their components until nothing new comes in
        // each glyph is read from the file once: here, and written below from what was read
        Map<Integer, byte[]> outlines = new TreeMap<>();
        List<Integer> pending = new ArrayList<>(glyphs);
        while (!pending.isEmpty()) {
            List<Integer> next = new ArrayList<>();
            for (int gid : pending) {
                byte[] data = font.glyph(gid);
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
            if (old <= 0 || old >= font.numGlyphs()) {
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
        out.put("hhea", TrueTypeTables.withChar(font.copy("hhea"), 34, slotOld.length));
        out.put("maxp", TrueTypeTables.withChar(font.copy("maxp"), 4, slotOld.length));
        out.put("post", post());
        out.put("name", TrueTypeTables.name(font.familyName(), tag + "+" + font.postScriptName()));
        for (String tagName : COPIED) {
            if (font.hasTable(tagName)) {
                out.put(tagName, font.copy(tagName));
            }
        }
        return TrueTypeTables.assemble(out);
    }

    /** The component glyph ids of a composite glyph; empty for a simple or empty glyph. */
    private int[] components(byte[] glyph, int gid) throws IOException {
        if (glyph.length == 0 || readShort(glyph, 0) >= 0) {
            return new int[0];
        }
        List<Integer> found = new ArrayList<>();
        forEachComponent(glyph, gid, (indexAt) -> found.add(readChar(glyph, indexAt)));
        for (int component : found) {
            if (component >= font.numGlyphs()) {
                throw font.malformed("glyph " + gid + " refers to glyph " + component);
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
                throw font.malformed("composite glyph " + gid + " truncated");
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

    private byte[] head() throws IOException {
        byte[] head = font.copy("head");
        Arrays.fill(head, 8, 12, (byte) 0); // checkSumAdjustment, set in assemble
        head[50] = 0;
        head[51] = 1; // long loca
        return head;
    }

    private byte[] hmtx(int[] oldIds) {
        ByteBuffer out = ByteBuffer.allocate(oldIds.length * 4);
        for (int gid : oldIds) {
            out.putChar(font.advanceUnits(gid));
            out.putShort(font.sideBearing(gid));
        }
        return out.array();
    }

    private byte[] post() throws IOException {
        ByteBuffer out = ByteBuffer.allocate(32);
        font.prefix("post", 32).ifPresent(out::put);
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
