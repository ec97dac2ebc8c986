package dev.madoguchi.store.keys;

import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The small text file beside the database ({@code madoguchi.keys}) that holds the data key wrapped once per authorised
 * clerk. It must be readable before the database is opened, so it is not inside it. Immutable: changes give a new
 * keyring, which {@link #writeTo(Path)} replaces atomically (write a temporary file, force it, rename).
 *
 * <pre>
 * madoguchi-keyring 1
 * file-header &lt;first bytes of the encrypted database file, b64&gt;
 * clerk &lt;id&gt; pbkdf2-hmac-sha256 &lt;iterations&gt; &lt;salt b64&gt; aes-256-gcm &lt;iv b64&gt; &lt;wrapped key b64&gt;
 * </pre>
 */
public final class Keyring {

    /** File name in the store directory. */
    public static final String FILE_NAME = "madoguchi.keys";
    /** PBKDF2-HMAC-SHA256 iterations for new entries (OWASP 2023 recommendation for this PRF). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Fewer iterations are refused, so a keyring file cannot be weakened by editing it. */
    public static final int MINIMUM_ITERATIONS = 1_000;

    private static final String HEADER = "madoguchi-keyring 1";
    private static final Pattern CLERK_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final int GCM_TAG_BITS = 128;

    private final Map<String, KeyringEntry> entries;
    private final byte[] fileHeader;

    private Keyring(Map<String, KeyringEntry> entries, byte[] fileHeader) {
        this.entries = Map.copyOf(entries);
        this.fileHeader = fileHeader == null ? null : fileHeader.clone();
    }

    /** A keyring with no clerks. */
    public static Keyring empty() {
        return new Keyring(Map.of(), null);
    }

    /**
     * The same keyring, remembering the encrypted database file's plaintext header (H2's "H2encrypt" line and its
     * random salt), so a failure to decrypt can be told apart: same header = damaged file, other header = a keyring of
     * another store.
     */
    public Keyring withFileHeader(byte[] header) {
        return new Keyring(entries, header);
    }

    /** True when the remembered header is known and equals {@code header}. */
    public boolean matchesFileHeader(byte[] header) {
        return fileHeader != null && Arrays.equals(fileHeader, header);
    }

    static boolean isValidClerkId(String id) {
        return CLERK_ID.matcher(id).matches();
    }

    /** The path of the keyring in a store directory. */
    public static Path in(Path storeDirectory) {
        return storeDirectory.resolve(FILE_NAME);
    }

    /**
     * Reads the keyring file.
     *
     * @throws StoreException {@link StoreError#NO_STORE} when it is missing, {@link StoreError#CORRUPT_FILE} when it
     *     cannot be parsed
     */
    public static Keyring read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new StoreException(StoreError.NO_STORE, "no keyring at " + file, e);
        } catch (IOException e) {
            throw new StoreException(StoreError.STORE_ERROR, "cannot read the keyring: " + e, e);
        }
        return parse(lines);
    }

    static Keyring parse(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw corrupt("the keyring has no header", null);
        }
        Map<String, KeyringEntry> entries = new LinkedHashMap<>();
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] header = null;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(" ");
            if (f.length == 2 && f[0].equals("file-header")) {
                try {
                    header = b64.decode(f[1]);
                } catch (IllegalArgumentException e) {
                    throw corrupt("the keyring's file header line is damaged", e);
                }
                continue;
            }
            try {
                if (f.length != 8 || !f[0].equals("clerk") || !f[2].equals("pbkdf2-hmac-sha256")
                        || !f[5].equals("aes-256-gcm")) {
                    throw corrupt("a keyring line is not understood", null);
                }
                int iterations = Integer.parseInt(f[3]);
                if (iterations < MINIMUM_ITERATIONS) {
                    throw corrupt("a keyring entry has too few iterations", null);
                }
                KeyringEntry entry = new KeyringEntry(f[1], iterations, b64.decode(f[4]), b64.decode(f[6]),
                        b64.decode(f[7]));
                entries.put(entry.clerkId(), entry);
            } catch (IllegalArgumentException e) {
                throw corrupt("a keyring line is damaged", e);
            }
        }
        return new Keyring(entries, header);
    }

    private static StoreException corrupt(String message, Throwable cause) {
        return new StoreException(StoreError.CORRUPT_FILE, message, cause);
    }

    /** The keyring as the file's text. */
    public String format() {
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        if (fileHeader != null) {
            out.append("file-header ").append(b64.encodeToString(fileHeader)).append('\n');
        }
        entries.values().stream().sorted((a, b) -> a.clerkId().compareTo(b.clerkId())).forEach(e -> out
                .append("clerk ").append(e.clerkId())
                .append(" pbkdf2-hmac-sha256 ").append(e.iterations()).append(' ').append(b64.encodeToString(e.salt()))
                .append(" aes-256-gcm ").append(b64.encodeToString(e.iv())).append(' ')
                .append(b64.encodeToString(e.wrappedKey())).append('\n'));
        return out.toString();
    }

    /**
     * Replaces the keyring file atomically: a reader sees the old file or the new one, never a half-written one,
     * also after a power cut (the temporary file is forced to disk before the rename).
     */
    public void writeTo(Path file) {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                channel.write(StandardCharsets.US_ASCII.encode(format()));
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            StoreError error = isDiskFull(file, e) ? StoreError.DISK_FULL : StoreError.STORE_ERROR;
            throw new StoreException(error, "cannot write the keyring: " + e.getClass().getSimpleName(), e);
        }
    }

    private static boolean isDiskFull(Path file, IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left on device")) {
            return true;
        }
        try {
            FileStore store = Files.getFileStore(file.toAbsolutePath().getParent());
            return store.getUsableSpace() < 64 * 1024;
        } catch (IOException ignored) {
            return false;
        }
    }

    public boolean contains(String clerkId) {
        return entries.containsKey(clerkId);
    }

    public List<String> clerkIds() {
        return entries.keySet().stream().sorted().toList();
    }

    public Optional<KeyringEntry> entry(String clerkId) {
        return Optional.ofNullable(entries.get(clerkId));
    }

    /**
     * Unwraps the data key with a clerk's passphrase.
     *
     * @throws StoreException {@link StoreError#WRONG_PASSPHRASE} for an unknown clerk or a wrong passphrase (the same
     *     error for both, so the file does not confirm which clerk ids exist)
     */
    public DataKey unlock(String clerkId, char[] passphrase) {
        KeyringEntry entry = entries.get(clerkId);
        if (entry == null) {
            throw new StoreException(StoreError.WRONG_PASSPHRASE, "no such clerk or wrong passphrase", null);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keyEncryptionKey(passphrase, entry.salt(), entry.iterations()),
                    new GCMParameterSpec(GCM_TAG_BITS, entry.iv()));
            cipher.updateAAD(aad(clerkId));
            byte[] key = cipher.doFinal(entry.wrappedKey());
            try {
                return DataKey.of(key);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new StoreException(StoreError.WRONG_PASSPHRASE, "no such clerk or wrong passphrase", null);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new StoreException(StoreError.CORRUPT_FILE, "the keyring entry cannot be unwrapped", e);
        }
    }

    /** A keyring where {@code clerkId} (new or existing) opens the store with {@code passphrase}. */
    public Keyring with(String clerkId, char[] passphrase, DataKey key, int iterations, SecureRandom random) {
        if (!isValidClerkId(clerkId)) {
            throw new IllegalArgumentException("a clerk id is 1-40 letters, digits, '.', '_' or '-'");
        }
        if (iterations < MINIMUM_ITERATIONS) {
            throw new IllegalArgumentException("at least " + MINIMUM_ITERATIONS + " iterations");
        }
        if (passphrase.length < 8) {
            throw new StoreException(StoreError.BAD_INPUT, "a passphrase has at least 8 characters", null);
        }
        byte[] salt = new byte[16];
        byte[] iv = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(iv);
        byte[] plain = key.bytes();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keyEncryptionKey(passphrase, salt, iterations),
                    new GCMParameterSpec(GCM_TAG_BITS, iv));
            cipher.updateAAD(aad(clerkId));
            byte[] wrapped = cipher.doFinal(plain);
            Map<String, KeyringEntry> next = new LinkedHashMap<>(entries);
            next.put(clerkId, new KeyringEntry(clerkId, iterations, salt, iv, wrapped));
            return new Keyring(next, fileHeader);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** A keyring without the clerk. */
    public Keyring without(String clerkId) {
        Map<String, KeyringEntry> next = new LinkedHashMap<>(entries);
        next.remove(clerkId);
        return new Keyring(next, fileHeader);
    }

    private static SecretKeySpec keyEncryptionKey(char[] passphrase, byte[] salt, int iterations)
            throws GeneralSecurityException {
        KeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        byte[] kek = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        try {
            return new SecretKeySpec(kek, "AES");
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static byte[] aad(String clerkId) {
        return ("madoguchi-keyring-1:" + clerkId).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "Keyring" + new ArrayList<>(clerkIds());
    }
}
