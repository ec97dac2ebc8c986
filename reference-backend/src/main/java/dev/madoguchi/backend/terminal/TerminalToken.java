package dev.madoguchi.backend.terminal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A terminal's bearer token {@code <terminalId>.<secret>}: the secret is 32 random bytes in base64url (43 characters).
 * The backend keeps only {@code SHA-256(salt || secret)} with a random 16-byte salt per terminal.
 *
 * <p>{@link #toString()} never shows the secret.
 */
public record TerminalToken(String terminalId, String secret) {

    /** Terminal ids: a letter or digit, then up to 63 letters, digits, {@code _} or {@code -}. No dot. */
    public static final Pattern TERMINAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public TerminalToken {
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(secret, "secret");
    }

    /** A new random token for a terminal. */
    public static TerminalToken generate(String terminalId) {
        requireValidId(terminalId);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new TerminalToken(terminalId, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Parses {@code <terminalId>.<secret>}; empty when it has not that shape. */
    public static Optional<TerminalToken> parse(String token) {
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String id = token.substring(0, dot);
        String secret = token.substring(dot + 1);
        if (!TERMINAL_ID.matcher(id).matches() || !SECRET.matcher(secret).matches()) {
            return Optional.empty();
        }
        return Optional.of(new TerminalToken(id, secret));
    }

    /** @throws IllegalArgumentException if the id does not match {@link #TERMINAL_ID} */
    public static void requireValidId(String terminalId) {
        if (terminalId == null || !TERMINAL_ID.matcher(terminalId).matches()) {
            throw new IllegalArgumentException(
                    "a terminal id is a letter or digit followed by up to 63 letters, digits, '_' or '-'");
        }
    }

    /** What the terminal sends after {@code Bearer }. */
    public String value() {
        return terminalId + "." + secret;
    }

    static byte[] newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /** Hex SHA-256 of salt || secret (ASCII). */
    static String hash(byte[] salt, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(secret.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "TerminalToken[" + terminalId + ".***]";
    }
}
