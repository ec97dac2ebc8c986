package dev.madoguchi.app.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.forms.qr.TerminalKey;
import java.io.IOException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The content of {@code keys/terminal-keys.json}: every signing key the terminal has had, oldest first. Public key,
 * key id and validity period in clear; the current key pair sealed under the store's data key ({@code sealedKeyPair},
 * Base64), replaced keys without their private half.
 */
record TerminalKeyHistory(List<Entry> entries) {

    static final String FORMAT = "madoguchi-terminal-keys-1";

    /** One key; {@code sealedKeyPair} null once the key was replaced. */
    record Entry(PublicKey publicKey, Instant notBefore, Instant notAfter, byte[] sealedKeyPair) {}

    TerminalKeyHistory {
        entries = List.copyOf(entries);
    }

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode keys = root.putArray("keys");
        for (Entry e : entries) {
            ObjectNode key = keys.addObject();
            key.put("kid", TerminalKey.keyIdHex(e.publicKey()));
            key.put("publicKey", TerminalKey.publicKeyPem(e.publicKey()));
            key.put("notBefore", e.notBefore().toString());
            key.put("notAfter", e.notAfter() == null ? null : e.notAfter().toString());
            if (e.sealedKeyPair() != null) {
                key.put("sealedKeyPair", Base64.getEncoder().encodeToString(e.sealedKeyPair()));
            }
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a tree of strings always writes", e);
        }
    }

    static TerminalKeyHistory parse(String text) throws IOException {
        JsonNode root = new ObjectMapper().readTree(text);
        if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("keys").isArray()) {
            throw new IOException("not a " + FORMAT + " file");
        }
        List<Entry> entries = new ArrayList<>();
        try {
            for (JsonNode key : root.get("keys")) {
                entries.add(new Entry(TerminalKey.readPublicKey(key.path("publicKey").asText()),
                        Instant.parse(key.path("notBefore").asText()),
                        key.hasNonNull("notAfter") ? Instant.parse(key.get("notAfter").asText()) : null,
                        key.hasNonNull("sealedKeyPair") ? Base64.getDecoder().decode(key.get("sealedKeyPair").asText())
                                : null));
            }
        } catch (RuntimeException e) {
            throw new IOException("a key entry is damaged: " + e.getClass().getSimpleName(), e);
        }
        return new TerminalKeyHistory(entries);
    }
}
