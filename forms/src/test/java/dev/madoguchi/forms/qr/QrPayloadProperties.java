package dev.madoguchi.forms.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any field values survive signing, compression, Base45 and splitting exactly, and verify. */
class QrPayloadProperties {

    private static final TerminalKey KEY = TerminalKey.generate();

    @Provide
    Arbitrary<Map<String, String>> values() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80).filter(QrPayload::isWellFormed),
                Arbitraries.of("𠮷田　太郎", "髙橋", "山﨑", "德永", "渡邉", "架空県窓口市本町１丁目２番３号", ""));
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), text).ofMaxSize(40);
    }

    @Property(tries = 60)
    void everyPayloadComesBackExactly(@ForAll("values") Map<String, String> values,
            @ForAll("partLengths") int partLength) throws Exception {
        QrPayload payload = new QrPayload("jumin-ido", "1.0.0", "0f".repeat(32), null, values,
                Instant.parse("2026-11-23T00:00:00Z"));
        QrCodec codec = new QrCodec(partLength);
        List<String> parts = codec.encode(payload, KEY);
        assertThat(parts).allSatisfy(p -> assertThat(p).matches("MG2:[0-9]+/[0-9]+:[0-9A-Z $%*+\\-./:]*[$]"));
        assertThat(codec.verify(parts, List.of(KEY.trusted("t")))).isEqualTo(payload);
    }

    @Provide
    Arbitrary<Integer> partLengths() {
        return Arbitraries.integers().between(50, 1200);
    }
}
