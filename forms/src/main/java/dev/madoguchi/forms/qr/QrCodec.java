package dev.madoguchi.forms.qr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The QR text of a form (docs/adr/0008-signed-qr-payload.md, docs/adr/0020-repeated-rows-qr-framing-and-variation-sequences.md): payload as
 * CBOR → COSE_Sign1 (ES256, the terminal's key) → zlib deflate → Base45, split into parts {@code MG2:i/n:…$} of at most
 * {@link #DEFAULT_PART_LENGTH} characters so each symbol stays readable at print size. The parts are of equal length
 * (to within one character) and each ends with {@link #END}, so no part can end in a Base45 space that a scanner trims.
 * {@link #verify} reverses it (also the older {@code MG1:} parts without the end mark) and checks the signature.
 */
public final class QrCodec {

    public static final String PREFIX = "MG2:";
    /** The prefix of format 1: parts without the end mark (still verified). */
    public static final String PREFIX_1 = "MG1:";
    /** The last character of every format 2 part. */
    public static final char END = '$';
    public static final int DEFAULT_PART_LENGTH = 700;
    private static final int MAX_INFLATED = 256 * 1024;

    private static final CBORFactory CBOR = new CBORFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(CBOR);

    private final int partLength;

    public QrCodec() {
        this(DEFAULT_PART_LENGTH);
    }

    public QrCodec(int partLength) {
        if (partLength < 50) {
            throw new IllegalArgumentException("parts must hold at least 50 characters");
        }
        this.partLength = partLength;
    }

    /** The texts of the QR symbols, in order. */
    public List<String> encode(QrPayload payload, TerminalKey key) {
        return split(Base45.encode(deflate(CoseSign1.sign(cbor(payload), key))));
    }

    /**
     * @param parts the texts of all the symbols of one form, in any order
     * @throws QrVerificationException with the reason when the payload is foreign, incomplete, damaged, signed by an
     *     unknown or expired key, or changed after signing
     */
    public QrPayload verify(List<String> parts, List<TrustedKey> trusted) throws QrVerificationException {
        CoseSign1.Parsed cose = CoseSign1.parse(inflate(decodeText(join(parts))));
        TrustedKey key = trusted.stream().filter(k -> Arrays.equals(k.keyId(), cose.keyId())).findFirst()
                .orElseThrow(() -> new QrVerificationException(QrError.UNKNOWN_KEY,
                        "key id " + HexFormat.of().formatHex(cose.keyId())));
        if (!CoseSign1.verify(cose, key.publicKey())) {
            throw new QrVerificationException(QrError.BAD_SIGNATURE, "key " + key.label());
        }
        QrPayload payload = payload(cose.payload());
        if (key.notAfter() != null && payload.issuedAt().isAfter(key.notAfter())) {
            throw new QrVerificationException(QrError.EXPIRED_KEY, "key " + key.label() + " expired "
                    + key.notAfter() + ", signed " + payload.issuedAt());
        }
        return payload;
    }

    /** The Base45 text split into {@code MG2:i/n:…$} parts of equal length (the last may be one shorter). */
    private List<String> split(String text) {
        int count = Math.max(1, (text.length() + partLength - 1) / partLength);
        List<String> parts = new ArrayList<>(count);
        int start = 0;
        for (int i = 0; i < count; i++) {
            int length = text.length() / count + (i < text.length() % count ? 1 : 0);
            parts.add(PREFIX + (i + 1) + "/" + count + ":" + text.substring(start, start + length) + END);
            start += length;
        }
        return parts;
    }

    static String join(List<String> parts) throws QrVerificationException {
        if (parts.isEmpty()) {
            throw new QrVerificationException(QrError.NO_QR_CODE, "");
        }
        Map<Integer, String> byIndex = new TreeMap<>();
        int count = -1;
        String format = null;
        for (String part : parts) {
            String prefix = part.startsWith(PREFIX) ? PREFIX : part.startsWith(PREFIX_1) ? PREFIX_1 : null;
            if (prefix == null) {
                throw new QrVerificationException(QrError.FOREIGN, "starts with '"
                        + part.substring(0, Math.min(8, part.length())).replaceAll("[^\\x20-\\x7E]", "?") + "'");
            }
            if (format != null && !format.equals(prefix)) {
                throw new QrVerificationException(QrError.DAMAGED, "parts of two formats (MG1 and MG2)");
            }
            format = prefix;
            if (prefix.equals(PREFIX)) {
                if (part.isEmpty() || part.charAt(part.length() - 1) != END) {
                    throw new QrVerificationException(QrError.DAMAGED, "a part lacks its end mark (cut short)");
                }
                part = part.substring(0, part.length() - 1);
            }
            int slash = part.indexOf('/', prefix.length());
            int colon = part.indexOf(':', prefix.length());
            int index;
            int n;
            try {
                index = Integer.parseInt(part.substring(prefix.length(), slash));
                n = Integer.parseInt(part.substring(slash + 1, colon));
            } catch (RuntimeException e) {
                throw new QrVerificationException(QrError.DAMAGED, "part header is not i/n:", e);
            }
            if (n < 1 || index < 1 || index > n || (count != -1 && n != count)) {
                throw new QrVerificationException(QrError.DAMAGED, "inconsistent part numbers " + index + "/" + n);
            }
            count = n;
            byIndex.put(index, part.substring(colon + 1));
        }
        if (byIndex.size() != count) {
            List<Integer> missing = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                if (!byIndex.containsKey(i)) {
                    missing.add(i);
                }
            }
            throw new QrVerificationException(QrError.MISSING_PART, "missing " + missing + " of " + count);
        }
        return String.join("", byIndex.values());
    }

    private static byte[] decodeText(String text) throws QrVerificationException {
        try {
            return Base45.decode(text);
        } catch (IllegalArgumentException e) {
            throw new QrVerificationException(QrError.DAMAGED, e.getMessage(), e);
        }
    }

    static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static byte[] inflate(byte[] bytes) throws QrVerificationException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 2);
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new QrVerificationException(QrError.DAMAGED, "the compressed data ends early");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new QrVerificationException(QrError.DAMAGED, "the payload is implausibly large");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new QrVerificationException(QrError.DAMAGED, "not zlib data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /**
     * {"f": id, "v": version, "h": sha256 bytes, "var": variant?, "t": epoch seconds, "d": {field: value, group:
     * [{field: value}, …]}}: a repeated group's rows are an array of maps under the group's id.
     */
    static byte[] cbor(QrPayload payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = CBOR.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("f", payload.formId());
            g.writeStringField("v", payload.formVersion());
            g.writeBinaryField("h", HexFormat.of().parseHex(payload.definitionSha256()));
            if (payload.variant() != null) {
                g.writeStringField("var", payload.variant());
            }
            g.writeNumberField("t", payload.issuedAt().getEpochSecond());
            g.writeObjectFieldStart("d");
            for (Map.Entry<String, Object> e : payload.nestedValues().entrySet()) {
                if (e.getValue() instanceof List<?> rows) {
                    g.writeArrayFieldStart(e.getKey());
                    for (Object row : rows) {
                        g.writeStartObject();
                        for (Map.Entry<?, ?> f : ((Map<?, ?>) row).entrySet()) {
                            g.writeStringField((String) f.getKey(), (String) f.getValue());
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                } else {
                    g.writeStringField(e.getKey(), (String) e.getValue());
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static QrPayload payload(byte[] cbor) throws QrVerificationException {
        try {
            JsonNode root = MAPPER.readTree(cbor);
            if (root == null || !root.path("f").isTextual() || !root.path("v").isTextual()
                    || !root.path("h").isBinary() || !root.path("t").canConvertToLong() || !root.path("d").isObject()) {
                throw new QrVerificationException(QrError.DAMAGED, "the payload lacks f, v, h, t or d");
            }
            Map<String, String> values;
            try {
                values = dev.madoguchi.forms.prefill.FormData.flatten("the QR payload", root.get("d"));
            } catch (IllegalArgumentException e) {
                throw new QrVerificationException(QrError.DAMAGED, e.getMessage(), e);
            }
            return new QrPayload(root.get("f").asText(), root.get("v").asText(),
                    HexFormat.of().formatHex(root.get("h").binaryValue()),
                    root.hasNonNull("var") ? root.get("var").asText() : null, values,
                    Instant.ofEpochSecond(root.get("t").asLong()));
        } catch (IOException e) {
            throw new QrVerificationException(QrError.DAMAGED, "the payload is not CBOR: " + e.getMessage(), e);
        }
    }

    /** For tests and diagnostics: the COSE_Sign1 bytes inside the parts. */
    static byte[] coseBytes(List<String> parts) throws QrVerificationException {
        return inflate(decodeText(join(parts)));
    }

    /** For tests: parts made from (possibly altered) COSE_Sign1 bytes. */
    List<String> partsOf(byte[] cose) {
        return split(Base45.encode(deflate(cose)));
    }
}
