package dev.madoguchi.app.counter;

import dev.madoguchi.card.residence.ResidenceTrust;
import dev.madoguchi.store.StoreSettings;
import dev.madoguchi.store.audit.AuditAction;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The residence card signature's trust anchors this terminal adds beside the built-in ones (docs/residence-card.md
 * §5): the Agency's CA certificates, or a municipality's or test bench's, kept in the store's settings as the
 * certificates' DER in Base64, one a line (certificates are public: nothing personal). A file is taken only when it
 * is one readable X.509 certificate (DER or PEM); the same certificate twice is kept once. Adding and removing are
 * each written with an audit row ({@code TRUST_ANCHOR_ADD}, {@code TRUST_ANCHOR_REMOVE}: the fingerprint and the
 * subject) in the same transaction.
 */
public final class ResidenceTrustSettings {

    /** The setting's key. */
    public static final String KEY = "residenceCard.trustAnchors";

    private ResidenceTrustSettings() {
    }

    /**
     * What a person checks before removing an anchor: who it is, its key, when it is valid.
     *
     * @param name the Agency's name for it when recognised by its fingerprint, else its subject
     * @param keyId the subject key identifier in hex pairs, empty when the certificate has none
     * @param fingerprint SHA-256 of the certificate, upper-case hex
     */
    public record Facts(String name, ResidenceTrust.Profile profile, String subject, String keyId,
            String fingerprint, Instant notBefore, Instant notAfter) {}

    /** The certificates of the setting, in the order added. */
    public static List<X509Certificate> anchors(StoreSettings settings) {
        List<X509Certificate> out = new ArrayList<>();
        for (String line : lines(settings)) {
            parseLine(line).ifPresent(out::add); // a damaged line is skipped: the others still count
        }
        return out;
    }

    private static List<String> lines(StoreSettings settings) {
        return settings.get(KEY).orElse("").lines().filter(l -> !l.isBlank()).map(String::strip).toList();
    }

    private static Optional<X509Certificate> parseLine(String line) {
        try {
            return Optional.of(parse(Base64.getDecoder().decode(line)));
        } catch (CounterException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Adds the certificate in a file's content, audited.
     *
     * @return the certificate added (or already held)
     * @throws CounterException {@link CounterError#TRUST_ANCHOR_UNREADABLE} when the content is not a certificate
     */
    public static X509Certificate add(StoreSettings settings, byte[] derOrPem) {
        X509Certificate certificate = parse(derOrPem);
        String fingerprint = ResidenceTrust.fingerprint(certificate);
        if (anchors(settings).stream().noneMatch(c -> ResidenceTrust.fingerprint(c).equals(fingerprint))) {
            List<String> now = new ArrayList<>(lines(settings));
            try {
                now.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new CounterException(CounterError.TRUST_ANCHOR_UNREADABLE, "cannot encode a certificate", e);
            }
            settings.putAudited(KEY, join(now), AuditAction.TRUST_ANCHOR_ADD, fingerprint, subject(certificate));
        }
        return certificate;
    }

    /**
     * Removes the anchor with this fingerprint, audited; the other lines of the setting stay as they are.
     *
     * @return the certificate removed
     * @throws CounterException {@link CounterError#TRUST_ANCHOR_NOT_FOUND} when this terminal does not hold it
     */
    public static X509Certificate remove(StoreSettings settings, String fingerprint) {
        List<String> kept = new ArrayList<>();
        X509Certificate removed = null;
        for (String line : lines(settings)) {
            Optional<X509Certificate> c = parseLine(line);
            if (removed == null && c.isPresent() && ResidenceTrust.fingerprint(c.get()).equals(fingerprint)) {
                removed = c.get();
            } else {
                kept.add(line);
            }
        }
        if (removed == null) {
            throw new CounterException(CounterError.TRUST_ANCHOR_NOT_FOUND, "no trust anchor " + fingerprint, null);
        }
        settings.putAudited(KEY, join(kept), AuditAction.TRUST_ANCHOR_REMOVE, fingerprint, subject(removed));
        return removed;
    }

    private static String join(List<String> lines) {
        StringBuilder value = new StringBuilder();
        lines.forEach(l -> value.append(l).append('\n'));
        return value.toString();
    }

    /** The subject for the audit row (at most 200 characters; a CA's name, nothing personal). */
    private static String subject(X509Certificate c) {
        String s = c.getSubjectX500Principal().getName();
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    /** The facts of a certificate, named as the card check names it. */
    public static Facts facts(X509Certificate c) {
        ResidenceTrust.Anchor anchor = ResidenceTrust.none().with(c).anchors().get(0);
        return new Facts(anchor.name(), anchor.profile(), c.getSubjectX500Principal().getName(), keyId(c),
                ResidenceTrust.fingerprint(c), c.getNotBefore().toInstant(), c.getNotAfter().toInstant());
    }

    /** The subject key identifier (extension 2.5.29.14: an OCTET STRING in an OCTET STRING), or empty. */
    static String keyId(X509Certificate c) {
        byte[] ext = c.getExtensionValue("2.5.29.14");
        if (ext == null || ext.length < 4 || ext[0] != 0x04 || (ext[1] & 0x80) != 0 || ext[2] != 0x04
                || (ext[3] & 0x80) != 0 || ext.length < 4 + ext[3]) {
            return "";
        }
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(ext, 4, 4 + ext[3]);
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
