package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The desktop's setting for the residence card signature's trust anchors: a certificate file is checked before it is
 * kept in the store's settings, and the card read uses it — a card signed by that CA is "verified" only after.
 */
class ResidenceTrustSettingTest extends StepTestBase {

    @Test
    void aCertificateFileBecomesATrustAnchorThatTheNextCardReadUses() throws Exception {
        ResidenceCardWithoutAnchors card = ResidenceCardWithoutAnchors.placed(fixture);
        VisitService untrusting = card.visits();
        ResidenceCardFacts before = card.read();
        assertThat(before.signatureVerified()).as("no anchor configured").isFalse();

        var anchors = card.issuerCas(); // its RSA and its ECDSA CA
        assertThat(anchors).isNotEmpty();
        for (var ca : anchors) {
            String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(ca.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            assertThat(untrusting.addTrustAnchor(pem.getBytes(StandardCharsets.US_ASCII)))
                    .isEqualTo(ca.getSubjectX500Principal().getName());
            untrusting.addTrustAnchor(ca.getEncoded()); // the same certificate as DER: kept once
        }
        assertThat(ResidenceTrustSettings.anchors(store().settings())).hasSameSizeAs(anchors);

        untrusting.cardChanged();
        ResidenceCardFacts after = card.read();
        assertThat(after.signatureVerified()).as("the setting's anchor is used by the read: %s", after.signature()).isTrue();
        assertThat(after.anchor()).isNotBlank();
    }

    @Test
    void aFileThatIsNotACertificateIsRefusedWithAClearMessageAndNothingIsStored() throws Exception {
        assertThatThrownBy(() -> fixture.visits.addTrustAnchor("not a certificate".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CounterException.class, e -> assertThat(e.error())
                        .isEqualTo(CounterError.TRUST_ANCHOR_UNREADABLE));
        assertThat(store().settings().get(ResidenceTrustSettings.KEY)).isEmpty();

        Path file = dir.resolve("notes.pem");
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        vm.steps().identify().residenceCard().addTrustAnchor(file);
        assertThat(vm.errorProperty().get()).contains("X.509 証明書", CounterError.TRUST_ANCHOR_UNREADABLE.code());
        vm.steps().identify().residenceCard().addTrustAnchor(dir.resolve("missing.pem"));
        assertThat(vm.errorProperty().get()).contains(CounterError.TRUST_ANCHOR_UNREADABLE.code());
        assertThat(store().settings().get(ResidenceTrustSettings.KEY)).isEmpty();
    }
}
