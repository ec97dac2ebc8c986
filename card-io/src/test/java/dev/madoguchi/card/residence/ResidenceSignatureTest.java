package dev.madoguchi.card.residence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.simulated.SyntheticIssuer;
import dev.madoguchi.card.tlv.BerTlv;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The check code verifier and the trust anchors, without a card. */
class ResidenceSignatureTest {

    private static final SyntheticIssuer ISSUER = OfficialVectorsTest.Issuers.shared();

    private static byte[] sign(String algorithm, SyntheticIssuer.Signer signer, byte[] data) throws Exception {
        Signature s = Signature.getInstance(algorithm);
        s.initSign(signer.key());
        s.update(data);
        return s.sign();
    }

    @Test
    void ecdsaCheckCodesAreAcceptedInDerAndRawForm() throws Exception {
        byte[] target = new byte[53 + 3000 + 2500];
        target[7] = 42;
        SyntheticIssuer.Signer signer = ISSUER.secondGeneration();
        byte[] cert = signer.certificate().getEncoded();
        for (String algorithm : new String[] {"SHA256withECDSA", "SHA256withECDSAinP1363Format"}) {
            byte[] df3 = OfficialVectorsTest.concat(BerTlv.encode(0xDC, sign(algorithm, signer, target)),
                    BerTlv.encode(0xDD, cert));
            SignatureCheck check = ResidenceSignature.check(CardType.Generation.SECOND, df3, target, ISSUER.trust(),
                    Instant.now());
            assertThat(check.status()).as(algorithm).isEqualTo(SignatureCheck.Status.VERIFIED);
            target[8] ^= 1;
            assertThat(ResidenceSignature.check(CardType.Generation.SECOND, df3, target, ISSUER.trust(),
                    Instant.now()).status()).isEqualTo(SignatureCheck.Status.SIGNATURE_INVALID);
            target[8] ^= 1;
        }
    }

    @Test
    void theWrongGenerationsKeyOrAMissingObjectIsMalformed() throws Exception {
        byte[] target = new byte[10_000];
        SyntheticIssuer.Signer rsa = ISSUER.firstGeneration();
        byte[] df3 = OfficialVectorsTest.concat(BerTlv.encode(0xDA, sign("SHA256withRSA", rsa, target)),
                BerTlv.encode(0xDB, rsa.certificate().getEncoded()));
        assertThat(ResidenceSignature.check(CardType.Generation.FIRST, df3, target, ISSUER.trust(), Instant.now())
                .verified()).isTrue();
        assertThat(ResidenceSignature.check(CardType.Generation.SECOND, df3, target, ISSUER.trust(), Instant.now())
                .status()).isEqualTo(SignatureCheck.Status.MALFORMED);
        byte[] noCertificate = BerTlv.encode(0xDA, new byte[256]);
        assertThat(ResidenceSignature.check(CardType.Generation.FIRST, noCertificate, target, ISSUER.trust(),
                Instant.now()).status()).isEqualTo(SignatureCheck.Status.MALFORMED);
        assertThat(ResidenceSignature.check(CardType.Generation.FIRST, df3, target, ISSUER.trust(),
                Instant.parse("2100-01-01T00:00:00Z")).certificateCurrent()).isFalse();
    }

    @Test
    void anchorsFromPemFilesAreAddedUnderTheirSubjectAndNamedInTheResult() throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(ISSUER.caCertificates().get(1).getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        ResidenceTrust trust = ResidenceTrust.none().withEncoded(pem.getBytes(StandardCharsets.US_ASCII));
        assertThat(trust.anchors()).hasSize(1);
        ResidenceTrust.Anchor anchor = trust.anchors().get(0);
        assertThat(anchor.profile()).isEqualTo(ResidenceTrust.Profile.ADDED);
        assertThat(anchor.name()).contains("synthetic");
        assertThat(ResidenceTrust.fingerprint(anchor.certificate())).hasSize(64).matches("[0-9A-F]+");
    }
}
