package dev.madoguchi.forms.pdf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Unicode variation sequences of a font: its cmap format 14 subtable, read once. For each variation selector it
 * lists default sequences (ranges of base characters that keep the base's own glyph) and non-default ones (base →
 * a glyph of its own, e.g. IPAmj明朝's 葛 U+845B with U+E0101). Ideographic Variation Sequences (IVS, base + U+E0100…)
 * address the MJ characters that differ only in glyph. Immutable.
 */
final class VariationSequences {

    /** {@link #glyphId}'s answer for a default sequence: print the base character's glyph. */
    static final int DEFAULT = -1;
    static final VariationSequences NONE = new VariationSequences(new long[0], new int[0], new long[0], new int[0]);

    private final long[] mappingKeys; // selector << 21 | base, sorted
    private final int[] mappingGlyphs;
    private final long[] defaultStarts; // selector << 21 | first base, sorted
    private final int[] defaultEnds; // last base of each range

    private VariationSequences(long[] mappingKeys, int[] mappingGlyphs, long[] defaultStarts, int[] defaultEnds) {
        this.mappingKeys = mappingKeys;
        this.mappingGlyphs = mappingGlyphs;
        this.defaultStarts = defaultStarts;
        this.defaultEnds = defaultEnds;
    }

    /** Reads the format 14 subtable at {@code at} of the {@code cmap} table. */
    static VariationSequences read(ByteBuffer cmap, int at) {
        long records = Integer.toUnsignedLong(cmap.getInt(at + 6));
        List<long[]> mappings = new ArrayList<>();
        List<long[]> defaults = new ArrayList<>();
        for (long r = 0; r < records; r++) {
            int p = at + 10 + (int) r * 11;
            int selector = uint24(cmap, p);
            long defaultOffset = Integer.toUnsignedLong(cmap.getInt(p + 3));
            long nonDefaultOffset = Integer.toUnsignedLong(cmap.getInt(p + 7));
            if (defaultOffset != 0) {
                int q = at + (int) defaultOffset;
                long ranges = Integer.toUnsignedLong(cmap.getInt(q));
                for (long i = 0; i < ranges; i++) {
                    int start = uint24(cmap, q + 4 + (int) i * 4);
                    int additional = cmap.get(q + 4 + (int) i * 4 + 3) & 0xFF;
                    defaults.add(new long[] {key(selector, start), start + additional});
                }
            }
            if (nonDefaultOffset != 0) {
                int q = at + (int) nonDefaultOffset;
                long count = Integer.toUnsignedLong(cmap.getInt(q));
                for (long i = 0; i < count; i++) {
                    int base = uint24(cmap, q + 4 + (int) i * 5);
                    int glyph = cmap.getChar(q + 4 + (int) i * 5 + 3);
                    mappings.add(new long[] {key(selector, base), glyph});
                }
            }
        }
        mappings.sort((a, b) -> Long.compare(a[0], b[0]));
        defaults.sort((a, b) -> Long.compare(a[0], b[0]));
        return new VariationSequences(
                mappings.stream().mapToLong(m -> m[0]).toArray(),
                mappings.stream().mapToInt(m -> (int) m[1]).toArray(),
                defaults.stream().mapToLong(d -> d[0]).toArray(),
                defaults.stream().mapToInt(d -> (int) d[1]).toArray());
    }

    /** The glyph of base + selector; {@link #DEFAULT} for a default sequence; 0 when the font does not list it. */
    int glyphId(int base, int selector) {
        long key = key(selector, base);
        int found = Arrays.binarySearch(mappingKeys, key);
        if (found >= 0) {
            return mappingGlyphs[found];
        }
        int range = Arrays.binarySearch(defaultStarts, key);
        if (range < 0) {
            range = -range - 2; // the last range starting before the key
        }
        if (range >= 0 && defaultStarts[range] >>> 21 == selector && base <= defaultEnds[range]) {
            return DEFAULT;
        }
        return 0;
    }

    /** The number of non-default sequences (sequences with a glyph of their own). */
    int nonDefaultCount() {
        return mappingKeys.length;
    }

    /** The non-default sequences as {base, selector, glyph}, in order of selector and base (for tests and tools). */
    List<int[]> nonDefault() {
        List<int[]> out = new ArrayList<>(mappingKeys.length);
        for (int i = 0; i < mappingKeys.length; i++) {
            out.add(new int[] {(int) (mappingKeys[i] & 0x1FFFFF), (int) (mappingKeys[i] >>> 21), mappingGlyphs[i]});
        }
        return out;
    }

    private static long key(int selector, int base) {
        return ((long) selector << 21) | base;
    }

    private static int uint24(ByteBuffer b, int at) {
        return (b.get(at) & 0xFF) << 16 | (b.get(at + 1) & 0xFF) << 8 | b.get(at + 2) & 0xFF;
    }
}
