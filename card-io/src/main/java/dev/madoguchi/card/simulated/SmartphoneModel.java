package dev.madoguchi.card.simulated;

import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.mynumber.FirstGenerationProfile;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The {@link CardModel} of a smartphone with the My Number Card function (スマホ用電子証明書) as the project's sources
 * describe it (docs/card-protocol.md §4): the JPKI AP only — same AID as the card's, no 券面事項入力補助AP, no 券面AP,
 * no 共通AP or 住基AP — with its token label in EF {@code 0006} ({@code JPKIAPGPSETOKEN} on Android,
 * {@code JPKIAPIOSTOKEN} on an iPhone), the 利用者証明用電子証明書 in EF {@code 000A} readable only after the phone's
 * own PIN, and the phone's own PIN and password (separate from the card's). Not checked against a real phone.
 */
public final class SmartphoneModel {

    /** The phone's own 利用者証明用 PIN and 署名用 password in this model (not the card's). */
    public static final String AUTH_PIN = "2468";
    public static final String SIGN_PASSWORD = "PHONE1";

    private SmartphoneModel() {}

    public static CardModel of(CardType.Platform platform, CardKeys keys) {
        CardModel phone = new CardModel();
        String label = platform == CardType.Platform.ANDROID ? "JPKIAPGPSETOKEN" : "JPKIAPIOSTOKEN";
        CardModel.Application jpki = phone.application(FirstGenerationProfile.JPKI_AP)
                .file(0x0006, Arrays.copyOf(padded(label, 32), 160))
                .pin(0x0018, ascii(AUTH_PIN), 3, 3)
                .pin(0x001B, ascii(SIGN_PASSWORD), 5, 5)
                .signingKey(0x0017, keys.jpkiAuthKey().getPrivate(), 0x0018);
        jpki.file(0x000A, SyntheticIssuer.jpkiAuthCertificate(keys.jpkiAuthKey().getPublic(),
                keys.issuerKey().getPrivate(), LocalDate.of(2025, 6, 1), LocalDate.of(2030, 6, 1)), 0x0018);
        return phone;
    }

    private static byte[] padded(String text, int length) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) ' ');
        byte[] t = ascii(text);
        System.arraycopy(t, 0, out, 0, t.length);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
