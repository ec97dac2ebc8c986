package dev.madoguchi.forms.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.forms.ExternalTools;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreRegistrationCodecTest {

    private static final Instant ISSUED = Instant.parse("2026-12-01T09:00:00Z");

    /** The longest realistic person: a long name with characters outside JIS X 0208, a long rural address. */
    static PreRegistration longest() {
        return new PreRegistration("髙﨑　𠮷之助左衛門太郎兵衛", "タカサキ　ヨシノスケザエモンタロウベエ",
                LocalDate.of(1938, 4, 1), Sex.MALE,
                "〒044-0081 北海道虻田郡倶知安町字樺山一丁目二番地三十四号 ニセコ・グランドヒルズ・レジデンス南棟一二〇三号室",
                "090-1234-5678", List.of(CareFlag.of(CareKind.ELDERLY), new CareFlag(CareKind.ALLERGY, "卵・小麦・えび"),
                        new CareFlag(CareKind.MEDICATION, "インスリン"), new CareFlag(CareKind.LANGUAGE, "vi")),
                new Consent(true, false, true), "PR-2026-0001234567", ISSUED);
    }

    /** Every field at its length limit (kanji, several outside the BMP): the worst case the limits allow. */
    static PreRegistration atEveryLimit() {
        String cjk = "𠮷髙﨑邊";
        return new PreRegistration(repeat(cjk, PreRegistration.MAX_NAME), "ア".repeat(PreRegistration.MAX_KANA),
                LocalDate.of(1938, 4, 1), Sex.FEMALE, repeat("北海道虻田郡倶知安町字樺山", PreRegistration.MAX_ADDRESS),
                "+81-90-1234-5678-999", java.util.stream.Stream.of(CareKind.values()).limit(PreRegistration.MAX_FLAGS)
                        .map(k -> k.detailed() ? new CareFlag(k, repeat("卵小麦", PreRegistration.MAX_FLAG_DETAIL))
                                : CareFlag.of(k)).toList(),
                new Consent(true, true, true), "X".repeat(PreRegistration.MAX_REFERENCE), ISSUED);
    }

    /** {@code codePoints} characters drawn from a seeded generator (no repetition for zlib to fold). */
    private static String repeat(String s, int codePoints) {
        java.util.Random random = new java.util.Random(s.hashCode());
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            b.appendCodePoint(i % 7 == 0 ? 0x20000 + random.nextInt(0x2000) : 0x4E00 + random.nextInt(0x5000));
        }
        return b.toString();
    }

    private final PreRegistrationCodec codec = new PreRegistrationCodec();
    private final TerminalKey municipality = TerminalKey.generate();

    @TempDir
    Path dir;

    @Test
    void aSignedLongestPersonFitsTheBudgetAndComesBackExactly() throws Exception {
        String text = codec.encodeSigned(longest(), municipality);
        assertThat(text).startsWith("MGE1S").hasSizeLessThanOrEqualTo(PreRegistrationCodec.MAX_TEXT)
                .matches("[A-Z0-9]+");
        assertThat(QrSymbols.versionOf(PreRegistrationCodec.symbol(text)))
                .isLessThanOrEqualTo(PreRegistrationCodec.MAX_VERSION);
        PreRegistrationCodec.Scanned scanned = codec.decode(text + "\r\n", List.of(municipality.trusted("市")));
        assertThat(scanned.signedBy()).isEqualTo("市");
        assertThat(scanned.person()).isEqualTo(longest());
        System.out.println("pre-registration QR, longest realistic signed: " + text.length() + " characters, version "
                + QrSymbols.versionOf(PreRegistrationCodec.symbol(text)) + " at level Q; plain: "
                + codec.encodePlain(longest()).length());
    }

    @Test
    void aPlainPersonWithOnlyTheFiveItemsIsSmall() throws Exception {
        PreRegistration p = new PreRegistration("山田　花子", "ヤマダ　ハナコ", LocalDate.of(1980, 2, 17), Sex.FEMALE,
                "東京都千代田区霞が関1-2-3", "", List.of(), null, "", null);
        String text = codec.encodePlain(p);
        assertThat(text).startsWith("MGE1P").hasSizeLessThan(200);
        PreRegistrationCodec.Scanned back = codec.decode(text, List.of());
        assertThat(back.signed()).isFalse();
        assertThat(back.person()).isEqualTo(p);
        assertThat(back.person().consent()).isNull();
    }

    @Test
    void everyFieldAtItsLimitIsRefusedWhenOverTheBudgetNeverCutSilently() {
        assertThatThrownBy(() -> codec.encodeSigned(atEveryLimit(), municipality))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("budget");
        assertThatThrownBy(() -> new PreRegistration("あ".repeat(41), "", null, null, "", "", List.of(), null, "", null))
                .hasMessageContaining("name");
    }

    @Test
    void whatAKeyboardWedgeDoesToTheTextIsUndone() throws Exception {
        String text = codec.encodeSigned(longest(), municipality);
        List<TrustedKey> trusted = List.of(municipality.trusted("市"));
        // Caps Lock on: letters arrive in lower case
        assertThat(codec.decode(text.toLowerCase(), trusted).person()).isEqualTo(longest());
        // the IME in full-width alphanumeric mode: ＭＧＥ１Ｓ…
        StringBuilder wide = new StringBuilder();
        text.chars().forEach(c -> wide.append((char) (c + 0xFEE0)));
        assertThat(codec.decode(wide + "\t", trusted).person()).isEqualTo(longest());
        // the IME in kana mode turns letters into kana: said as such, not as "damaged"
        assertThatThrownBy(() -> codec.decode("もげ1せ" + text.substring(5), trusted))
                .isInstanceOfSatisfying(QrVerificationException.class,
                        e -> assertThat(e.error()).isEqualTo(QrError.INPUT_METHOD));
    }

    @Test
    void aChangedUnknownForeignOrCutTextIsRefusedWithItsReason() throws Exception {
        String text = codec.encodeSigned(longest(), municipality);
        List<TrustedKey> trusted = List.of(municipality.trusted("市"));
        assertThat(error(codec, "", trusted)).isEqualTo(QrError.NO_QR_CODE);
        assertThat(error(codec, "HTTPS://EXAMPLE.JP/", trusted)).isEqualTo(QrError.FOREIGN);
        assertThat(error(codec, "MGE2S" + text.substring(5), trusted)).isEqualTo(QrError.UNSUPPORTED);
        assertThat(error(codec, text.substring(0, text.length() - 9), trusted)).isEqualTo(QrError.DAMAGED);
        assertThat(error(codec, text, List.of(TerminalKey.generate().trusted("他")))).isEqualTo(QrError.UNKNOWN_KEY);
        assertThat(error(codec, text, List.of(TrustedKey.of("市", municipality.publicKey(),
                ISSUED.minusSeconds(1))))).isEqualTo(QrError.EXPIRED_KEY);
        // a signed body whose payload was changed (same length, other name) keeps its signature: bad signature
        byte[] cose = QrCodec.inflate(Base32.decode(text.substring(5)));
        byte[] name = "髙﨑".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = indexOf(cose, name);
        cose[at + 2] ^= 0x01;
        String tampered = "MGE1S" + Base32.encode(QrCodec.deflate(cose));
        assertThat(error(codec, tampered, trusted)).isEqualTo(QrError.BAD_SIGNATURE);
        // a plain text passed off as signed is not a COSE_Sign1
        assertThat(error(codec, "MGE1S" + codec.encodePlain(longest()).substring(5), trusted))
                .isEqualTo(QrError.DAMAGED);
    }

    @Test
    void zbarReadsThePrintedSymbolAndTheCodecAcceptsIt() throws Exception {
        ExternalTools.require("zbarimg", "zbar-tools");
        String text = codec.encodeSigned(longest(), municipality);
        Path png = dir.resolve("card.png");
        com.google.zxing.common.BitMatrix symbol = PreRegistrationCodec.symbol(text);
        int scale = 4; // 4 pixels a module: a card printed at 0.4 mm a module, scanned at about 250 dpi
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(symbol.getWidth() * scale,
                symbol.getHeight() * scale, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, symbol.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        javax.imageio.ImageIO.write(image, "PNG", png.toFile());
        String read = ExternalTools.run("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png.toString());
        assertThat(read.strip()).isEqualTo(text);
        assertThat(codec.decode(read, List.of(municipality.trusted("市"))).person()).isEqualTo(longest());
    }

    private static QrError error(PreRegistrationCodec codec, String text, List<TrustedKey> trusted) {
        try {
            codec.decode(text, trusted);
            return null;
        } catch (QrVerificationException e) {
            return e.error();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
