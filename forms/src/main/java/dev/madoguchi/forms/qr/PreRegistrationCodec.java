package dev.madoguchi.forms.qr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.Consent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shelter pre-registration QR (docs/adr/0024-shelter-pre-registration-qr.md, docs/shelter-qr.md): one person in
 * one symbol, read at the desk through a keyboard-wedge scanner. Text: {@code MGE1} + {@code P} (plain) or {@code S}
 * (signed) + Base32 of zlib of the body; the body is a CBOR map (plain) or that map in a COSE_Sign1 signed by the
 * municipality's key (ES256, as the form QR of docs/adr/0008-signed-qr-payload.md, verified the same way). The whole
 * text is at most {@link #MAX_TEXT} characters, which fits QR version {@link #MAX_VERSION} at error correction
 * {@link #ECC}.
 */
public final class PreRegistrationCodec {

    public static final String PREFIX = "MGE1";
    /** The size budget: characters of the whole text. */
    public static final int MAX_TEXT = 900;
    /** The largest symbol the budget needs (alphanumeric mode at level Q: version 24, 113 modules a side). */
    public static final int MAX_VERSION = 24;
    public static final ErrorCorrectionLevel ECC = ErrorCorrectionLevel.Q;
    private static final int PAYLOAD_VERSION = 1;
    private static final int MAX_BODY = 4096;

    private static final CBORFactory CBOR = new CBORFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(CBOR);

    /** A scanned person and who vouches for the data. */
    public record Scanned(PreRegistration person, String signedBy) {
        /** Whether a trusted key signed it; a plain payload is what the person typed themselves. */
        public boolean signed() {
            return !signedBy.isEmpty();
        }
    }

    /** The text of a plain (unsigned) QR. */
    public String encodePlain(PreRegistration person) {
        return text('P', cbor(person));
    }

    /** The text of a QR signed with {@code key} (the municipality's pre-registration key). */
    public String encodeSigned(PreRegistration person, TerminalKey key) {
        if (person.issuedAt() == null) {
            throw new IllegalArgumentException("a signed pre-registration says when it was issued");
        }
        return text('S', CoseSign1.sign(cbor(person), key));
    }

    private static String text(char kind, byte[] body) {
        String text = PREFIX + kind + Base32.encode(QrCodec.deflate(body));
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("the pre-registration is " + text.length()
                    + " characters, over the budget of " + MAX_TEXT);
        }
        return text;
    }

    /** The symbol of a text, at level {@link #ECC}, with the 4-module quiet zone. */
    public static BitMatrix symbol(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ECC, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the text does not fit a QR symbol: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a scanned text as a keyboard-wedge scanner typed it (full-width characters, Caps Lock and a trailing
     * Enter or Tab are tolerated).
     *
     * @param trusted the municipality keys a signed payload must be signed with
     * @throws QrVerificationException NO_QR_CODE (empty), INPUT_METHOD (the IME changed it), FOREIGN (not MGE1),
     *     UNSUPPORTED, DAMAGED, UNKNOWN_KEY, EXPIRED_KEY or BAD_SIGNATURE
     */
    public Scanned decode(String scanned, List<TrustedKey> trusted) throws QrVerificationException {
        String text = normalise(scanned);
        if (text.isEmpty()) {
            throw new QrVerificationException(QrError.NO_QR_CODE, "");
        }
        if (!text.chars().allMatch(c -> c < 0x80)) {
            throw new QrVerificationException(QrError.INPUT_METHOD, "non-ASCII characters in the scanned text");
        }
        if (!text.startsWith("MGE")) {
            throw new QrVerificationException(QrError.FOREIGN, "starts with '"
                    + text.substring(0, Math.min(4, text.length())).replaceAll("[^\\x20-\\x7E]", "?") + "'");
        }
        if (text.length() < PREFIX.length() + 2 || !text.startsWith(PREFIX)
                || (text.charAt(4) != 'P' && text.charAt(4) != 'S')) {
            throw new QrVerificationException(QrError.UNSUPPORTED, "prefix "
                    + text.substring(0, Math.min(5, text.length())));
        }
        if (text.length() > MAX_TEXT) {
            throw new QrVerificationException(QrError.DAMAGED, "over the size budget");
        }
        byte[] body;
        try {
            body = QrCodec.inflate(Base32.decode(text.substring(5)));
        } catch (IllegalArgumentException e) {
            throw new QrVerificationException(QrError.DAMAGED, e.getMessage(), e);
        }
        if (body.length > MAX_BODY) {
            throw new QrVerificationException(QrError.DAMAGED, "implausibly large");
        }
        if (text.charAt(4) == 'P') {
            return new Scanned(person(body), "");
        }
        CoseSign1.Parsed cose = CoseSign1.parse(body);
        TrustedKey key = trusted.stream().filter(k -> Arrays.equals(k.keyId(), cose.keyId())).findFirst()
                .orElseThrow(() -> new QrVerificationException(QrError.UNKNOWN_KEY,
                        "key id " + HexFormat.of().formatHex(cose.keyId())));
        if (!CoseSign1.verify(cose, key.publicKey())) {
            throw new QrVerificationException(QrError.BAD_SIGNATURE, "key " + key.label());
        }
        PreRegistration person = person(cose.payload());
        if (person.issuedAt() == null) {
            throw new QrVerificationException(QrError.DAMAGED, "a signed payload without its time");
        }
        if (key.notAfter() != null && person.issuedAt().isAfter(key.notAfter())) {
            throw new QrVerificationException(QrError.EXPIRED_KEY, "key " + key.label());
        }
        return new Scanned(person, key.label());
    }

    /** NFKC (full-width → ASCII), upper case (Caps Lock), without the scanner's trailing Enter / Tab and blanks. */
    static String normalise(String scanned) {
        if (scanned == null) {
            return "";
        }
        return Normalizer.normalize(scanned, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    }

    /** {"v": 1, "n", "k", "b": yyyymmdd, "s": ISO 5218, "a", "p", "f": [codes], "c": consent bits, "r", "t"}. */
    static byte[] cbor(PreRegistration p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = CBOR.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", PAYLOAD_VERSION);
            g.writeStringField("n", p.name());
            optional(g, "k", p.kana());
            if (p.birthDate() != null) {
                LocalDate b = p.birthDate();
                g.writeNumberField("b", b.getYear() * 10000 + b.getMonthValue() * 100 + b.getDayOfMonth());
            }
            if (p.sex() != null) {
                g.writeNumberField("s", switch (p.sex()) {
                    case MALE -> 1;
                    case FEMALE -> 2;
                    case NOT_APPLICABLE -> 9;
                });
            }
            optional(g, "a", p.address());
            optional(g, "p", p.phone());
            if (!p.flags().isEmpty()) {
                g.writeArrayFieldStart("f");
                for (CareFlag f : p.flags()) {
                    g.writeString(f.code());
                }
                g.writeEndArray();
            }
            if (p.consent() != null) {
                Consent c = p.consent();
                g.writeNumberField("c", (c.family() ? 1 : 0) | (c.acquaintances() ? 2 : 0) | (c.others() ? 4 : 0));
            }
            optional(g, "r", p.reference());
            if (p.issuedAt() != null) {
                g.writeNumberField("t", p.issuedAt().getEpochSecond());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void optional(CBORGenerator g, String key, String value) throws IOException {
        if (!value.isEmpty()) {
            g.writeStringField(key, value);
        }
    }

    static PreRegistration person(byte[] cbor) throws QrVerificationException {
        JsonNode root;
        try {
            root = MAPPER.readTree(cbor);
        } catch (IOException e) {
            throw new QrVerificationException(QrError.DAMAGED, "not CBOR", e);
        }
        if (root == null || !root.isObject() || !root.path("v").canConvertToInt()) {
            throw new QrVerificationException(QrError.DAMAGED, "no payload version");
        }
        if (root.get("v").asInt() != PAYLOAD_VERSION) {
            throw new QrVerificationException(QrError.UNSUPPORTED, "payload version " + root.get("v").asInt());
        }
        try {
            List<CareFlag> flags = new ArrayList<>();
            for (JsonNode f : root.path("f")) {
                flags.add(CareFlag.parse(f.asText()));
            }
            return new PreRegistration(text(root, "n"), text(root, "k"), birthDate(root.get("b")),
                    sex(root.get("s")), text(root, "a"), text(root, "p"), flags, consent(root.get("c")),
                    text(root, "r"), root.hasNonNull("t") ? Instant.ofEpochSecond(root.get("t").asLong()) : null);
        } catch (RuntimeException e) {
            throw new QrVerificationException(QrError.DAMAGED, e.getMessage(), e);
        }
    }

    private static String text(JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n != null && !n.isTextual()) {
            throw new IllegalArgumentException(key + " is not text");
        }
        return n == null ? "" : n.asText();
    }

    private static LocalDate birthDate(JsonNode b) {
        if (b == null) {
            return null;
        }
        int v = b.asInt();
        return LocalDate.of(v / 10000, v / 100 % 100, v % 100);
    }

    private static Sex sex(JsonNode s) {
        if (s == null) {
            return null;
        }
        return switch (s.asInt()) {
            case 1 -> Sex.MALE;
            case 2 -> Sex.FEMALE;
            case 0, 9 -> Sex.NOT_APPLICABLE;
            default -> throw new IllegalArgumentException("sex code " + s.asInt());
        };
    }

    private static Consent consent(JsonNode c) {
        if (c == null) {
            return null;
        }
        int bits = c.asInt();
        if (bits < 0 || bits > 7) {
            throw new IllegalArgumentException("consent bits " + bits);
        }
        return new Consent((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0);
    }
}
