package dev.madoguchi.card.mynumber;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The card health check for volunteers: read without any PIN and without consuming a try.
 *
 * @param textPin tries left on the 券面事項入力補助用暗証番号
 * @param authPin tries left on the 利用者証明用電子証明書 PIN (empty when the card has no JPKI AP)
 * @param signPassword tries left on the 署名用電子証明書 password (empty when the card has no JPKI AP)
 * @param authCertificateValidFrom / authCertificateValidUntil validity of the 利用者証明用電子証明書 (empty when none)
 * @param cardInfo card expiry and issuing municipality from the 共通AP (empty when the card does not have it)
 */
public record CardHealth(PinStatus textPin, Optional<PinStatus> authPin, Optional<PinStatus> signPassword,
        Optional<LocalDate> authCertificateValidFrom, Optional<LocalDate> authCertificateValidUntil,
        Optional<CardInfo> cardInfo) {}
