package dev.madoguchi.store.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int FEW = Keyring.MINIMUM_ITERATIONS;

    @TempDir
    Path dir;

    @Test
    void everyAuthorisedClerkUnwrapsTheSameDataKey() {
        DataKey key = DataKey.generate(RANDOM);
        Keyring keyring = Keyring.empty()
                .with("a", "passphrase a".toCharArray(), key, FEW, RANDOM)
                .with("b", "passphrase b".toCharArray(), key, FEW, RANDOM);

        assertThat(keyring.unlock("a", "passphrase a".toCharArray()).sameAs(key)).isTrue();
        assertThat(keyring.unlock("b", "passphrase b".toCharArray()).sameAs(key)).isTrue();
    }

    @Test
    void aWrongPassphraseOrAnUnknownClerkIsTheSameError() {
        Keyring keyring = Keyring.empty().with("a", "passphrase a".toCharArray(), DataKey.generate(RANDOM), FEW, RANDOM);

        for (var attempt : List.of(new String[] {"a", "passphrase b"}, new String[] {"z", "passphrase a"})) {
            assertThatThrownBy(() -> keyring.unlock(attempt[0], attempt[1].toCharArray()))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.WRONG_PASSPHRASE));
        }
    }

    @Test
    void aPassphraseChangeRewrapsOnlyThatClerksEntry() {
        DataKey key = DataKey.generate(RANDOM);
        Keyring before = Keyring.empty()
                .with("a", "passphrase a".toCharArray(), key, FEW, RANDOM)
                .with("b", "passphrase b".toCharArray(), key, FEW, RANDOM);
        Keyring after = before.with("a", "new passphrase a".toCharArray(), key, FEW, RANDOM);

        String lineOfB = before.format().lines().filter(l -> l.startsWith("clerk b ")).findFirst().orElseThrow();
        assertThat(after.format()).contains(lineOfB);
        assertThat(after.unlock("a", "new passphrase a".toCharArray()).sameAs(key)).isTrue();
        assertThatThrownBy(() -> after.unlock("a", "passphrase a".toCharArray())).isInstanceOf(StoreException.class);
    }

    @Test
    void anEntryCopiedToAnotherClerkIdDoesNotUnwrap() {
        Keyring keyring = Keyring.empty().with("a", "passphrase a".toCharArray(), DataKey.generate(RANDOM), FEW, RANDOM);
        String forged = keyring.format().replace("clerk a ", "clerk b ");

        assertThatThrownBy(() -> Keyring.parse(forged.lines().toList()).unlock("b", "passphrase a".toCharArray()))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(StoreError.WRONG_PASSPHRASE));
    }

    @Test
    void aKeyringEditedDownToFewIterationsIsRejectedAsCorrupt() {
        Keyring keyring = Keyring.empty().with("a", "passphrase a".toCharArray(), DataKey.generate(RANDOM), FEW, RANDOM);
        String weakened = keyring.format().replace(" " + FEW + " ", " 10 ");

        assertThatThrownBy(() -> Keyring.parse(weakened.lines().toList()))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(StoreError.CORRUPT_FILE));
    }

    @Test
    void isWrittenAtomicallyAndReadBackAndHoldsNoKeyInTheClear() throws Exception {
        DataKey key = DataKey.generate(RANDOM);
        Path file = Keyring.in(dir);
        Keyring.empty().with("a", "passphrase a".toCharArray(), key, Keyring.DEFAULT_ITERATIONS, RANDOM).writeTo(file);

        Keyring back = Keyring.read(file);
        assertThat(back.entry("a").orElseThrow().iterations()).isEqualTo(Keyring.DEFAULT_ITERATIONS);
        assertThat(back.unlock("a", "passphrase a".toCharArray()).sameAs(key)).isTrue();
        assertThat(Files.list(dir)).containsExactly(file);
        String text = Files.readString(file);
        assertThat(text).doesNotContain(java.util.Base64.getEncoder().encodeToString(key.bytes()));
        assertThat(text).doesNotContain(java.util.HexFormat.of().formatHex(key.bytes()));
    }

    @Test
    void aShortPassphraseIsRefused() {
        assertThatThrownBy(() -> Keyring.empty().with("a", "short".toCharArray(), DataKey.generate(RANDOM), FEW, RANDOM))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(StoreError.BAD_INPUT));
    }

    @Test
    void theKeyNeverAppearsInToString() {
        DataKey key = DataKey.generate(RANDOM);
        assertThat(key.toString()).doesNotContain(java.util.HexFormat.of().formatHex(key.bytes()));
        assertThat(new String(key.h2Password())).doesNotContain(java.util.HexFormat.of().formatHex(key.bytes()));
    }
}
