package dev.madoguchi.forms.qr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The file a back office trusts: a terminal's public keys, each with its validity period, as one JSON document
 * ({@code madoguchi keys export-public}, docs/adr/0025). A key's {@code notAfter} is when it was replaced: a payload
 * signed later is {@link QrError#EXPIRED_KEY}; the current key has none.
 *
 * <pre>{"format": "madoguchi-trusted-keys-1", "terminal": "…", "keys": [
 *   {"kid": "16 hex digits", "publicKey": "-----BEGIN PUBLIC KEY-----…", "notBefore": "ISO-8601",
 *    "notAfter": "ISO-8601 or null"}]}</pre>
 */
public final class TrustedKeysFile {

    public static final String FORMAT = "madoguchi-trusted-keys-1";

    /** One public key and its validity period ({@code notAfter} null: still in use). */
    public record Entry(PublicKey publicKey, Instant notBefore, Instant notAfter) {
        public String keyId() {
            return TerminalKey.keyIdHex(publicKey);
        }
    }

    private TrustedKeysFile() {
    }

    /** The file's text for a terminal's keys. */
    public static String write(String terminal, List<Entry> entries) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("terminal", terminal);
        ArrayNode keys = root.putArray("keys");
        for (Entry e : entries) {
            ObjectNode key = keys.addObject();
            key.put("kid", e.keyId());
            key.put("publicKey", TerminalKey.publicKeyPem(e.publicKey()));
            key.put("notBefore", e.notBefore() == null ? null : e.notBefore().toString());
            key.put("notAfter", e.notAfter() == null ? null : e.notAfter().toString());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a tree of strings always writes", e);
        }
    }

    /** Reads the file into the keys a verifier trusts, labelled with the terminal and the key id. */
    public static List<TrustedKey> read(Path file) throws IOException {
        List<TrustedKey> trusted = new ArrayList<>();
        for (Entry e : entries(Files.readString(file), file.toString())) {
            trusted.add(TrustedKey.of(file.getFileName() + " " + e.keyId(), e.publicKey(), e.notAfter()));
        }
        return trusted;
    }

    /** Parses the file's text. */
    public static List<Entry> entries(String text, String source) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(source + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("keys").isArray()) {
            throw new IOException(source + " is not a " + FORMAT + " file");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode key : root.get("keys")) {
            PublicKey publicKey = TerminalKey.readPublicKey(key.path("publicKey").asText());
            if (key.hasNonNull("kid") && !key.get("kid").asText().equals(TerminalKey.keyIdHex(publicKey))) {
                throw new IOException(source + ": the kid " + key.get("kid").asText() + " does not match its key");
            }
            entries.add(new Entry(publicKey, instant(key, "notBefore", source), instant(key, "notAfter", source)));
        }
        return entries;
    }

    private static Instant instant(JsonNode key, String field, String source) throws IOException {
        if (!key.hasNonNull(field)) {
            return null;
        }
        try {
            return Instant.parse(key.get(field).asText());
        } catch (DateTimeParseException e) {
            throw new IOException(source + ": " + field + " is not an ISO-8601 instant", e);
        }
    }
}
