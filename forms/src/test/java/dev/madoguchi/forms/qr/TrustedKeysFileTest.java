package dev.madoguchi.forms.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedKeysFileTest {

    private static final Instant CREATED = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant ROTATED = Instant.parse("2026-12-01T00:00:00Z");
    private final QrCodec codec = new QrCodec();

    @TempDir
    Path dir;

    private static QrPayload signedAt(Instant at) {
        return new QrPayload("inkan-toroku", "1.0.0", "cd".repeat(32), null, Map.of("name", "𠮷田　太郎"), at);
    }

    @Test
    void aRotatedKeyStillVerifiesWhatItSignedBeforeItsEndAndNothingAfter() throws Exception {
        TerminalKey old = TerminalKey.generate();
        TerminalKey current = TerminalKey.parse(TerminalKey.generate().pem()); // the PEM text round-trips
        Path file = dir.resolve("madoguchi-keys.json");
        Files.writeString(file, TrustedKeysFile.write("terminal-7", List.of(
                new TrustedKeysFile.Entry(old.publicKey(), CREATED, ROTATED),
                new TrustedKeysFile.Entry(current.publicKey(), ROTATED, null))));
        assertThat(Files.readString(file)).contains(TerminalKey.keyIdHex(old.publicKey()))
                .doesNotContain("PRIVATE");

        List<TrustedKey> trusted = TrustedKeysFile.read(file);
        assertThat(trusted).hasSize(2);
        assertThat(trusted.get(0).notAfter()).isEqualTo(ROTATED);
        assertThat(codec.verify(codec.encode(signedAt(ROTATED.minusSeconds(60)), old), trusted).formId())
                .isEqualTo("inkan-toroku");
        assertThat(codec.verify(codec.encode(signedAt(ROTATED.plusSeconds(60)), current), trusted).formId())
                .isEqualTo("inkan-toroku");
        assertThatThrownBy(() -> codec.verify(codec.encode(signedAt(ROTATED.plusSeconds(60)), old), trusted))
                .isInstanceOfSatisfying(QrVerificationException.class,
                        e -> assertThat(e.error()).isEqualTo(QrError.EXPIRED_KEY));
    }

    @Test
    void aKidThatDoesNotMatchItsKeyOrAnotherFormatIsRefused() throws IOException {
        TerminalKey key = TerminalKey.generate();
        String text = TrustedKeysFile.write("t", List.of(new TrustedKeysFile.Entry(key.publicKey(), CREATED, null)));
        String wrongKid = text.replace(TerminalKey.keyIdHex(key.publicKey()), "0011223344556677");
        assertThatThrownBy(() -> TrustedKeysFile.entries(wrongKid, "f.json")).isInstanceOf(IOException.class)
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> TrustedKeysFile.entries("{\"keys\": []}", "f.json")).isInstanceOf(IOException.class)
                .hasMessageContaining("madoguchi-trusted-keys-1");
    }
}
