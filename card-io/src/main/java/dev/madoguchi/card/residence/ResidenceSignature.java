package dev.madoguchi.card.residence;

import dev.madoguchi.card.apdu.Commands;
import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.tlv.BerTlv;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Checks a residence card's check code (docs/residence-card.md §5):
 * <ul>
 *   <li>1st generation: DF3/EF01 {@code DA} (RSA-2048 PKCS#1 v1.5 signature) and {@code DB} (the card's X.509
 *       certificate); SHA-256 over the front image {@code D0} padded with {@code 00} to 7000 bytes followed by the
 *       photo {@code D1} padded to 3000 bytes (values only, no tags or lengths).</li>
 *   <li>2nd generation: {@code DC} (ECDSA P-384 with SHA-256; ASN.1 DER, or the 96-byte r‖s form) and {@code DD}
 *       (the certificate); over the printed entries (53 bytes), the photo {@code D1} (3000) and the name image
 *       {@code D0} (2500).</li>
 * </ul>
 * Pure; never throws for bad card data (that is {@link SignatureCheck.Status#MALFORMED}).
 */
public final class ResidenceSignature {

    private ResidenceSignature() {}

    /** The signed bytes of a first-generation card. */
    public static byte[] firstGenerationTarget(byte[] frontImage, byte[] photo) throws CardIoException {
        return Commands.concat(ResidenceFields.padded(frontImage, ResidenceFields.G1_FRONT_IMAGE_LENGTH),
                ResidenceFields.padded(photo, ResidenceFields.G1_PHOTO_LENGTH));
    }

    /** The signed bytes of a second-generation card (printed entries already in their 53-byte form). */
    public static byte[] secondGenerationTarget(byte[] signedPrinted, byte[] photo, byte[] nameImage)
            throws CardIoException {
        return Commands.concat(signedPrinted, ResidenceFields.padded(photo, ResidenceFields.G2_PHOTO_LENGTH),
                ResidenceFields.padded(nameImage, ResidenceFields.G2_NAME_IMAGE_LENGTH));
    }

    /** Checks DF3/EF01's content over {@code target} against the anchors. */
    public static SignatureCheck check(CardType.Generation generation, byte[] df3, byte[] target,
            ResidenceTrust trust, Instant now) {
        boolean first = generation == CardType.Generation.FIRST;
        byte[] signature;
        X509Certificate certificate;
        try {
            signature = value(df3, first ? 0xDA : 0xDC).orElse(null);
            byte[] cert = value(df3, first ? 0xDB : 0xDD).orElse(null);
            if (signature == null || cert == null) {
                return malformed();
            }
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(cert));
        } catch (CardIoException | GeneralSecurityException | RuntimeException e) {
            return malformed();
        }
        PublicKey key = certificate.getPublicKey();
        if (first ? !(key instanceof RSAPublicKey) : !(key instanceof ECPublicKey)) {
            return malformed();
        }
        boolean current;
        try {
            certificate.checkValidity(Date.from(now));
            current = true;
        } catch (GeneralSecurityException e) {
            current = false;
        }
        Optional<ResidenceTrust.Anchor> anchor = trust.anchors().stream()
                .filter(a -> a.certificate().getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                .filter(a -> issued(a.certificate(), certificate))
                .findFirst();
        if (anchor.isEmpty()) {
            return new SignatureCheck(SignatureCheck.Status.CERTIFICATE_UNTRUSTED, Optional.empty(), current);
        }
        boolean valid = first ? verifies("SHA256withRSA", key, target, signature)
                : verifies(signature.length > 0 && signature[0] == 0x30 ? "SHA256withECDSA"
                        : "SHA256withECDSAinP1363Format", key, target, signature);
        return new SignatureCheck(valid ? SignatureCheck.Status.VERIFIED : SignatureCheck.Status.SIGNATURE_INVALID,
                anchor, current);
    }

    private static boolean issued(X509Certificate issuer, X509Certificate certificate) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean verifies(String algorithm, PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // a signature of the wrong form does not verify
        }
    }

    private static Optional<byte[]> value(byte[] file, int tag) throws CardIoException {
        for (BerTlv o : BerTlv.parseAll(file, 0, file.length)) {
            if (o.tag() == tag) {
                return Optional.of(o.value());
            }
        }
        return Optional.empty();
    }

    private static SignatureCheck malformed() {
        return new SignatureCheck(SignatureCheck.Status.MALFORMED, Optional.empty(), false);
    }

}
