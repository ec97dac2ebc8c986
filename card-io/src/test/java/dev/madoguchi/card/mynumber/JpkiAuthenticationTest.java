package dev.madoguchi.card.mynumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.simulated.CardKeys;
import dev.madoguchi.card.simulated.MyNumberCardModel;
import dev.madoguchi.card.simulated.TestCards;
import dev.madoguchi.card.simulated.TestCertificates;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JPKI user-authentication challenge with PKIX validation against test roots the test generates. */
class JpkiAuthenticationTest {

    private static final ZonedDateTime ISSUED = ZonedDateTime.of(2025, 4, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final ZonedDateTime EXPIRES = ZonedDateTime.of(2030, 2, 17, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    private static KeyPair rootKey;
    private static X509Certificate root;
    private static X509Certificate otherRoot;
    private static CardKeys keys;

    @BeforeAll
    static void testPki() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        rootKey = g.generateKeyPair();
        root = TestCertificates.root(rootKey, "Madoguchi Test Auth CA", ISSUED.minusYears(1), EXPIRES.plusYears(5));
        otherRoot = TestCertificates.root(g.generateKeyPair(), "Madoguchi Test Auth CA", ISSUED, EXPIRES);
        CardKeys base = TestCards.keys();
        keys = base.withJpkiAuthCertificate(TestCertificates.issue(rootKey, "Madoguchi Test Auth CA",
                base.jpkiAuthKey().getPublic(), "test user", ISSUED, EXPIRES).getEncoded());
    }

    private static MyNumberCardServiceTest.RecordingReader card() {
        return new MyNumberCardServiceTest.RecordingReader(MyNumberCardModel.of(TestCards.kokutou(), keys));
    }

    @Test
    void theCardProvesItsKeyAndTheCertificateChainsToThePinnedRoot() throws Exception {
        MyNumberCardServiceTest.RecordingReader reader = card();
        JpkiAuthentication result = new MyNumberCardService(reader)
                .authenticate(null, TestCards.AUTH_PIN, Set.of(new TrustAnchor(root, null)), NOW);
        assertThat(result.signature()).isEqualTo(Check.PASSED);
        assertThat(result.chain()).isEqualTo(Check.PASSED);
        assertThat(result.revocation()).isEqualTo(Check.NOT_CHECKED);
        assertThat(result.authenticated()).isTrue();
        assertThat(reader.log).last().isEqualTo("disconnect(reset)");
    }

    @Test
    void aCertificateFromAnotherRootWithTheSameNameFailsTheChain() throws Exception {
        JpkiAuthentication result = new MyNumberCardService(card())
                .authenticate(null, TestCards.AUTH_PIN, Set.of(new TrustAnchor(otherRoot, null)), NOW);
        assertThat(result.signature()).isEqualTo(Check.PASSED);
        assertThat(result.chain()).isEqualTo(Check.FAILED);
        assertThat(result.authenticated()).isFalse();
    }

    @Test
    void anExpiredCertificateFailsTheChain() throws Exception {
        JpkiAuthentication result = new MyNumberCardService(card())
                .authenticate(null, TestCards.AUTH_PIN, Set.of(new TrustAnchor(root, null)), EXPIRES.plusDays(1).toInstant());
        assertThat(result.chain()).isEqualTo(Check.FAILED);
    }

    @Test
    void aWrongAuthPinIsReportedWithTheTriesLeft() {
        assertThatThrownBy(() -> new MyNumberCardService(card())
                .authenticate(null, "0000", Set.of(new TrustAnchor(root, null)), NOW))
                .isInstanceOfSatisfying(CardIoException.class, e -> {
                    assertThat(e.error()).isEqualTo(CardIoError.WRONG_PIN);
                    assertThat(e.triesLeft()).hasValue(2);
                });
    }

    @Test
    void theHealthCheckShowsTheCertificatesValidityWithoutAPin() throws Exception {
        MyNumberCardServiceTest.RecordingReader reader = card();
        CardHealth health = new MyNumberCardService(reader).check(null);
        assertThat(health.authCertificateValidFrom()).contains(LocalDate.of(2025, 4, 1));
        assertThat(health.authCertificateValidUntil()).contains(LocalDate.of(2030, 2, 17));
        assertThat(reader.verifiesWithData()).isEmpty();
    }
}
