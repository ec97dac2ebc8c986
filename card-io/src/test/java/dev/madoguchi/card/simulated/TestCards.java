package dev.madoguchi.card.simulated;

import dev.madoguchi.card.mynumber.BasicFour;
import java.time.LocalDate;

/** Test cards: the synthetic person of the public JPKI test card, and keys shared by a test run. */
public final class TestCards {

    public static final String PIN = "1234";
    public static final String AUTH_PIN = "5678";
    public static final String SECURITY_CODE = "2285";
    public static final String MY_NUMBER = "537686677188";

    private static CardKeys keys;

    private TestCards() {}

    /** The person of docs/card-protocol.md §1.4 on a card expiring 2035-02-17, every counter full. */
    public static MyNumberCardContent kokutou() {
        return new MyNumberCardContent(
                new BasicFour("黒桐\u3000幹也", "東京都清瀬市観布子南１２－７－２０２", LocalDate.of(1980, 2, 17), "1"),
                MY_NUMBER, LocalDate.of(2035, 2, 17), SECURITY_CODE, PIN, AUTH_PIN, "ABC123", 3, 3, 5, "13221",
                "400000012719843");
    }

    /** RSA keys generated once per JVM (generation is slow). */
    public static synchronized CardKeys keys() {
        if (keys == null) {
            keys = CardKeys.generate();
        }
        return keys;
    }
}
