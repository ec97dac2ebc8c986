package dev.madoguchi.card.apdu;

import java.util.Arrays;

/** A response APDU: the data and the two status bytes as one number ({@code 0x9000}). */
public record Response(byte[] data, int sw) {

    public static final int OK = 0x9000;

    public Response {
        data = data.clone();
    }

    /** Splits raw response bytes (data followed by SW1 SW2). */
    public static Response of(byte[] raw) {
        if (raw.length < 2) {
            return new Response(new byte[0], 0x6F00);
        }
        return new Response(Arrays.copyOf(raw, raw.length - 2),
                ((raw[raw.length - 2] & 0xFF) << 8) | (raw[raw.length - 1] & 0xFF));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public boolean ok() {
        return sw == OK;
    }

    public int sw1() {
        return sw >>> 8;
    }

    @Override
    public String toString() {
        // never the data: it may hold personal data
        return String.format("Response[sw=%04X, %d bytes]", sw, data.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Response r && r.sw == sw && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * sw + Arrays.hashCode(data);
    }
}
