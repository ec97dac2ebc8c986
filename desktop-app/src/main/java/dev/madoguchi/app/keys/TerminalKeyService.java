package dev.madoguchi.app.keys;

import dev.madoguchi.app.files.OwnerOnlyFiles;
import dev.madoguchi.forms.qr.TerminalKey;
import dev.madoguchi.forms.qr.TrustedKeysFile;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's QR signing key, sealed under the store's data key (docs/adr/0025): usable only while a clerk is
 * signed in. {@code <data-dir>/keys/terminal-keys.json} holds every key the terminal has had — public key and validity
 * period in clear (for {@code doctor} and the back office's file), the current key pair sealed. A plain PEM of an
 * earlier version ({@code terminal-p256.pem}) is sealed at the first sign-in and overwritten and deleted.
 */
public final class TerminalKeyService {

    /** The plain key file of earlier versions. */
    public static final String PLAIN_KEY_FILE = "terminal-p256.pem";
    static final String HISTORY_FILE = "terminal-keys.json";
    private static final String PURPOSE = "terminal-key";
    private static final Logger LOG = LoggerFactory.getLogger(TerminalKeyService.class);

    private final Path directory;
    private final Clock clock;

    /** @param keysDirectory {@code <data-dir>/keys} */
    public TerminalKeyService(Path keysDirectory, Clock clock) {
        this.directory = keysDirectory;
        this.clock = clock;
    }

    public static TerminalKeyService in(Path dataDirectory) {
        return new TerminalKeyService(dataDirectory.resolve("keys"), Clock.systemUTC());
    }

    /** What {@code doctor} and {@code keys show} say about the key: never the key itself. */
    public record KeyInfo(String keyId, Instant notBefore, Instant notAfter, boolean current) {}

    /**
     * The current signing key, opened with the signed-in store's data key; made (or sealed from an earlier plain PEM)
     * on first use.
     *
     * @param store the signed-in clerk's store, or null when nobody is signed in
     * @throws TerminalKeyException {@link TerminalKeyError#SIGNED_OUT} without an open store, {@code DAMAGED} …
     */
    public synchronized TerminalKey signingKey(LocalStore store) {
        if (store == null) {
            throw new TerminalKeyException(TerminalKeyError.SIGNED_OUT, "no clerk is signed in", null);
        }
        sealPlainKey(store);
        List<TerminalKeyHistory.Entry> keys = history().entries();
        if (keys.isEmpty()) {
            TerminalKey made = TerminalKey.generate();
            write(new TerminalKeyHistory(List.of(sealed(store, made, clock.instant()))));
            LOG.info("made the terminal's signing key {}", TerminalKey.keyIdHex(made.publicKey()));
            return made;
        }
        return unseal(store, keys.get(keys.size() - 1));
    }

    /** {@link #sealPlainKey} at a clerk's sign-in: a failure is logged (doctor shows it), the sign-in goes on. */
    public void sealPlainKeyAtSignIn(LocalStore store) {
        try {
            sealPlainKey(store);
        } catch (TerminalKeyException e) {
            LOG.warn("the plain signing key was not sealed: {}", e.getMessage());
        }
    }

    /**
     * Seals a plain PEM key file of an earlier version and deletes it (overwritten first).
     *
     * @return true when a plain key file was sealed now
     */
    public synchronized boolean sealPlainKey(LocalStore store) {
        Path plain = directory.resolve(PLAIN_KEY_FILE);
        if (store == null || !Files.exists(plain)) {
            return false;
        }
        try {
            TerminalKey key = TerminalKey.load(plain);
            TerminalKeyHistory history = history();
            boolean known = history.entries().stream().anyMatch(e -> e.publicKey().equals(key.publicKey()));
            if (!known) {
                if (!history.entries().isEmpty()) {
                    throw new TerminalKeyException(TerminalKeyError.DAMAGED,
                            "a plain key file lies beside a sealed key it is not part of", null);
                }
                Instant made = Files.getLastModifiedTime(plain).toInstant();
                write(new TerminalKeyHistory(List.of(sealed(store, key, made))));
            }
            wipe(plain);
            LOG.info("sealed the plain signing key {} under the store's key and deleted the file",
                    TerminalKey.keyIdHex(key.publicKey()));
            return !known;
        } catch (IOException e) {
            throw new TerminalKeyException(TerminalKeyError.DAMAGED, "the plain key file cannot be read: " + e, e);
        }
    }

    /**
     * Replaces the signing key by a new one: the old key's validity ends now (what it signed before stays valid), its
     * private half is dropped. Administrators only. Also the remedy when the key does not open with this store (a
     * store made anew on this computer): the old public keys stay in the history.
     */
    public synchronized KeyInfo rotate(LocalStore store) {
        if (store == null) {
            throw new TerminalKeyException(TerminalKeyError.SIGNED_OUT, "no clerk is signed in", null);
        }
        if (store.clerk().role() != Role.ADMINISTRATOR) {
            throw new TerminalKeyException(TerminalKeyError.NOT_PERMITTED, "only an administrator rotates the key", null);
        }
        sealPlainKey(store);
        if (history().entries().isEmpty()) {
            TerminalKey made = signingKey(store); // nothing to replace: the first key
            return new KeyInfo(TerminalKey.keyIdHex(made.publicKey()), clock.instant(), null, true);
        }
        // the current key is not opened: rotation is also the way out when it was sealed under another store's key
        Instant now = clock.instant();
        List<TerminalKeyHistory.Entry> keys = new ArrayList<>(history().entries());
        TerminalKeyHistory.Entry last = keys.remove(keys.size() - 1);
        keys.add(new TerminalKeyHistory.Entry(last.publicKey(), last.notBefore(), now, null));
        TerminalKey made = TerminalKey.generate();
        keys.add(sealed(store, made, now));
        write(new TerminalKeyHistory(keys));
        LOG.info("rotated the terminal's signing key {} to {}", TerminalKey.keyIdHex(last.publicKey()),
                TerminalKey.keyIdHex(made.publicKey()));
        return new KeyInfo(TerminalKey.keyIdHex(made.publicKey()), now, null, true);
    }

    /** Every key the terminal has had, oldest first (no store needed: only public keys). */
    public synchronized List<KeyInfo> keys() {
        List<TerminalKeyHistory.Entry> keys = history().entries();
        List<KeyInfo> infos = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            TerminalKeyHistory.Entry e = keys.get(i);
            infos.add(new KeyInfo(TerminalKey.keyIdHex(e.publicKey()), e.notBefore(), e.notAfter(), i == keys.size() - 1));
        }
        return infos;
    }

    /** True while a plain key file of an earlier version waits for a clerk's sign-in to be sealed. */
    public boolean plainKeyPresent() {
        return Files.exists(directory.resolve(PLAIN_KEY_FILE));
    }

    /** The current public key as PEM. */
    public synchronized String currentPublicKeyPem() {
        List<TerminalKeyHistory.Entry> keys = history().entries();
        if (keys.isEmpty()) {
            throw new TerminalKeyException(TerminalKeyError.NO_KEY, "no signing key yet", null);
        }
        return TerminalKey.publicKeyPem(keys.get(keys.size() - 1).publicKey());
    }

    /** Every public key with its validity period, oldest first (no store needed). */
    public synchronized List<TrustedKeysFile.Entry> publicKeys() {
        return history().entries().stream()
                .map(e -> new TrustedKeysFile.Entry(e.publicKey(), e.notBefore(), e.notAfter())).toList();
    }

    /** The back office's file: every public key with its validity period ({@link TrustedKeysFile}). */
    public synchronized String exportPublic(String terminal) {
        List<TrustedKeysFile.Entry> keys = publicKeys();
        if (keys.isEmpty()) {
            throw new TerminalKeyException(TerminalKeyError.NO_KEY, "no signing key yet", null);
        }
        return TrustedKeysFile.write(terminal, keys);
    }

    private static TerminalKeyHistory.Entry sealed(LocalStore store, TerminalKey key, Instant notBefore) {
        byte[] pem = key.pem().getBytes(StandardCharsets.US_ASCII);
        try {
            return new TerminalKeyHistory.Entry(key.publicKey(), notBefore, null,
                    store.secretSeal().seal(PURPOSE, pem));
        } catch (StoreException e) {
            throw translate(e);
        } finally {
            Arrays.fill(pem, (byte) 0);
        }
    }

    private static TerminalKey unseal(LocalStore store, TerminalKeyHistory.Entry entry) {
        if (entry.sealedKeyPair() == null) {
            throw new TerminalKeyException(TerminalKeyError.DAMAGED, "the current key has no sealed key pair", null);
        }
        byte[] pem = null;
        try {
            pem = store.secretSeal().unseal(PURPOSE, entry.sealedKeyPair());
            TerminalKey key = TerminalKey.parse(new String(pem, StandardCharsets.US_ASCII));
            if (!key.publicKey().equals(entry.publicKey())) {
                throw new TerminalKeyException(TerminalKeyError.DAMAGED, "the sealed key is not the listed one", null);
            }
            return key;
        } catch (StoreException e) {
            throw translate(e);
        } catch (IOException e) {
            throw new TerminalKeyException(TerminalKeyError.DAMAGED, "the sealed key is not a key pair", e);
        } finally {
            if (pem != null) {
                Arrays.fill(pem, (byte) 0);
            }
        }
    }

    private static TerminalKeyException translate(StoreException e) {
        return e.error() == StoreError.NOT_PERMITTED
                ? new TerminalKeyException(TerminalKeyError.SIGNED_OUT, "the store is closed", e)
                : new TerminalKeyException(TerminalKeyError.DAMAGED, "the sealed key does not open with this store", e);
    }

    private TerminalKeyHistory history() {
        Path file = directory.resolve(HISTORY_FILE);
        if (!Files.exists(file)) {
            return new TerminalKeyHistory(List.of());
        }
        try {
            return TerminalKeyHistory.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TerminalKeyException(TerminalKeyError.DAMAGED, file.getFileName() + " cannot be read: " + e, e);
        }
    }

    private void write(TerminalKeyHistory history) {
        try {
            OwnerOnlyFiles.secureDirectory(directory);
            Path temp = Files.createTempFile(directory, "terminal-keys", ".tmp"); // 0600 on POSIX; the ACL inherited
            Files.writeString(temp, history.json(), StandardCharsets.UTF_8);
            Files.move(temp, directory.resolve(HISTORY_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TerminalKeyException(TerminalKeyError.DAMAGED, "cannot write the key file: " + e, e);
        }
    }

    /**
     * Overwrites a file with random bytes, forces it to the disk and deletes it. On a journalling or copy-on-write
     * file system or an SSD, old blocks may survive: docs/adr/0025 says so.
     */
    static void wipe(Path file) throws IOException {
        long size = Files.size(file);
        byte[] noise = new byte[(int) Math.min(size, 1 << 16)];
        new SecureRandom().nextBytes(noise);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            for (long written = 0; written < size; ) {
                ByteBuffer buffer = ByteBuffer.wrap(noise, 0, (int) Math.min(noise.length, size - written));
                written += channel.write(buffer, written);
            }
            channel.force(true);
        }
        Files.delete(file);
    }

    /** Public-key-only view for callers that must not open the store (e.g. {@code doctor}). */
    public Optional<KeyInfo> current() {
        List<KeyInfo> keys = keys();
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(keys.size() - 1));
    }
}
