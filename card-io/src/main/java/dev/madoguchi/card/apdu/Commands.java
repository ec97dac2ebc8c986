package dev.madoguchi.card.apdu;

/** Command APDUs of ISO 7816-4 / JICSAP as the My Number Card takes them (docs/card-protocol.md §1.1). Short APDUs only. */
public final class Commands {

    private Commands() {}

    /** SELECT DF by its full AID, no FCI: {@code 00 A4 04 0C Lc AID}. */
    public static byte[] selectDf(byte[] aid) {
        return withData(0x00, 0xA4, 0x04, 0x0C, aid);
    }

    /** SELECT EF by its two-byte identifier: {@code 00 A4 02 0C 02 FID}. */
    public static byte[] selectEf(int fid) {
        return withData(0x00, 0xA4, 0x02, 0x0C, new byte[] {(byte) (fid >> 8), (byte) fid});
    }

    /** VERIFY without data (case 1): asks for the tries left, consumes none. */
    public static byte[] verifyQuery() {
        return new byte[] {0x00, 0x20, 0x00, (byte) 0x80};
    }

    /** VERIFY the current EF's PIN with the given ASCII bytes. */
    public static byte[] verify(byte[] ascii) {
        return withData(0x00, 0x20, 0x00, 0x80, ascii);
    }

    /** READ BINARY of the current EF at a 15-bit offset; {@code le} 1–256. */
    public static byte[] readBinary(int offset, int le) {
        if (offset < 0 || offset > 0x7FFF || le < 1 || le > 256) {
            throw new IllegalArgumentException("offset " + offset + " / le " + le);
        }
        return new byte[] {0x00, (byte) 0xB0, (byte) (offset >> 8), (byte) offset, (byte) le};
    }

    /** READ BINARY by short EF identifier (selects the EF as a side effect); offset 0–255, {@code le} 1–256. */
    public static byte[] readBinaryShortEf(int sfi, int offset, int le) {
        if (sfi < 1 || sfi > 30 || offset < 0 || offset > 255 || le < 1 || le > 256) {
            throw new IllegalArgumentException("sfi " + sfi + " / offset " + offset + " / le " + le);
        }
        return new byte[] {0x00, (byte) 0xB0, (byte) (0x80 | sfi), (byte) offset, (byte) le};
    }

    /** READ RECORD {@code n} of the current EF: {@code 00 B2 n 04 00}. */
    public static byte[] readRecord(int n) {
        return new byte[] {0x00, (byte) 0xB2, (byte) n, 0x04, 0x00};
    }

    /** COMPUTE DIGITAL SIGNATURE with PKCS#1 v1.5 over the data as given: {@code 80 2A 00 P2 Lc data 00}. */
    public static byte[] computeSignature(int p2, byte[] digestInfo) {
        byte[] c = new byte[6 + digestInfo.length];
        c[0] = (byte) 0x80;
        c[1] = 0x2A;
        c[2] = 0x00;
        c[3] = (byte) p2;
        c[4] = (byte) digestInfo.length;
        System.arraycopy(digestInfo, 0, c, 5, digestInfo.length);
        c[c.length - 1] = 0x00;
        return c;
    }

    private static byte[] withData(int cla, int ins, int p1, int p2, byte[] data) {
        if (data.length > 255) {
            throw new IllegalArgumentException("data longer than a short APDU");
        }
        byte[] c = new byte[5 + data.length];
        c[0] = (byte) cla;
        c[1] = (byte) ins;
        c[2] = (byte) p1;
        c[3] = (byte) p2;
        c[4] = (byte) data.length;
        System.arraycopy(data, 0, c, 5, data.length);
        return c;
    }

    /** Hex for AIDs and test fixtures. */
    public static byte[] hex(String hex) {
        String h = hex.replace(" ", "");
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    /** The parts one after the other (a command's data, a MAC input). */
    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
