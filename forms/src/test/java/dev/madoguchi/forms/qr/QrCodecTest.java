package dev.madoguchi.forms.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QrCodecTest {

    private static final Instant SIGNED = Instant.parse("2026-11-23T01:02:03Z");
    private final TerminalKey key = TerminalKey.generate();
    private final QrCodec codec = new QrCodec();

    private static QrPayload payload(int fields) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", "𠮷田　太郎");
        values.put("address", "架空県窓口市本町１丁目２番３号");
        for (int i = 0; i < fields; i++) {
            values.put("extra" + i, "髙橋﨑德邉" + i);
        }
        return new QrPayload("jumin-ido", "1.0.0", "ab".repeat(32), "tennyu", values, SIGNED);
    }

    @Test
    void aSignedPayloadVerifiesWithTheTerminalsPublicKey() throws Exception {
        List<String> parts = codec.encode(payload(0), key);
        assertThat(parts).singleElement().asString().startsWith("MG2:1/1:").endsWith("$").matches("[0-9A-Z $%*+\\-./:]+");
        QrPayload verified = codec.verify(parts, List.of(key.trusted("this terminal")));
        assertThat(verified).isEqualTo(payload(0));
        assertThat(verified.values().get("name")).isEqualTo("𠮷田　太郎");
    }

    @Test
    void aLargePayloadIsSplitIntoPartsThatVerifyInAnyOrder() throws Exception {
        List<String> parts = codec.encode(payload(60), key);
        assertThat(parts.size()).isGreaterThan(1);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(
                QrCodec.DEFAULT_PART_LENGTH + 12));
        List<String> shuffled = new ArrayList<>(parts);
        java.util.Collections.reverse(shuffled);
        assertThat(codec.verify(shuffled, List.of(key.trusted("t")))).isEqualTo(payload(60));
    }

    @Test
    void aMissingPartIsNamed() {
        List<String> parts = codec.encode(payload(60), key);
        assertThatThrownBy(() -> codec.verify(parts.subList(1, parts.size()), List.of(key.trusted("t"))))
                .isInstanceOfSatisfying(QrVerificationException.class,
                        e -> assertThat(e.error()).isEqualTo(QrError.MISSING_PART))
                .hasMessageContaining("missing [1]");
    }

    @Test
    void oneChangedByteInTheSignedContentIsRejected() throws Exception {
        List<String> parts = codec.encode(payload(0), key);
        byte[] cose = QrCodec.coseBytes(parts);
        byte[] original = QrCodec.coseBytes(parts);
        int checked = 0;
        // every byte of the CBOR payload inside the COSE structure: each single change is caught
        for (int i = 20; i < cose.length - 70; i++) {
            cose[i] ^= 0x01;
            List<String> tampered = codec.partsOf(cose);
            assertThatThrownBy(() -> codec.verify(tampered, List.of(key.trusted("t"))))
                    .as("byte %d changed", i).isInstanceOf(QrVerificationException.class);
            cose[i] = original[i];
            checked++;
        }
        assertThat(checked).isGreaterThan(50);
        // the change of one payload character is a signature failure, not a parse failure
        String text = new String(cose, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("tennyu");
        cose[at] = 'T';
        assertThatThrownBy(() -> codec.verify(codec.partsOf(cose), List.of(key.trusted("t"))))
                .isInstanceOfSatisfying(QrVerificationException.class,
                        e -> assertThat(e.error()).isEqualTo(QrError.BAD_SIGNATURE));
    }

    @Test
    void oneChangedCharacterOfTheQrTextIsRejected() {
        String part = codec.encode(payload(0), key).get(0);
        char[] chars = part.toCharArray();
        int i = part.length() / 2;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> codec.verify(List.of(new String(chars)), List.of(key.trusted("t"))))
                .isInstanceOfSatisfying(QrVerificationException.class, e -> assertThat(e.error())
                        .isIn(QrError.DAMAGED, QrError.BAD_SIGNATURE));
    }

    @Test
    void aPayloadSignedByAnotherTerminalIsAnUnknownKey() {
        List<String> parts = codec.encode(payload(0), TerminalKey.generate());
        assertThatThrownBy(() -> codec.verify(parts, List.of(key.trusted("t"))))
                .isInstanceOfSatisfying(QrVerificationException.class,
                        e -> assertThat(e.error()).isEqualTo(QrError.UNKNOWN_KEY))
                .hasMessageStartingWith("QR-005");
    }

    @Test
    void aPayloadSignedAfterTheKeyExpiredIsRejected() {
        List<String> parts = codec.encode(payload(0), key);
        TrustedKey expired = TrustedKey.of("old terminal", key.publicKey(), SIGNED.minusSeconds(86_400));
        assertThatThrownBy(() -> codec.verify(parts, List.of(expired)))
                .isInstanceOfSatisfying(QrVerificationException.class,
                        e -> assertThat(e.error()).isEqualTo(QrError.EXPIRED_KEY));
    }

    @Test
    void aForeignQrCodeIsNotMistakenForAForm() {
        assertThatThrownBy(() -> codec.verify(List.of("HC1:NCFOXN%TS3DH3ZSUZK+.V0ET"), List.of(key.trusted("t"))))
                .isInstanceOfSatisfying(QrVerificationException.class,
                        e -> assertThat(e.error()).isEqualTo(QrError.FOREIGN));
        assertThatThrownBy(() -> codec.verify(List.of("https://example.org/"), List.of(key.trusted("t"))))
                .isInstanceOfSatisfying(QrVerificationException.class,
                        e -> assertThat(e.error()).isEqualTo(QrError.FOREIGN));
    }

    @Test
    void damagedTextIsReportedAsDamaged() {
        for (String damaged : List.of("MG1:1/1:ABC", "MG1:1/1:abc", "MG1:x/1:AAA", "MG1:1/1:" + Base45.encode(
                QrCodec.deflate("not cbor".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))) {
            assertThatThrownBy(() -> codec.verify(List.of(damaged), List.of(key.trusted("t"))))
                    .as(damaged).isInstanceOfSatisfying(QrVerificationException.class,
                            e -> assertThat(e.error()).isEqualTo(QrError.DAMAGED));
        }
    }

    @Test
    void textThatIsNotUnicodeIsRefusedBeforeSigning() {
        assertThatThrownBy(() -> new QrPayload("f", "1", "ab".repeat(32), null, Map.of("name", "田\uDF6A"), SIGNED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'name'")
                .hasMessageContaining("lone surrogate");
        assertThat(QrPayload.isWellFormed("𠮷田")).isTrue();
        assertThat(QrPayload.isWellFormed("\uD842")).isFalse();
    }

    @Test
    void base45FollowsRfc9285() {
        assertThat(Base45.encode("AB".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isEqualTo("BB8");
        assertThat(Base45.encode("Hello!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo("%69 VD92EX0");
        assertThat(new String(Base45.decode("QED8WEX0"), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("ietf!");
    }

    @Test
    void theTerminalKeyIsStoredOnceAndItsPublicKeyExports(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("keys/terminal.pem");
        TerminalKey created = TerminalKey.loadOrCreate(file);
        TerminalKey loaded = TerminalKey.loadOrCreate(file);
        assertThat(loaded.keyId()).isEqualTo(created.keyId());
        assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        String pem = created.publicKeyPem();
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----").doesNotContain("PRIVATE");
        List<String> parts = codec.encode(payload(0), loaded);
        TrustedKey imported = TrustedKey.of("exported", TerminalKey.readPublicKey(pem), null);
        assertThat(codec.verify(parts, List.of(imported))).isEqualTo(payload(0));
        assertThat(created.toString()).doesNotContain(pem.substring(30, 60));
    }

    @Test
    void everyPartEndsWithTheEndMarkSoNoneCanEndInASpaceAndTheyHaveEqualLengths() throws Exception {
        QrCodec small = new QrCodec(60);
        for (int n = 0; n < 40; n++) {
            List<String> parts = small.encode(payload(n), key);
            assertThat(parts).allSatisfy(p -> assertThat(p).endsWith("$").doesNotEndWith(" "));
            List<Integer> dataLengths = parts.stream().map(p -> p.length() - p.indexOf(':', 4) - 2).toList();
            assertThat(java.util.Collections.max(dataLengths) - java.util.Collections.min(dataLengths)).isLessThanOrEqualTo(1);
            // a scanner that trims trailing spaces changes nothing: the end mark is the last character
            List<String> trimmed = parts.stream().map(String::stripTrailing).toList();
            assertThat(small.verify(trimmed, List.of(key.trusted("t"))).values()).isEqualTo(payload(n).values());
        }
    }

    @Test
    void aPartCutBeforeItsEndMarkIsDamagedAndOldMg1PartsStillVerify() throws Exception {
        List<String> parts = codec.encode(payload(0), key);
        String cut = parts.get(0).substring(0, parts.get(0).length() - 1);
        assertThatThrownBy(() -> codec.verify(List.of(cut), List.of(key.trusted("t"))))
                .isInstanceOfSatisfying(QrVerificationException.class,
                        e -> assertThat(e.error()).isEqualTo(QrError.DAMAGED));
        String legacy = "MG1:" + cut.substring(4);
        assertThat(codec.verify(List.of(legacy), List.of(key.trusted("t"))).values()).isEqualTo(payload(0).values());
    }

    @Test
    void rowsOfARepeatedGroupTravelAsAnArrayAndComeBackAsRowKeys() throws Exception {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("notifier", "世帯主");
        values.put("movers.1.name", "𠮷田　太郎");
        values.put("movers.1.relationship", "世帯主");
        values.put("movers.2.name", "葛" + new String(Character.toChars(0xE0102)) + "城　花子");
        QrPayload payload = new QrPayload("jumin-ido", "2.0.0", "ab".repeat(32), "tennyu", values, SIGNED);
        QrPayload back = codec.verify(codec.encode(payload, key), List.of(key.trusted("t")));
        assertThat(back.values()).isEqualTo(values);
        assertThat(back.nestedValues().get("movers")).isEqualTo(List.of(
                Map.of("name", "𠮷田　太郎", "relationship", "世帯主"),
                Map.of("name", values.get("movers.2.name"))));
        com.fasterxml.jackson.databind.JsonNode cbor = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.cbor.CBORFactory()).readTree(QrCodec.cbor(payload));
        assertThat(cbor.get("d").get("movers").isArray()).isTrue();
        assertThat(cbor.get("d").get("movers").get(1).get("name").asText()).isEqualTo(values.get("movers.2.name"));
    }
}
