package dev.madoguchi.card.simulated;

import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.mynumber.BasicFour;
import java.time.LocalDate;
import java.util.List;

/**
 * Demo cards for the volunteer's check-up, one per case a help desk meets: every PIN fine, the 利用者証明用 PIN locked,
 * the 券面事項入力補助用 PIN at one try, a certificate in its renewal window, an expired certificate, a damaged 共通AP
 * record, a card that is not a My Number Card, a smartphone (Android and an iPhone) and a residence card. The holder is fictional (見本 一郎) and the dates
 * are set from {@code today}, so each card shows its case whenever the demo runs. PINs: 券面事項入力補助用 and 住基
 * {@value #TEXT_PIN}, 利用者証明用 {@value #AUTH_PIN}, 署名用 {@value #SIGN_PASSWORD} (docs/volunteer.md).
 */
public final class VolunteerDemoCards {

    public static final String TEXT_PIN = "1234";
    public static final String AUTH_PIN = "5678";
    public static final String SIGN_PASSWORD = "ABC123";

    public static final String FINE = "volunteer-fine";
    public static final String AUTH_PIN_LOCKED = "volunteer-auth-pin-locked";
    public static final String TEXT_PIN_ONE_TRY = "volunteer-text-pin-one-try";
    public static final String CERTIFICATE_RENEWAL = "volunteer-certificate-renewal";
    public static final String CERTIFICATE_EXPIRED = "volunteer-certificate-expired";
    public static final String CORRUPT_RECORD = "volunteer-corrupt-record";
    public static final String NOT_A_MY_NUMBER_CARD = "volunteer-transit-card";
    public static final String RESIDENCE_CARD = "volunteer-residence-card";
    /**
     * An Android smartphone with the My Number Card function (スマホ用電子証明書) held to the reader: it answers as
     * {@link SmartphoneModel} (the JPKI AP only, token label {@code JPKIAPGPSETOKEN}; docs/volunteer.md §8), and the
     * check-up names it a phone.
     */
    public static final String SMARTPHONE = "volunteer-smartphone";
    /** The same on an iPhone (token label {@code JPKIAPIOSTOKEN}). */
    public static final String IPHONE = "volunteer-iphone";

    private VolunteerDemoCards() {}

    /** The deck, with dates relative to {@code today}. */
    public static List<SimulatedCard> deck(LocalDate today) {
        MyNumberCardContent fine = content(today, today.minusYears(2), today.plusYears(3));
        return List.of(
                new SimulatedCard(FINE, "見本 一郎（すべて正常）", fine),
                new SimulatedCard(AUTH_PIN_LOCKED, "見本 一郎（利用者証明用ロック）", fine.withAuthPinTriesLeft(0)),
                new SimulatedCard(TEXT_PIN_ONE_TRY, "見本 一郎（券面事項入力補助用 残り1回）", fine.withTextPinTriesLeft(1)),
                new SimulatedCard(CERTIFICATE_RENEWAL, "見本 一郎（証明書 更新期間）",
                        content(today, today.minusYears(5).plusDays(40), today.plusDays(40))),
                new SimulatedCard(CERTIFICATE_EXPIRED, "見本 一郎（証明書 期限切れ）",
                        content(today, today.minusYears(5).minusDays(60), today.minusDays(60))),
                new SimulatedCard(CORRUPT_RECORD, "見本 一郎（共通AP 破損）", fine.withCorruptCommonRecord()),
                new SimulatedCard(NOT_A_MY_NUMBER_CARD, "交通系ICカード"),
                SimulatedCard.smartphone(SMARTPHONE, "スマートフォン Android（マイナンバーカード機能）",
                        CardType.Platform.ANDROID),
                SimulatedCard.smartphone(IPHONE, "iPhone（マイナンバーカード機能）", CardType.Platform.IPHONE),
                new SimulatedCard(RESIDENCE_CARD, "在留カード（見本）",
                        ResidenceCardContent.demoSecondGeneration("AB12345678CD")));
    }

    private static MyNumberCardContent content(LocalDate today, LocalDate certificateFrom, LocalDate certificateUntil) {
        return new MyNumberCardContent(
                new BasicFour("見本\u3000一郎", "架空県窓口市本町１－２－３", LocalDate.of(1950, 4, 1), "1"),
                "123456789018", today.plusYears(8), "1111", TEXT_PIN, AUTH_PIN, SIGN_PASSWORD, 3, 3, 5, "99999",
                "999999999999999").withAuthCertificate(certificateFrom, certificateUntil);
    }
}
