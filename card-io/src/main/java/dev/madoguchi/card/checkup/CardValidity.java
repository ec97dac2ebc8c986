package dev.madoguchi.card.checkup;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The card's own expiry, from the 共通AP record, which needs no PIN (docs/card-protocol.md §1.6). The record also holds
 * the card serial and the issuing municipality: neither is kept.
 *
 * @param renewalOpens the first day the card's renewal can be applied for ({@link ValidityStatus#renewalOpens})
 */
public record CardValidity(LocalDate expiry, ValidityStatus status, LocalDate renewalOpens) {

    public CardValidity {
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(renewalOpens, "renewalOpens");
    }

    /** The card's validity as it stands on {@code today}. */
    public static CardValidity on(LocalDate expiry, LocalDate today) {
        return new CardValidity(expiry, ValidityStatus.of(expiry, today), ValidityStatus.renewalOpens(expiry));
    }
}
