package dev.madoguchi.store.keys;

import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a small secret (e.g. the terminal's QR signing key) under the store's data key, so that it is usable only while a
 * clerk is signed in: AES-256-GCM under a key derived from the data key for the secret's purpose, a random 12-byte IV,
 * the purpose as associated data. Sealed form: {@code 0x01 || iv || ciphertext+tag}. Once the store is closed (its data
 * key destroyed) every call fails with {@link StoreError#NOT_PERMITTED}.
 */
public final class SecretSeal {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private final DataKey key;
    private final BooleanSupplier open;
    private final SecureRandom random;

    /** @param open false once the store is closed: nothing is sealed or unsealed after that */
    public SecretSeal(DataKey key, BooleanSupplier open, SecureRandom random) {
        this.key = Objects.requireNonNull(key, "key");
        this.open = open;
        this.random = random;
    }

    /** Seals {@code secret} for {@code purpose} (a short ASCII label, e.g. {@code "terminal-key"}). */
    public byte[] seal(String purpose, byte[] secret) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, purpose, iv).doFinal(secret);
            byte[] out = new byte[1 + IV_BYTES + sealed.length];
            out[0] = VERSION;
            System.arraycopy(iv, 0, out, 1, IV_BYTES);
            System.arraycopy(sealed, 0, out, 1 + IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * Opens what {@link #seal} sealed for the same purpose under this store's data key.
     *
     * @throws StoreException {@link StoreError#WRONG_KEY} when it was sealed under another store's key or for another
     *     purpose, or was changed; {@link StoreError#NOT_PERMITTED} when the store is closed
     */
    public byte[] unseal(String purpose, byte[] sealed) {
        if (sealed.length < 1 + IV_BYTES + 16 || sealed[0] != VERSION) {
            throw new StoreException(StoreError.WRONG_KEY, "not a sealed secret of this version", null);
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, purpose, Arrays.copyOfRange(sealed, 1, 1 + IV_BYTES))
                    .doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new StoreException(StoreError.WRONG_KEY,
                    "the sealed " + purpose + " does not open with this store's key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private Cipher cipher(int mode, String purpose, byte[] iv) throws GeneralSecurityException {
        if (!open.getAsBoolean()) {
            throw new StoreException(StoreError.NOT_PERMITTED,
                    "the store is closed: a clerk must sign in to use a sealed secret", null);
        }
        byte[] derived = key.derive("seal:" + purpose);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(derived, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(("madoguchi-seal-1:" + purpose).getBytes(StandardCharsets.UTF_8));
            return cipher;
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "SecretSeal[hidden]";
    }
}
