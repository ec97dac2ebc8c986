package dev.madoguchi.card.detect;

import dev.madoguchi.card.apdu.Commands;
import dev.madoguchi.card.apdu.Response;
import dev.madoguchi.card.mynumber.FirstGenerationProfile;
import dev.madoguchi.card.reader.ApduChannel;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.tlv.BerTlv;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds the card type on a fresh connection with free commands only (no number, no PIN, nothing personal):
 * <ol>
 *   <li>READ BINARY of MF/EF02 ({@code C1} card type): {@code 1}/{@code 2} first generation, {@code 05}/{@code 06}
 *       second generation, {@code 07}/{@code 08} specified cards; then MF/EF01 ({@code C0} specification
 *       version);</li>
 *   <li>otherwise, or for a specified card, SELECT of the My Number Card's 券面事項入力補助AP;</li>
 *   <li>when that does not answer either, SELECT of the JPKI AP and, when it answers, the token label: the first 32
 *       bytes of its free EF {@code 0006} (docs/card-protocol.md §1.3, §4). {@code JPKIAPGPSETOKEN} is an Android
 *       phone, {@code JPKIAPIOSTOKEN} an iPhone (スマホ用電子証明書), {@code JPKIAPICCTOKEN} an old 住基カード;
 *       {@code JPKIAPICCTOKEN2} (a My Number Card's) or any other label leaves the card unknown, so that a later card
 *       generation can still be recognised by its profile. The label is compared, never logged or kept.</li>
 * </ol>
 * Never looks at the ATR. Malformed answers make a card {@link CardType.Unknown}, never an exception; only transport
 * failures (card removed, reader gone) are thrown. Leaves the card with the MF, the text AP or the JPKI AP selected: callers reset
 * or select before reading.
 */
public final class CardTypeDetector {

    /** JPKI EF 0006: the token information, free to read; its first 32 bytes are the label, space padded. */
    static final int TOKEN_INFO = 0x0006;
    static final int LABEL_LENGTH = 32;
    static final String MY_NUMBER_CARD_LABEL = "JPKIAPICCTOKEN2";
    static final String JUKI_CARD_LABEL = "JPKIAPICCTOKEN";
    static final String ANDROID_LABEL = "JPKIAPGPSETOKEN";
    static final String IPHONE_LABEL = "JPKIAPIOSTOKEN";

    private int commands;

    /** The card's type; see the class comment. */
    public CardType detect(ApduChannel card) throws CardIoException {
        commands = 0;
        Optional<String> typeCode = freeText(card, FreeFiles.MF_CARD_TYPE, 0xC1);
        if (typeCode.isPresent()) {
            String code = typeCode.get();
            String version = freeText(card, FreeFiles.MF_COMMON, 0xC0).orElse("");
            switch (code) {
                case "1":
                    return residence(CardType.Document.RESIDENCE_CARD, CardType.Generation.FIRST, code, version);
                case "2":
                    return residence(CardType.Document.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE,
                            CardType.Generation.FIRST, code, version);
                case "05":
                    return residence(CardType.Document.RESIDENCE_CARD, CardType.Generation.SECOND, code, version);
                case "06":
                    return residence(CardType.Document.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE,
                            CardType.Generation.SECOND, code, version);
                case "07":
                    return new CardType.SpecifiedCard(CardType.Document.RESIDENCE_CARD, code, version, myNumber(card));
                case "08":
                    return new CardType.SpecifiedCard(CardType.Document.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE, code,
                            version, myNumber(card));
                default:
                    if (myNumber(card)) {
                        return new CardType.MyNumberCard();
                    }
                    return new CardType.Unknown("card-type code of " + code.length() + " characters not known");
            }
        }
        if (myNumber(card)) {
            return new CardType.MyNumberCard();
        }
        return jpkiToken(card);
    }

    /**
     * Commands sent by the last {@link #detect}: 2 for a residence card or a My Number Card, 3 for a card that answers
     * none of them, 5 for a phone or a 住基カード.
     */
    public int commands() {
        return commands;
    }

    private static CardType residence(CardType.Document document, CardType.Generation generation, String code,
            String version) {
        return new CardType.ResidenceCard(document, generation, code, version);
    }

    private boolean myNumber(ApduChannel card) throws CardIoException {
        commands++;
        return card.transmit(Commands.selectDf(FirstGenerationProfile.TEXT_AP)).ok();
    }

    /**
     * A card without the 券面事項入力補助AP: a phone or a 住基カード when its JPKI AP names itself so, else unknown. Only
     * SELECT and READ BINARY of the free token-info EF; the label is matched against the published labels and dropped.
     */
    private CardType jpkiToken(ApduChannel card) throws CardIoException {
        commands++;
        if (!card.transmit(Commands.selectDf(FirstGenerationProfile.JPKI_AP)).ok()) {
            return new CardType.Unknown("no residence card type, no My Number Card text AP, no JPKI AP");
        }
        commands++;
        if (!card.transmit(Commands.selectEf(TOKEN_INFO)).ok()) {
            return new CardType.Unknown("a JPKI AP without its token information");
        }
        commands++;
        Response r = card.transmit(Commands.readBinary(0, LABEL_LENGTH));
        if (!r.ok()) {
            return new CardType.Unknown("a JPKI AP whose token information cannot be read");
        }
        switch (label(r.data())) {
            case ANDROID_LABEL:
                return new CardType.Smartphone(CardType.Platform.ANDROID);
            case IPHONE_LABEL:
                return new CardType.Smartphone(CardType.Platform.IPHONE);
            case JUKI_CARD_LABEL:
                return new CardType.JukiCard();
            case MY_NUMBER_CARD_LABEL:
                return new CardType.Unknown("a My Number Card's JPKI AP without its text AP");
            default:
                return new CardType.Unknown("a JPKI AP with a token label not known");
        }
    }

    /** The token label: up to the first 32 bytes, printable ASCII, trailing spaces dropped; empty when not so. */
    static String label(byte[] tokenInfo) {
        int end = Math.min(tokenInfo.length, LABEL_LENGTH);
        while (end > 0 && (tokenInfo[end - 1] == ' ' || tokenInfo[end - 1] == 0)) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            if (tokenInfo[i] < 0x20 || tokenInfo[i] > 0x7E) {
                return "";
            }
        }
        return new String(tokenInfo, 0, end, StandardCharsets.US_ASCII);
    }

    /**
     * The text of a one-object EF read by short identifier, when the card answers with exactly that tag and printable
     * ASCII of 1–4 characters; empty for any other answer. A wrong-length answer ({@code 6C xx}) is asked again once.
     */
    private Optional<String> freeText(ApduChannel card, int p1, int tag) throws CardIoException {
        commands++;
        Response r = card.transmit(new byte[] {0x00, (byte) 0xB0, (byte) p1, 0x00, 0x00});
        if (r.sw1() == 0x6C) {
            commands++;
            r = card.transmit(new byte[] {0x00, (byte) 0xB0, (byte) p1, 0x00, (byte) r.sw()});
        }
        if (!r.ok()) {
            return Optional.empty();
        }
        try {
            BerTlv object = BerTlv.parseFirst(r.data());
            byte[] value = object.value();
            if (object.tag() != tag || value.length < 1 || value.length > 4) {
                return Optional.empty();
            }
            for (byte b : value) {
                if (b < 0x20 || b > 0x7E) {
                    return Optional.empty();
                }
            }
            return Optional.of(new String(value, StandardCharsets.US_ASCII));
        } catch (CardIoException malformed) {
            return Optional.empty();
        }
    }
}
