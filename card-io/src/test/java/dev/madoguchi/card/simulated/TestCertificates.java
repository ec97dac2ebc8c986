package dev.madoguchi.card.simulated;

import dev.madoguchi.card.tlv.BerTlv;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Test-only X.509 certificates, DER-encoded by hand (the JDK has no public certificate builder): a self-signed test
 * root and user certificates it issues. Never J-LIS material.
 */
public final class TestCertificates {

    private static final byte[] SHA256_WITH_RSA = BerTlv.encode(0x30,
            BerTlv.encode(0x06, hex("2A864886F70D01010B")), new byte[] {0x05, 0x00});
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

    private TestCertificates() {}

    /** A self-signed CA certificate (basicConstraints CA=true). */
    public static X509Certificate root(KeyPair key, String commonName, ZonedDateTime from, ZonedDateTime until) {
        byte[] basicConstraints = BerTlv.encode(0x30, BerTlv.encode(0x06, hex("551D13")), new byte[] {0x01, 0x01, -1},
                BerTlv.encode(0x04, BerTlv.encode(0x30, new byte[] {0x01, 0x01, -1})));
        byte[] extensions = BerTlv.encode(0xA3, BerTlv.encode(0x30, basicConstraints));
        return parse(certificate(commonName, commonName, key.getPublic(), key.getPrivate(), from, until, extensions));
    }

    /** A user certificate for {@code subjectKey}, issued and signed by {@code issuer}. */
    public static X509Certificate issue(KeyPair issuer, String issuerName, PublicKey subjectKey, String subjectName,
            ZonedDateTime from, ZonedDateTime until) {
        return parse(certificate(issuerName, subjectName, subjectKey, issuer.getPrivate(), from, until, new byte[0]));
    }

    private static byte[] certificate(String issuer, String subject, PublicKey subjectKey, PrivateKey signer,
            ZonedDateTime from, ZonedDateTime until, byte[] extensions) {
        byte[] tbs = BerTlv.encode(0x30,
                BerTlv.encode(0xA0, BerTlv.encode(0x02, new byte[] {2})),
                BerTlv.encode(0x02, BigInteger.valueOf(System.nanoTime() & 0x7FFFFFFFL).toByteArray()),
                SHA256_WITH_RSA,
                name(issuer),
                BerTlv.encode(0x30, time(from), time(until)),
                name(subject),
                subjectKey.getEncoded(),
                extensions);
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(signer);
            s.update(tbs);
            byte[] signature = s.sign();
            byte[] bitString = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bitString, 1, signature.length);
            return BerTlv.encode(0x30, tbs, SHA256_WITH_RSA, BerTlv.encode(0x03, bitString));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] name(String commonName) {
        return BerTlv.encode(0x30, BerTlv.encode(0x31, BerTlv.encode(0x30, BerTlv.encode(0x06, hex("550403")),
                BerTlv.encode(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
    }

    private static byte[] time(ZonedDateTime t) {
        return BerTlv.encode(0x17, UTC_TIME.format(t.withZoneSameInstant(ZoneOffset.UTC)).getBytes(StandardCharsets.US_ASCII));
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hex(String h) {
        return dev.madoguchi.card.apdu.Commands.hex(h);
    }
}
