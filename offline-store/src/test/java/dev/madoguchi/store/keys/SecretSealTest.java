package dev.madoguchi.store.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSealTest {

    private static final byte[] SECRET = "-----BEGIN PRIVATE KEY----- not a real key".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void aSealedSecretOpensForEveryClerkOfTheSameStoreAndOnlyForItsPurpose() {
        byte[] sealed;
        try (LocalStore admin = TestStores.createWithClerks(dir.resolve("a"))) {
            sealed = admin.secretSeal().seal("terminal-key", SECRET);
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE KEY");
            assertThat(admin.secretSeal().seal("terminal-key", SECRET)).isNotEqualTo(sealed); // a fresh IV each time
            assertThatThrownBy(() -> admin.secretSeal().unseal("other-purpose", sealed))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.WRONG_KEY));
        }
        try (LocalStore clerk = TestStores.openAs(dir.resolve("a"), TestStores.CLERK, TestStores.CLERK_PASSPHRASE)) {
            assertThat(clerk.secretSeal().unseal("terminal-key", sealed)).isEqualTo(SECRET);
            byte[] changed = sealed.clone();
            changed[changed.length - 1] ^= 1;
            assertThatThrownBy(() -> clerk.secretSeal().unseal("terminal-key", changed))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.WRONG_KEY));
        }
        try (LocalStore other = TestStores.createWithClerks(dir.resolve("b"))) {
            assertThatThrownBy(() -> other.secretSeal().unseal("terminal-key", sealed))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.WRONG_KEY));
        }
    }

    @Test
    void aClosedStoreNeitherSealsNorUnseals() {
        LocalStore store = TestStores.createWithClerks(dir.resolve("a"));
        SecretSeal seal = store.secretSeal();
        byte[] sealed = seal.seal("terminal-key", SECRET);
        store.close();
        assertThatThrownBy(() -> seal.unseal("terminal-key", sealed))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.NOT_PERMITTED));
        assertThatThrownBy(() -> seal.seal("terminal-key", SECRET))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.NOT_PERMITTED));
    }
}
