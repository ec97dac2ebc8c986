package dev.madoguchi.card.simulated;

import dev.madoguchi.card.residence.ResidenceTrust;
import dev.madoguchi.card.tlv.BerTlv;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A synthetic issuer of simulated residence cards, made in this process: a test CA and a card-signing key for each
 * generation (RSA-2048 for the first, ECDSA P-384 for the second), with X.509 certificates DER-encoded by hand (the
 * JDK has no certificate builder). Never the Immigration Services Agency's keys, which nobody outside it has; its
 * anchors are {@link ResidenceTrust.Profile#ADDED} and named as synthetic.
 */
public final class SyntheticIssuer {

    /** A card-signing key and its certificate. */
    public record Signer(PrivateKey key, X509Certificate certificate) {}

    private static final byte[] SHA256_WITH_RSA = BerTlv.encode(0x30,
            BerTlv.encode(0x06, hex("2A864886F70D01010B")), new byte[] {0x05, 0x00});
    private static final byte[] ECDSA_WITH_SHA256 = BerTlv.encode(0x30, BerTlv.encode(0x06, hex("2A8648CE3D040302")));
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

    public static final String FIRST_CA_NAME = "Madoguchi synthetic residence card CA (RSA, not the Agency's)";
    public static final String SECOND_CA_NAME = "Madoguchi synthetic residence card CA2 (ECDSA, not the Agency's)";

    private final X509Certificate firstCa;
    private final X509Certificate secondCa;
    private final Signer first;
    private final Signer second;

    private SyntheticIssuer(X509Certificate firstCa, X509Certificate secondCa, Signer first, Signer second) {
        this.firstCa = firstCa;
        this.secondCa = secondCa;
        this.first = first;
        this.second = second;
    }

    /** New keys and certificates, valid from a year ago for twenty years. */
    public static SyntheticIssuer generate() {
        try {
            ZonedDateTime from = ZonedDateTime.now(ZoneOffset.UTC).minusYears(1).withNano(0);
            ZonedDateTime until = from.plusYears(20);
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp384r1"));
            KeyPair rsaCa = rsa.generateKeyPair();
            KeyPair rsaCard = rsa.generateKeyPair();
            KeyPair ecCa = ec.generateKeyPair();
            KeyPair ecCard = ec.generateKeyPair();
            X509Certificate firstCa = certificate(FIRST_CA_NAME, FIRST_CA_NAME, rsaCa.getPublic(), rsaCa.getPrivate(),
                    from, until, true);
            X509Certificate secondCa = certificate(SECOND_CA_NAME, SECOND_CA_NAME, ecCa.getPublic(),
                    ecCa.getPrivate(), from, until, true);
            Signer first = new Signer(rsaCard.getPrivate(), certificate(FIRST_CA_NAME,
                    "Madoguchi synthetic card signer (RSA)", rsaCard.getPublic(), rsaCa.getPrivate(), from, until,
                    false));
            Signer second = new Signer(ecCard.getPrivate(), certificate(SECOND_CA_NAME,
                    "Madoguchi synthetic card signer (ECDSA)", ecCard.getPublic(), ecCa.getPrivate(), from, until,
                    false));
            return new SyntheticIssuer(firstCa, secondCa, first, second);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA and EC P-384 are part of every Java runtime", e);
        }
    }

    public Signer firstGeneration() {
        return first;
    }

    public Signer secondGeneration() {
        return second;
    }

    /** Trust in this issuer's two CAs (profile {@link ResidenceTrust.Profile#ADDED}). */
    public ResidenceTrust trust() {
        return ResidenceTrust.none()
                .with(new ResidenceTrust.Anchor(FIRST_CA_NAME, ResidenceTrust.Profile.ADDED, firstCa))
                .with(new ResidenceTrust.Anchor(SECOND_CA_NAME, ResidenceTrust.Profile.ADDED, secondCa));
    }

    /** The CA certificates (to write out as {@code --trust-ca} files, for example). */
    public java.util.List<X509Certificate> caCertificates() {
        return java.util.List.of(firstCa, secondCa);
    }

    /**
     * A stand-in 利用者証明用電子証明書 (DER) for a simulated My Number Card: the subject key, signed by the stand-in
     * issuer key, valid from the start of {@code from} through the end of {@code until} in Japan time (as J-LIS
     * certificates end at 23:59:59 JST). Its names say it is synthetic; it holds no personal data.
     */
    public static byte[] jpkiAuthCertificate(PublicKey subjectKey, PrivateKey issuerKey, java.time.LocalDate from,
            java.time.LocalDate until) {
        java.time.ZoneId tokyo = java.time.ZoneId.of("Asia/Tokyo");
        try {
            return certificate("Madoguchi synthetic JPKI CA (not J-LIS)", "Madoguchi synthetic JPKI user", subjectKey,
                    issuerKey, from.atStartOfDay(tokyo), until.atTime(23, 59, 59).atZone(tokyo), false).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA signing is part of every Java runtime", e);
        }
    }

    private static X509Certificate certificate(String issuer, String subject, PublicKey subjectKey, PrivateKey signer,
            ZonedDateTime from, ZonedDateTime until, boolean ca) throws GeneralSecurityException {
        boolean ec = signer instanceof ECPrivateKey;
        byte[] algorithm = ec ? ECDSA_WITH_SHA256 : SHA256_WITH_RSA;
        byte[] extensions = new byte[0];
        if (ca) {
            byte[] basicConstraints = BerTlv.encode(0x30, BerTlv.encode(0x06, hex("551D13")),
                    new byte[] {0x01, 0x01, -1}, BerTlv.encode(0x04, BerTlv.encode(0x30, new byte[] {0x01, 0x01, -1})));
            extensions = BerTlv.encode(0xA3, BerTlv.encode(0x30, basicConstraints));
        }
        byte[] tbs = BerTlv.encode(0x30,
                BerTlv.encode(0xA0, BerTlv.encode(0x02, new byte[] {2})),
                BerTlv.encode(0x02, BigInteger.valueOf(System.nanoTime() & 0x7FFFFFFFL).toByteArray()),
                algorithm,
                name(issuer),
                BerTlv.encode(0x30, time(from), time(until)),
                name(subject),
                subjectKey.getEncoded(),
                extensions);
        Signature s = Signature.getInstance(ec ? "SHA256withECDSA" : "SHA256withRSA");
        s.initSign(signer);
        s.update(tbs);
        byte[] signature = s.sign();
        byte[] bitString = new byte[signature.length + 1];
        System.arraycopy(signature, 0, bitString, 1, signature.length);
        byte[] der = BerTlv.encode(0x30, tbs, algorithm, BerTlv.encode(0x03, bitString));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    private static byte[] name(String commonName) {
        byte[] cn = BerTlv.encode(0x30, BerTlv.encode(0x06, hex("550403")),
                BerTlv.encode(0x0C, commonName.getBytes(StandardCharsets.UTF_8)));
        return BerTlv.encode(0x30, BerTlv.encode(0x31, cn));
    }

    private static byte[] time(ZonedDateTime t) {
        return BerTlv.encode(0x17, UTC_TIME.format(t.withZoneSameInstant(ZoneOffset.UTC))
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hex(String h) {
        return dev.madoguchi.card.apdu.Commands.hex(h);
    }
}
