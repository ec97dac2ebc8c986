package dev.madoguchi.card.residence;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking the chip's check code (signature) over its data, as a person should be told. What is
 * checked: the card's certificate is signed by one of the trust anchors, and the check code verifies with the
 * certificate's key over the specified data. What is not: revocation (no list is published for offline use) and the
 * certificate's validity dates, which are reported ({@link #certificateCurrent}) but do not fail the check.
 *
 * @param status what came out
 * @param anchor the anchor that verified the card's certificate ({@link Status#VERIFIED} and
 *     {@link Status#SIGNATURE_INVALID}); empty otherwise
 * @param certificateCurrent whether the card's certificate is within its validity dates at the time of the check
 */
public record SignatureCheck(Status status, Optional<ResidenceTrust.Anchor> anchor, boolean certificateCurrent) {

    public enum Status {
        /** The check code verifies over the data, with a certificate issued by a trusted anchor. */
        VERIFIED,
        /** The certificate is trusted but the check code does not verify: the data were changed (tampered). */
        SIGNATURE_INVALID,
        /** The certificate does not chain to any trust anchor (unknown CA, or a forged certificate). */
        CERTIFICATE_UNTRUSTED,
        /** The signature file or certificate could not be parsed. */
        MALFORMED,
        /** Not checked: the images it covers were not read (the read asked not to). */
        NOT_CHECKED
    }

    public static final SignatureCheck NOT_CHECKED = new SignatureCheck(Status.NOT_CHECKED, Optional.empty(), false);

    public SignatureCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(anchor, "anchor");
    }

    public boolean verified() {
        return status == Status.VERIFIED;
    }
}
