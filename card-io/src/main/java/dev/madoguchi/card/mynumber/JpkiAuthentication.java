package dev.madoguchi.card.mynumber;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of the JPKI user-authentication challenge (docs/card-protocol.md §2.1–2.2): what was verified and what was not.
 *
 * @param signature the card signed a fresh random challenge with the key of its 利用者証明用電子証明書 (after the PIN)
 * @param chain the certificate chains to one of the pinned roots (PKIX, at {@code checkedAt}, revocation off)
 * @param revocation always {@link Check#NOT_CHECKED}: J-LIS revocation lists are online-only and need registration
 * @param certificateNotAfter when the certificate expires
 */
public record JpkiAuthentication(Check signature, Check chain, Check revocation, Instant checkedAt,
        Instant certificateNotAfter) {

    public JpkiAuthentication {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(revocation, "revocation");
    }

    /** True only when both the possession of the key and the chain to a pinned root were shown. */
    public boolean authenticated() {
        return signature == Check.PASSED && chain == Check.PASSED;
    }
}
