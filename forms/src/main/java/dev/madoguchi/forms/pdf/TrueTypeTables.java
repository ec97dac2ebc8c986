package dev.madoguchi.forms.pdf;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The tables of a subset font that {@link TrueTypeFile} writes from scratch, and the font file around them. */
final class TrueTypeTables {

    private static final int TRUE_TYPE = 0x00010000;

    private TrueTypeTables() {
    }

    static byte[] longLoca(long[] loca) {
        ByteBuffer out = ByteBuffer.allocate(loca.length * 4);
        for (long offset : loca) {
            out.putInt((int) offset);
        }
        return out.array();
    }

    static byte[] cmap(TreeMap<Integer, Integer> cpToNew) {
        List<int[]> groups = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : cpToNew.entrySet()) {
            int cp = e.getKey();
            int gid = e.getValue();
            int[] last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && last[1] == cp - 1 && last[2] + (cp - last[0]) == gid) {
                last[1] = cp;
            } else {
                groups.add(new int[] {cp, cp, gid});
            }
        }
        int length = 16 + groups.size() * 12;
        ByteBuffer out = ByteBuffer.allocate(12 + length);
        out.putChar((char) 0).putChar((char) 1); // version, one subtable
        out.putChar((char) 3).putChar((char) 10).putInt(12); // Windows, Unicode full repertoire
        out.putChar((char) 12).putChar((char) 0).putInt(length).putInt(0).putInt(groups.size());
        for (int[] g : groups) {
            out.putInt(g[0]).putInt(g[1]).putInt(g[2]);
        }
        return out.array();
    }

    static byte[] name(String familyName, String taggedPostScriptName) throws IOException {
        String[][] records = {
            {"1", familyName}, {"2", "Regular"}, {"3", taggedPostScriptName}, {"4", familyName},
            {"6", taggedPostScriptName}};
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(0);
        out.writeShort(records.length);
        out.writeShort(6 + records.length * 12);
        for (String[] r : records) {
            byte[] value = r[1].getBytes(StandardCharsets.UTF_16BE);
            out.writeShort(3);
            out.writeShort(1);
            out.writeShort(0x409);
            out.writeShort(Integer.parseInt(r[0]));
            out.writeShort(value.length);
            out.writeShort(strings.size());
            strings.write(value);
        }
        strings.writeTo(out);
        return bytes.toByteArray();
    }

    static byte[] assemble(Map<String, byte[]> tablesByTag) throws IOException {
        int count = tablesByTag.size();
        int power = Integer.highestOneBit(count);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(TRUE_TYPE);
        out.writeShort(count);
        out.writeShort(power * 16);
        out.writeShort(Integer.numberOfTrailingZeros(power));
        out.writeShort(count * 16 - power * 16);
        long offset = 12 + count * 16L;
        int headAt = -1;
        for (Map.Entry<String, byte[]> e : tablesByTag.entrySet()) {
            if (e.getKey().equals("head")) {
                headAt = (int) offset;
            }
            out.write(e.getKey().getBytes(StandardCharsets.ISO_8859_1));
            out.writeInt((int) checksum(e.getValue()));
            out.writeInt((int) offset);
            out.writeInt(e.getValue().length);
            offset += (e.getValue().length + 3) & ~3;
        }
        for (byte[] table : tablesByTag.values()) {
            out.write(table);
            for (int pad = table.length; pad % 4 != 0; pad++) {
                out.write(0);
            }
        }
        byte[] font = bytes.toByteArray();
        long adjustment = (0xB1B0AFBAL - checksum(font)) & 0xFFFFFFFFL;
        ByteBuffer.wrap(font).putInt(headAt + 8, (int) adjustment);
        return font;
    }

    static long checksum(byte[] data) {
        long sum = 0;
        for (int i = 0; i < data.length; i += 4) {
            long word = 0;
            for (int j = 0; j < 4; j++) {
                word = (word << 8) | (i + j < data.length ? data[i + j] & 0xFF : 0);
            }
            sum = (sum + word) & 0xFFFFFFFFL;
        }
        return sum;
    }

    static byte[] withChar(byte[] table, int at, int value) {
        table[at] = (byte) (value >>> 8);
        table[at + 1] = (byte) value;
        return table;
    }

}
