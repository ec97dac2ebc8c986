package dev.madoguchi.app.counter;

import dev.madoguchi.card.residence.ResidenceTrust;
import dev.madoguchi.store.StoreSettings;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The residence card signature's trust anchors this terminal adds beside the built-in ones (docs/residence-card.md
 * §5): the Agency's CA certificates, or a municipality's or test bench's, kept in the store's settings as the
 * certificates' DER in Base64, one a line (certificates are public: nothing personal). A file is taken only when it
 * is one readable X.509 certificate (DER or PEM); the same certificate twice is kept once.
 */
public final class ResidenceTrustSettings {

    /** The setting's key. */
    public static final String KEY = "residenceCard.trustAnchors";

    private ResidenceTrustSettings() {
    }

    /** The certificates of the setting, in the order added. */
    public static List<X509Certificate> anchors(StoreSettings settings) {
        List<X509Certificate> out = new ArrayList<>();
        for (String line : settings.get(KEY).orElse("").split("\n")) {
            if (!line.isBlank()) {
                try {
                    out.add(parse(Base64.getDecoder().decode(line.strip())));
                } catch (CounterException | IllegalArgumentException e) {
                    // a damaged line is skipped: the others still count, and the card read says "untrusted"
                }
            }
        }
        return out;
    }

    /**
     * Adds the certificate in a file's content.
     *
     * @return the certificate added (or already held)
     * @throws CounterException {@link CounterError#TRUST_ANCHOR_UNREADABLE} when the content is not a certificate
     */
    public static X509Certificate add(StoreSettings settings, byte[] derOrPem) {
        X509Certificate certificate = parse(derOrPem);
        List<X509Certificate> now = anchors(settings);
        String fingerprint = ResidenceTrust.fingerprint(certificate);
        if (now.stream().noneMatch(c -> ResidenceTrust.fingerprint(c).equals(fingerprint))) {
            now.add(certificate);
            StringBuilder value = new StringBuilder();
            for (X509Certificate c : now) {
                try {
                    value.append(Base64.getEncoder().encodeToString(c.getEncoded())).append('\n');
                } catch (java.security.cert.CertificateEncodingException e) {
                    throw new CounterException(CounterError.TRUST_ANCHOR_UNREADABLE, "cannot encode a certificate", e);
                }
            }
            settings.put(KEY, value.toString());
        }
        return certificate;
    }

    /** The built-in anchors plus the setting's. */
    public static ResidenceTrust trust(ResidenceTrust base, StoreSettings settings) {
        ResidenceTrust trust = base;
        for (X509Certificate c : anchors(settings)) {
            trust = trust.with(c);
        }
        return trust;
    }

    static X509Certificate parse(byte[] derOrPem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(derOrPem));
        } catch (CertificateException | ClassCastException | IllegalArgumentException e) {
            throw new CounterException(CounterError.TRUST_ANCHOR_UNREADABLE,
                    "not a readable X.509 certificate (DER or PEM)", e);
        }
    }
}
