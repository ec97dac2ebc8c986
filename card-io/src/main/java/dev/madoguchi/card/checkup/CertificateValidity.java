package dev.madoguchi.card.checkup;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The 利用者証明用電子証明書's validity, read without a PIN from JPKI EF 000A (docs/card-protocol.md §1.3). Only the
 * two dates are kept; the certificate (its serial number, its key) is dropped as soon as they are taken. Dates are in
 * Japan time: a certificate valid until 23:59:59 JST on a day is valid through that day.
 *
 * @param renewalOpens the first day renewal can be done at the counter ({@link ValidityStatus#renewalOpens})
 */
public record CertificateValidity(LocalDate validFrom, LocalDate validUntil, ValidityStatus status,
        LocalDate renewalOpens) {

    public CertificateValidity {
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(renewalOpens, "renewalOpens");
    }

    /** The validity as it stands on {@code today}. */
    public static CertificateValidity on(LocalDate validFrom, LocalDate validUntil, LocalDate today) {
        return new CertificateValidity(validFrom, validUntil, ValidityStatus.of(validUntil, today),
                ValidityStatus.renewalOpens(validUntil));
    }
}
