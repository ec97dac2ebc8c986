package dev.madoguchi.app.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.forms.qr.QrCodec;
import dev.madoguchi.forms.qr.QrError;
import dev.madoguchi.forms.qr.QrPayload;
import dev.madoguchi.forms.qr.QrVerificationException;
import dev.madoguchi.forms.qr.TerminalKey;
import dev.madoguchi.forms.qr.TrustedKey;
import dev.madoguchi.forms.qr.TrustedKeysFile;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalKeyServiceTest {

    private static final StoreOptions OPTIONS = new StoreOptions("test-terminal", 1_000, Clock.systemUTC(),
            new SecureRandom());
    private static final char[] ADMIN = "admin passphrase 1".toCharArray();
    private static final char[] CLERK = "clerk passphrase 1".toCharArray();
    private static final Instant MADE = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant ROTATED = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path dataDir;

    private Path storeDir;
    private final QrCodec codec = new QrCodec();

    @BeforeEach
    void createStore() {
        storeDir = dataDir.resolve("store");
        try (LocalStore admin = LocalStore.create(storeDir, new Clerk("admin", "管理者", Role.ADMINISTRATOR), ADMIN,
                OPTIONS)) {
            admin.clerks().add(new Clerk("clerk1", "窓口 一郎", Role.CLERK), CLERK);
        }
    }

    private TerminalKeyService keys(Instant now) {
        return new TerminalKeyService(dataDir.resolve("keys"), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static QrPayload payload(Instant signedAt) {
        return new QrPayload("inkan-toroku", "1.0.0", "ab".repeat(32), null, Map.of("name", "𠮷田　太郎"), signedAt);
    }

    @Test
    void withoutASignedInClerkNothingCanSign() {
        TerminalKeyService keys = keys(MADE);
        assertThatThrownBy(() -> keys.signingKey(null)).isInstanceOfSatisfying(TerminalKeyException.class,
                e -> assertThat(e.error()).isEqualTo(TerminalKeyError.SIGNED_OUT));
        LocalStore store = LocalStore.open(storeDir, "clerk1", CLERK, OPTIONS);
        TerminalKey key = keys.signingKey(store); // made at the first use, sealed
        store.close(); // signed out (or locked): the same store object no longer opens the key
        assertThatThrownBy(() -> keys.signingKey(store)).isInstanceOfSatisfying(TerminalKeyException.class,
                e -> assertThat(e.error()).isEqualTo(TerminalKeyError.SIGNED_OUT));
        assertThat(keys.current()).get().extracting(TerminalKeyService.KeyInfo::keyId)
                .isEqualTo(TerminalKey.keyIdHex(key.publicKey()));
    }

    @Test
    void theKeyIsSealedOnDiskAndOpensForAnyClerkOfTheStoreOnly() throws Exception {
        TerminalKeyService keys = keys(MADE);
        TerminalKey made;
        try (LocalStore clerk = LocalStore.open(storeDir, "clerk1", CLERK, OPTIONS)) {
            made = keys.signingKey(clerk);
        }
        try (LocalStore admin = LocalStore.open(storeDir, "admin", ADMIN, OPTIONS)) {
            assertThat(keys.signingKey(admin).publicKey()).isEqualTo(made.publicKey());
        }
        String privateBase64 = made.pem().split("-----")[2].strip().replace("\n", "").substring(0, 40);
        assertThat(filesUnder(dataDir.resolve("keys"))).isNotEmpty().allSatisfy(text -> assertThat(text)
                .doesNotContain("PRIVATE KEY").doesNotContain(privateBase64));
        Path other = dataDir.resolve("other-store");
        try (LocalStore foreign = LocalStore.create(other, new Clerk("admin", "管理者", Role.ADMINISTRATOR), ADMIN,
                OPTIONS)) {
            assertThatThrownBy(() -> keys.signingKey(foreign)).isInstanceOfSatisfying(TerminalKeyException.class,
                    e -> assertThat(e.error()).isEqualTo(TerminalKeyError.DAMAGED));
            keys.rotate(foreign); // the way out for a new store on this computer: a new key, the old public one kept
            assertThat(keys.signingKey(foreign).publicKey()).isNotEqualTo(made.publicKey());
            assertThat(keys.publicKeys()).extracting(TrustedKeysFile.Entry::publicKey).contains(made.publicKey());
        }
    }

    @Test
    void aPlainKeyOfAnEarlierVersionIsSealedAtSignInAndItsFileErased() throws Exception {
        Path plain = dataDir.resolve("keys").resolve(TerminalKeyService.PLAIN_KEY_FILE);
        TerminalKey old = TerminalKey.loadOrCreate(plain);
        TerminalKeyService keys = keys(MADE);
        assertThat(keys.plainKeyPresent()).isTrue();
        try (LocalStore clerk = LocalStore.open(storeDir, "clerk1", CLERK, OPTIONS)) {
            keys.sealPlainKeyAtSignIn(clerk);
            assertThat(plain).doesNotExist();
            assertThat(keys.signingKey(clerk).publicKey()).isEqualTo(old.publicKey());
        }
        assertThat(keys.plainKeyPresent()).isFalse();
        assertThat(keys.current()).get().extracting(TerminalKeyService.KeyInfo::keyId)
                .isEqualTo(TerminalKey.keyIdHex(old.publicKey()));
    }

    @Test
    void afterRotationOldFormsStillVerifyAgainstTheExportedFileAndNewOnesAreSignedByTheNewKey() throws Exception {
        TerminalKey old;
        try (LocalStore clerk = LocalStore.open(storeDir, "clerk1", CLERK, OPTIONS)) {
            old = keys(MADE).signingKey(clerk);
            assertThatThrownBy(() -> keys(ROTATED).rotate(clerk)).isInstanceOfSatisfying(TerminalKeyException.class,
                    e -> assertThat(e.error()).isEqualTo(TerminalKeyError.NOT_PERMITTED));
        }
        List<String> signedBefore = codec.encode(payload(ROTATED.minusSeconds(3600)), old);
        TerminalKey current;
        try (LocalStore admin = LocalStore.open(storeDir, "admin", ADMIN, OPTIONS)) {
            TerminalKeyService.KeyInfo made = keys(ROTATED).rotate(admin);
            current = keys(ROTATED).signingKey(admin);
            assertThat(made.keyId()).isEqualTo(TerminalKey.keyIdHex(current.publicKey()))
                    .isNotEqualTo(TerminalKey.keyIdHex(old.publicKey()));
        }
        Path exported = dataDir.resolve("madoguchi-keys.json");
        Files.writeString(exported, keys(ROTATED).exportPublic("test-terminal"));
        List<TrustedKey> trusted = TrustedKeysFile.read(exported);
        assertThat(trusted).hasSize(2);
        assertThat(codec.verify(signedBefore, trusted).formId()).isEqualTo("inkan-toroku");
        assertThat(codec.verify(codec.encode(payload(ROTATED.plusSeconds(60)), current), trusted).formId())
                .isEqualTo("inkan-toroku");
        assertThatThrownBy(() -> codec.verify(codec.encode(payload(ROTATED.plusSeconds(60)), old), trusted))
                .isInstanceOfSatisfying(QrVerificationException.class,
                        e -> assertThat(e.error()).isEqualTo(QrError.EXPIRED_KEY));
        assertThat(keys(ROTATED).keys()).extracting(TerminalKeyService.KeyInfo::notAfter)
                .containsExactly(ROTATED, null);
    }

    private static List<String> filesUnder(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
