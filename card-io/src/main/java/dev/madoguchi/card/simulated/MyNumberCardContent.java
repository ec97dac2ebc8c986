package dev.madoguchi.card.simulated;

import dev.madoguchi.card.mynumber.BasicFour;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a simulated My Number Card holds: the text, the secrets and the counters it starts with. Built by the
 * application from demo residents (card-io does not know the demo municipality) or by tests. {@code toString()} shows
 * neither personal data nor secrets.
 *
 * @param signPassword {@code null} when the card has no signature certificate
 * @param municipalityCode the 5-digit 全国地方公共団体コード of the issuing municipality
 * @param serial the 15-digit card serial of the 共通AP
 * @param residentRegistryPinTriesLeft the 住基AP PIN's tries (its value is the text PIN's, as most people set it)
 * @param authCertificate the dates of a 利用者証明用電子証明書 made for this card; {@code null}: the certificate of the
 *     {@link CardKeys}, if any
 * @param corruptCommonRecord the 共通AP record does not have its documented structure (for fault tests)
 */
public record MyNumberCardContent(BasicFour basicFour, String myNumber, LocalDate expiry, String securityCode,
        String textPin, String authPin, String signPassword, int textPinTriesLeft, int authPinTriesLeft,
        int signPasswordTriesLeft, String municipalityCode, String serial, int residentRegistryPinTriesLeft,
        CertificateDates authCertificate, boolean corruptCommonRecord) {

    /** The validity of a simulated 利用者証明用電子証明書, both days included (Japan time). */
    public record CertificateDates(LocalDate validFrom, LocalDate validUntil) {
        public CertificateDates {
            Objects.requireNonNull(validFrom, "validFrom");
            Objects.requireNonNull(validUntil, "validUntil");
            if (validUntil.isBefore(validFrom)) {
                throw new IllegalArgumentException("a certificate ends after it starts");
            }
        }
    }

    public MyNumberCardContent {
        Objects.requireNonNull(basicFour, "basicFour");
        Objects.requireNonNull(myNumber, "myNumber");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(securityCode, "securityCode");
        Objects.requireNonNull(textPin, "textPin");
        Objects.requireNonNull(authPin, "authPin");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(serial, "serial");
    }

    /** A card with the 住基 PIN at full tries, the keys' certificate and an intact 共通AP record. */
    public MyNumberCardContent(BasicFour basicFour, String myNumber, LocalDate expiry, String securityCode,
            String textPin, String authPin, String signPassword, int textPinTriesLeft, int authPinTriesLeft,
            int signPasswordTriesLeft, String municipalityCode, String serial) {
        this(basicFour, myNumber, expiry, securityCode, textPin, authPin, signPassword, textPinTriesLeft,
                authPinTriesLeft, signPasswordTriesLeft, municipalityCode, serial, 3, null, false);
    }

    /** The same card with other starting counters (e.g. a blocked PIN for a test). */
    public MyNumberCardContent withTextPinTriesLeft(int tries) {
        return new MyNumberCardContent(basicFour, myNumber, expiry, securityCode, textPin, authPin, signPassword, tries,
                authPinTriesLeft, signPasswordTriesLeft, municipalityCode, serial, residentRegistryPinTriesLeft,
                authCertificate, corruptCommonRecord);
    }

    /** The same card with the 利用者証明用 PIN at {@code tries} (0: locked). */
    public MyNumberCardContent withAuthPinTriesLeft(int tries) {
        return new MyNumberCardContent(basicFour, myNumber, expiry, securityCode, textPin, authPin, signPassword,
                textPinTriesLeft, tries, signPasswordTriesLeft, municipalityCode, serial, residentRegistryPinTriesLeft,
                authCertificate, corruptCommonRecord);
    }

    /** The same card with the 署名用 password at {@code tries} (0: locked). */
    public MyNumberCardContent withSignPasswordTriesLeft(int tries) {
        return new MyNumberCardContent(basicFour, myNumber, expiry, securityCode, textPin, authPin, signPassword,
                textPinTriesLeft, authPinTriesLeft, tries, municipalityCode, serial, residentRegistryPinTriesLeft,
                authCertificate, corruptCommonRecord);
    }

    /** The same card with the 住基 PIN at {@code tries} (0: locked). */
    public MyNumberCardContent withResidentRegistryPinTriesLeft(int tries) {
        return new MyNumberCardContent(basicFour, myNumber, expiry, securityCode, textPin, authPin, signPassword,
                textPinTriesLeft, authPinTriesLeft, signPasswordTriesLeft, municipalityCode, serial, tries,
                authCertificate, corruptCommonRecord);
    }

    /** The same card with a 利用者証明用電子証明書 of its own, valid from {@code from} through {@code until}. */
    public MyNumberCardContent withAuthCertificate(LocalDate from, LocalDate until) {
        return new MyNumberCardContent(basicFour, myNumber, expiry, securityCode, textPin, authPin, signPassword,
                textPinTriesLeft, authPinTriesLeft, signPasswordTriesLeft, municipalityCode, serial,
                residentRegistryPinTriesLeft, new CertificateDates(from, until), corruptCommonRecord);
    }

    /** The same card whose 共通AP record is damaged (not 28 digits). */
    public MyNumberCardContent withCorruptCommonRecord() {
        return new MyNumberCardContent(basicFour, myNumber, expiry, securityCode, textPin, authPin, signPassword,
                textPinTriesLeft, authPinTriesLeft, signPasswordTriesLeft, municipalityCode, serial,
                residentRegistryPinTriesLeft, authCertificate, true);
    }

    @Override
    public String toString() {
        return "MyNumberCardContent[expiry=" + expiry + ", municipality=" + municipalityCode + "]";
    }
}
