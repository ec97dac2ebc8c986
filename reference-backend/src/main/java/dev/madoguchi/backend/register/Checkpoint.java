package dev.madoguchi.backend.register;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A position in one register's change feed: the register's epoch (a random id of the database) and a change
 * sequence number. Clients see it only as an opaque string ({@link #token()}).
 */
public record Checkpoint(String epoch, long sequence) {

    private static final String VERSION = "v1";

    public Checkpoint {
        Objects.requireNonNull(epoch, "epoch");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
    }

    /** The opaque string a client stores and sends back as {@code since}. */
    public String token() {
        String plain = VERSION + ":" + epoch + ":" + sequence;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Decodes a token; empty when it is not one. */
    public static Optional<Checkpoint> parse(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] parts = plain.split(":", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[1].isEmpty() || !parts[2].matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(new Checkpoint(parts[1], Long.parseLong(parts[2])));
    }

    @Override
    public String toString() {
        return token();
    }
}
