package dev.madoguchi.store.keys;

/**
 * The data key wrapped for one clerk: PBKDF2-HMAC-SHA256 over the passphrase with {@code salt} and {@code iterations}
 * gives a key-encryption key; AES-256-GCM with {@code iv} and the clerk id as associated data wraps the data key.
 * Holds no secret in the clear.
 */
public record KeyringEntry(String clerkId, int iterations, byte[] salt, byte[] iv, byte[] wrappedKey) {

    public KeyringEntry {
        if (clerkId == null || !Keyring.isValidClerkId(clerkId)) {
            throw new IllegalArgumentException("a clerk id is 1-40 letters, digits, '.', '_' or '-'");
        }
        salt = salt.clone();
        iv = iv.clone();
        wrappedKey = wrappedKey.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    @Override
    public String toString() {
        return "KeyringEntry[" + clerkId + ", " + iterations + " iterations]";
    }
}
