package dev.madoguchi.forms.pdf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code cmap} table of a TrueType font ({@link TrueTypeFile}): the Unicode subtable (format 12, else format
 * 4) as sorted groups of code points, and the variation sequences of the format 14 subtable.
 */
final class TrueTypeCmap {

    private TrueTypeCmap() {
    }

    /**
     * The Unicode mapping as groups {first code point, last code point, first glyph id}, sorted: from the format 12
     * subtable (full Unicode) when there is one, else from format 4 (the BMP).
     */
    static List<int[]> unicodeGroups(ByteBuffer cmap, Path path) throws IOException {
        int count = cmap.getChar(2);
        int format12 = -1;
        int format4 = -1;
        for (int i = 0; i < count; i++) {
            int platform = cmap.getChar(4 + i * 8);
            int encoding = cmap.getChar(6 + i * 8);
            int offset = cmap.getInt(8 + i * 8);
            if (offset < 0 || offset + 2 > cmap.limit()) {
                throw TrueTypeFile.malformed(path, "cmap subtable offset");
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
    static VariationSequences variationSequences(ByteBuffer cmap, Path path) throws IOException {
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
                    throw TrueTypeFile.malformed(path, "cmap format 14 subtable");
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
}
