package dev.madoguchi.card.checkup;

import java.time.LocalDate;

/**
 * Where a certificate or the card stands on the day of the check-up. Renewal of the JPKI certificates opens three
 * months before they expire and is done at the municipal counter; the card's own renewal likewise opens three months
 * before its expiry (docs/volunteer.md).
 */
public enum ValidityStatus {
    /** Valid, and more than three months before the last day. */
    FINE,
    /** Still valid, but the renewal window (three months before the last day) has opened. */
    RENEWAL_WINDOW,
    /** The last valid day has passed. */
    EXPIRED;

    /** How long before the last valid day renewal opens. */
    public static final int RENEWAL_MONTHS = 3;

    /** The day renewal opens for something valid through {@code validUntil}. */
    public static LocalDate renewalOpens(LocalDate validUntil) {
        return validUntil.minusMonths(RENEWAL_MONTHS);
    }

    /** The status on {@code today} of something valid through {@code validUntil} (that day included). */
    public static ValidityStatus of(LocalDate validUntil, LocalDate today) {
        if (today.isAfter(validUntil)) {
            return EXPIRED;
        }
        return today.isBefore(renewalOpens(validUntil)) ? FINE : RENEWAL_WINDOW;
    }
}
