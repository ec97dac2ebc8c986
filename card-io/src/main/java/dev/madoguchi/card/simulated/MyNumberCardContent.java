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
 */
public record MyNumberCardContent(BasicFour basicFour, String myNumber, LocalDate expiry, String securityCode,
        String textPin, String authPin, String signPassword, int textPinTriesLeft, int authPinTriesLeft,
        int signPasswordTriesLeft, String municipalityCode, String serial) {

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

    /** The same card with other starting counters (e.g. a blocked PIN for a test). */
    public MyNumberCardContent withTextPinTriesLeft(int tries) {
        return new MyNumberCardContent(basicFour, myNumber, expiry, securityCode, textPin, authPin, signPassword, tries,
                authPinTriesLeft, signPasswordTriesLeft, municipalityCode, serial);
    }

    @Override
    public String toString() {
        return "MyNumberCardContent[expiry=" + expiry + ", municipality=" + municipalityCode + "]";
    }
}
