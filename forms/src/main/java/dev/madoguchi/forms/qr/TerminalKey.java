package dev.madoguchi.forms.qr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terminal's ECDSA P-256 key pair that signs QR payloads. Stored as one PEM file (PKCS#8 private key, then the
 * X.509 public key), readable by the owner only; the public key is exported as PEM for the back office.
 * {@link #toString()} prints only the key id.
 */
public final class TerminalKey {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final byte[] keyId;

    private TerminalKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId(publicKey);
    }

    public static TerminalKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return new TerminalKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot create P-256 keys", e);
        }
    }

    /**
     * Loads the key file, or creates it (owner-only permissions where the file system has them) when absent. A plain
     * key file is for tests and tools; the terminal keeps its key sealed (docs/adr/0025).
     */
    public static TerminalKey loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return load(file);
        }
        TerminalKey key = generate();
        Files.createDirectories(file.toAbsolutePath().getParent());
        String pem = key.pem();
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "terminal-key", ".tmp");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(temp, pem, StandardCharsets.US_ASCII);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return key;
    }

    public static TerminalKey load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.US_ASCII), file);
    }

    /** Reads a key pair from its PEM text (as {@link #pem()} writes it). */
    public static TerminalKey parse(String pemText) throws IOException {
        return parse(pemText, null);
    }

    private static TerminalKey parse(String text, Path file) throws IOException {
        byte[] privateDer = block(text, "PRIVATE KEY", file);
        byte[] publicDer = block(text, "PUBLIC KEY", file);
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            return new TerminalKey(factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer)),
                    factory.generatePublic(new X509EncodedKeySpec(publicDer)));
        } catch (GeneralSecurityException e) {
            throw new IOException((file == null ? "the text" : file.toString()) + " does not hold an EC key pair: "
                    + e.getMessage(), e);
        } finally {
            Arrays.fill(privateDer, (byte) 0);
        }
    }

    /**
     * The key pair as PEM text (PKCS#8 private key, then the X.509 public key): what is sealed under the store's data
     * key (docs/adr/0025). Never written to a file in clear.
     */
    public String pem() {
        return pem("PRIVATE KEY", privateKey.getEncoded()) + publicKeyPem();
    }

    /** Reads a PEM public key (as {@link #publicKeyPem()} writes it). */
    public static PublicKey readPublicKey(String pemText) throws IOException {
        try {
            return KeyFactory.getInstance("EC").generatePublic(
                    new X509EncodedKeySpec(block(pemText, "PUBLIC KEY", null)));
        } catch (GeneralSecurityException e) {
            throw new IOException("not an EC public key: " + e.getMessage(), e);
        }
    }

    private static byte[] block(String text, String type, Path file) throws IOException {
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                return Base64.getMimeDecoder().decode(m.group(2));
            }
        }
        throw new IOException((file == null ? "the text" : file.toString()) + " has no " + type + " block");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The key id of a public key (see {@link TrustedKey#keyId()}) as 16 hex digits, e.g. for {@code doctor}. */
    public static String keyIdHex(PublicKey key) {
        return java.util.HexFormat.of().formatHex(keyId(key));
    }

    static byte[] keyId(PublicKey key) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public String publicKeyPem() {
        return publicKeyPem(publicKey);
    }

    /** A public key as PEM text. */
    public static String publicKeyPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    public byte[] keyId() {
        return keyId.clone();
    }

    /** The key as a trusted key without end of validity (this terminal verifying its own prints). */
    public TrustedKey trusted(String label) {
        return TrustedKey.of(label, publicKey, null);
    }

    @Override
    public String toString() {
        return "TerminalKey[kid=" + java.util.HexFormat.of().formatHex(keyId) + "]";
    }
}
