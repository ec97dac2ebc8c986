package dev.madoguchi.card.residence;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The CA certificates a residence card's certificate may chain to, each with a name and a trust profile. The
 * Immigration Services Agency's certificates are recognised by their SHA-256 fingerprints (published with them) and
 * get their profile from that; any other certificate added (a municipality's, a test bench's, the demo's synthetic CA)
 * is {@link Profile#ADDED}. No certificate bytes are built in: they are loaded from files the installation provides
 * (ADR 0019).
 */
public final class ResidenceTrust {

    /** Where a trust anchor comes from; the result of a check says which one verified. */
    public enum Profile {
        /** The Agency's production CAs (ZairyuCard CA for the 1st generation, ZairyuCard CA2 for the 2nd). */
        PRODUCTION,
        /** The Agency's published test CA for second-generation test cards. */
        OFFICIAL_TEST,
        /** Any other CA given by the installation or a test. */
        ADDED
    }

    /**
     * One anchor.
     *
     * @param name for people and the JSON (e.g. {@code ZairyuCard CA (2024-05-08)}), never personal
     */
    public record Anchor(String name, Profile profile, X509Certificate certificate) {
        public Anchor {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /** SHA-256 fingerprints of the Agency's published CA certificates (docs/residence-card.md §5). */
    private static final Map<String, Anchor0> KNOWN = Map.of(
            "97F37C5967AF5F3CD84E6ED694B09539ABB7F8E7E76B6F7496A060008982983D",
            new Anchor0("ZairyuCard CA (2015-06-06)", Profile.PRODUCTION),
            "FF02323CEA7B8C3DFC0DC2DE79D46E78514AF587368523086B188E9690AEC861",
            new Anchor0("ZairyuCard CA (2018-04-07)", Profile.PRODUCTION),
            "6F50161AA80F7FF7C630505FAF472906F7B101D5083E327A6182C82CD7985E67",
            new Anchor0("ZairyuCard CA (2021-05-27)", Profile.PRODUCTION),
            "BF854466ED9ABF61F559C39BF8790546F8ACDAB99B51FD2330563669CE4A71B2",
            new Anchor0("ZairyuCard CA (2024-05-08)", Profile.PRODUCTION),
            "11E6AD8B8E64F0CDB1D8BA9E3689926C80E8479A2F098616F674A23582BEC13B",
            new Anchor0("ZairyuCard CA2 (2026-04-20)", Profile.PRODUCTION),
            "1846B815D31F04FE93D57450A6D8A8C351EAC3D8C444A2375D95734DF7DD1057",
            new Anchor0("ZairyuCard CA2 test (2026-03-19)", Profile.OFFICIAL_TEST));

    private record Anchor0(String name, Profile profile) {}

    private final List<Anchor> anchors;

    private ResidenceTrust(List<Anchor> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    /** No anchors: every signature check ends in "certificate not trusted". */
    public static ResidenceTrust none() {
        return new ResidenceTrust(List.of());
    }

    /** This trust plus one certificate, named and profiled by its fingerprint when it is the Agency's. */
    public ResidenceTrust with(X509Certificate certificate) {
        String fingerprint = fingerprint(certificate);
        Anchor0 known = KNOWN.get(fingerprint);
        Anchor anchor = known != null ? new Anchor(known.name(), known.profile(), certificate)
                : new Anchor(certificate.getSubjectX500Principal().getName(), Profile.ADDED, certificate);
        return with(anchor);
    }

    /** This trust plus one anchor as given (a test bench names its own). */
    public ResidenceTrust with(Anchor anchor) {
        List<Anchor> more = new ArrayList<>(anchors);
        more.add(anchor);
        return new ResidenceTrust(more);
    }

    /** This trust plus a DER or PEM certificate file's content. */
    public ResidenceTrust withEncoded(byte[] derOrPem) throws CertificateException {
        CertificateFactory f = CertificateFactory.getInstance("X.509");
        return with((X509Certificate) f.generateCertificate(new ByteArrayInputStream(derOrPem)));
    }

    public List<Anchor> anchors() {
        return anchors;
    }

    /** The SHA-256 fingerprint of a certificate's DER encoding, upper-case hex without separators. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().withUpperCase().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("a parsed certificate has an encoding and SHA-256 exists", e);
        }
    }
}
