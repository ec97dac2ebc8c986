package dev.madoguchi.store.shelter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bytes of a shelter exchange file (docs/adr/0026), version 1:
 * {@code "MDGSX1"}, a 4-byte length and the header (UTF-8 JSON, not secret: municipality, terminal, public key, salt,
 * iterations, nonce), a 4-byte length and the body (AES-256-GCM under a key derived from the shelter passphrase by
 * PBKDF2-HMAC-SHA256; the header is the associated data), a 2-byte length and an ECDSA P-256 signature (SHA-256) of
 * everything before it by the sending terminal's key.
 */
final class ExchangeFile {

    static final byte[] MAGIC = "MDGSX1".getBytes(StandardCharsets.US_ASCII);
    static final int ITERATIONS = 200_000;
    private static final int MAX_PART = 512 * 1024 * 1024;

    /** What a verified file said: its header and its decrypted body. */
    record Opened(JsonNode header, PublicKey key, String fingerprint, JsonNode body) {}

    private ExchangeFile() {
    }

    static byte[] write(ObjectNode header, PublicKey publicKey, PrivateKey privateKey, char[] passphrase,
            byte[] body, SecureRandom random, int iterations) {
        try {
            byte[] salt = new byte[16];
            byte[] nonce = new byte[12];
            random.nextBytes(salt);
            random.nextBytes(nonce);
            header.put("publicKey", Base64.getEncoder().encodeToString(publicKey.getEncoded()));
            header.put("salt", Base64.getEncoder().encodeToString(salt));
            header.put("iterations", iterations);
            header.put("nonce", Base64.getEncoder().encodeToString(nonce));
            byte[] headerBytes = ShelterJson.write(header).getBytes(StandardCharsets.UTF_8);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key(passphrase, salt, iterations), new GCMParameterSpec(128, nonce));
            aes.updateAAD(headerBytes);
            byte[] sealed = aes.doFinal(body);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(sealed.length + headerBytes.length + 128);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(headerBytes.length);
            out.write(headerBytes);
            out.writeInt(sealed.length);
            out.write(sealed);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(privateKey, random);
            signer.update(bytes.toByteArray());
            byte[] signature = signer.sign();
            out.writeShort(signature.length);
            out.write(signature);
            out.flush();
            return bytes.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("every Java runtime has AES-GCM, PBKDF2 and ECDSA", e);
        }
    }

    /**
     * Reads and verifies a file: structure, signature, then the body with the passphrase.
     *
     * @throws StoreException {@link StoreError#EXCHANGE_TRUNCATED}, {@link StoreError#EXCHANGE_TAMPERED},
     *     {@link StoreError#WRONG_EXCHANGE_PASSPHRASE} or {@link StoreError#BAD_INPUT} (not an exchange file)
     */
    static Opened open(byte[] file, char[] passphrase, Trust trust) {
        Signed signed = verify(file);
        JsonNode header = signed.header();
        String fingerprint = signed.fingerprint();
        PublicKey key = signed.key();
        byte[] headerBytes = signed.headerBytes();
        byte[] sealed = signed.sealed();
        trust.check(header, fingerprint);
        try {
            byte[] salt = Base64.getDecoder().decode(header.path("salt").asText());
            byte[] nonce = Base64.getDecoder().decode(header.path("nonce").asText());
            int iterations = header.path("iterations").asInt();
            if (iterations < 1 || iterations > 10_000_000) {
                throw new StoreException(StoreError.EXCHANGE_TAMPERED, "implausible key derivation", null);
            }
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key(passphrase, salt, iterations), new GCMParameterSpec(128, nonce));
            aes.updateAAD(headerBytes);
            byte[] body = aes.doFinal(sealed);
            return new Opened(header, key, fingerprint, ShelterJson.read(new String(body, StandardCharsets.UTF_8)));
        } catch (AEADBadTagException e) {
            // the signature held, so the bytes are as written: the passphrase is what differs
            throw new StoreException(StoreError.WRONG_EXCHANGE_PASSPHRASE, "the passphrase does not open the file",
                    null);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new StoreException(StoreError.EXCHANGE_TAMPERED, "the body cannot be read", e);
        }
    }

    /** A file whose structure and signature held: its header, the signer's key, and the still encrypted body. */
    record Signed(JsonNode header, PublicKey key, String fingerprint, byte[] headerBytes, byte[] sealed) {}

    /**
     * Checks a file's structure and signature only (no passphrase: the body stays encrypted).
     *
     * @throws StoreException {@link StoreError#EXCHANGE_TRUNCATED}, {@link StoreError#EXCHANGE_TAMPERED} or
     *     {@link StoreError#BAD_INPUT} (not an exchange file)
     */
    static Signed verify(byte[] file) {
        if (file.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw new StoreException(file.length < MAGIC.length ? StoreError.EXCHANGE_TRUNCATED : StoreError.BAD_INPUT,
                    "not a shelter exchange file of version 1", null);
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        in.position(MAGIC.length);
        byte[] headerBytes = part(in, 4);
        byte[] sealed = part(in, 4);
        int signedLength = in.position();
        byte[] signature = part(in, 2);
        if (in.hasRemaining()) {
            throw new StoreException(StoreError.EXCHANGE_TAMPERED, "bytes after the signature", null);
        }
        try {
            JsonNode header = ShelterJson.read(new String(headerBytes, StandardCharsets.UTF_8));
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(header.path("publicKey").asText())));
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(file, 0, signedLength);
            if (!verifier.verify(signature)) {
                throw new StoreException(StoreError.EXCHANGE_TAMPERED, "the signature does not match", null);
            }
            return new Signed(header, key, fingerprint(key), headerBytes, sealed);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new StoreException(StoreError.EXCHANGE_TAMPERED, "the header or signature is damaged", e);
        }
    }

    /** Decides, after the signature held, whether the signer may be accepted (and its municipality). */
    interface Trust {
        void check(JsonNode header, String fingerprint);
    }

    /** The key's fingerprint: the first 16 bytes of SHA-256 of its X.509 encoding, as hex in groups of four. */
    static String fingerprint(PublicKey key) {
        try {
            String hex = HexFormat.of().formatHex(Arrays.copyOf(
                    MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 16));
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < hex.length(); i += 4) {
                b.append(i == 0 ? "" : "-").append(hex, i, i + 4);
            }
            return b.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] part(ByteBuffer in, int lengthBytes) {
        if (in.remaining() < lengthBytes) {
            throw new StoreException(StoreError.EXCHANGE_TRUNCATED, "the file ends inside a length", null);
        }
        int length = lengthBytes == 4 ? in.getInt() : Short.toUnsignedInt(in.getShort());
        if (length < 0 || length > MAX_PART) {
            throw new StoreException(StoreError.EXCHANGE_TAMPERED, "an implausible length", null);
        }
        if (in.remaining() < length) {
            throw new StoreException(StoreError.EXCHANGE_TRUNCATED, "the file ends early", null);
        }
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }

    private static SecretKeySpec key(char[] passphrase, byte[] salt, int iterations)
            throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(raw, "AES");
        } finally {
            spec.clearPassword();
        }
    }
}
