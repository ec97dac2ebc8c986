package dev.madoguchi.card.simulated;

import dev.madoguchi.card.detect.CardType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a simulated residence card's chip holds. FICTIONAL DATA ONLY: the demo and test cards are made up (their
 * numbers, dates and addresses belong to nobody), and their images are placeholders, not pictures.
 *
 * @param cardNumber the 12 characters printed on the card (the chip's key)
 * @param printed 2nd gen printed entries as the chip stores them, in tag order {@code C5 C6 C7 C8 C9 CE CA CB CC CD}
 *     (for a 特別永住者証明書 the first six); ignored for the 1st generation
 * @param back 2nd gen {@code D5 D6 D7 D8 D9 DE}, 1st gen {@code D5 D6 D7}, each "" when absent
 * @param addresses 1st gen address entries ({@code D4} date {@code YYYYMMDD}, {@code D2} municipality code, {@code D3}
 *     address)
 * @param tampered when true the chip's data are changed after signing (the last printed entry of a 2nd gen card, a
 *     byte of a 1st gen card's photo), so the signature check fails: the demo's and tests' tampered card
 */
public record ResidenceCardContent(CardType.Document document, CardType.Generation generation, String cardNumber,
        List<String> printed, List<String> back, List<Address> addresses, byte[] nameOrFrontImage, byte[] photo,
        byte[] addressImage, boolean tampered) {

    /** A first-generation address entry. */
    public record Address(String writtenOn, String municipalityCode, String address) {}

    public ResidenceCardContent {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(cardNumber, "cardNumber");
        printed = List.copyOf(printed);
        back = List.copyOf(back);
        addresses = List.copyOf(addresses);
        nameOrFrontImage = nameOrFrontImage.clone();
        photo = photo.clone();
        addressImage = addressImage.clone();
    }

    /** The same card with its data changed after signing. */
    public ResidenceCardContent tamperedAfterSigning() {
        return new ResidenceCardContent(document, generation, cardNumber, printed, back, addresses, nameOrFrontImage,
                photo, addressImage, true);
    }

    /** The chip's card-type code. */
    public String typeCode() {
        boolean residence = document == CardType.Document.RESIDENCE_CARD;
        return generation == CardType.Generation.FIRST ? (residence ? "1" : "2") : (residence ? "05" : "06");
    }

    /**
     * A fictional second-generation residence card: card expiry 2031-03-31, born 1994-07-15, female, nationality
     * code {@code VNM}, a made-up status code, three years, no work restriction, period ending 2031-03-31.
     */
    public static ResidenceCardContent demoSecondGeneration(String cardNumber) {
        return new ResidenceCardContent(CardType.Document.RESIDENCE_CARD, CardType.Generation.SECOND, cardNumber,
                List.of("20310331", "19940715", "2", "VNM", "0000000019", "0300", "01", "20280401", "1", "20310331"),
                List.of("1", "20310331", "0", "0", "0", ""), List.of(), placeholder("TIFF name", 2500),
                placeholder("JP2 photo", 3000), placeholder("TIFF address", 2500), false);
    }

    /** A fictional second-generation 特別永住者証明書 (born 1960-01-02, male, nationality {@code KOR}). */
    public static ResidenceCardContent demoSpecialPermanentResident(String cardNumber) {
        return new ResidenceCardContent(CardType.Document.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE,
                CardType.Generation.SECOND, cardNumber,
                List.of("20330102", "19600102", "1", "KOR", "0000000000", "0000"),
                List.of("", "", "", "", "0", ""), List.of(), placeholder("TIFF name", 2500),
                placeholder("JP2 photo", 3000), placeholder("TIFF address", 2500), false);
    }

    /** A fictional first-generation residence card with two addresses written on the back. */
    public static ResidenceCardContent demoFirstGeneration(String cardNumber) {
        return new ResidenceCardContent(CardType.Document.RESIDENCE_CARD, CardType.Generation.FIRST, cardNumber,
                List.of(), List.of("", "", ""),
                List.of(new Address("20240401", "131016", "東京都千代田区架空町一丁目２番３号"),
                        new Address("20250910", "999999", "デモ県見本市試験町四丁目５番６号　見本荘１０１号")),
                placeholder("TIFF front", 7000), placeholder("JP2 photo", 3000), new byte[0], false);
    }

    /** Placeholder bytes of the stated length (not a decodable image): a label, then a fixed pattern. */
    static byte[] placeholder(String label, int length) {
        byte[] out = new byte[length];
        byte[] l = ("MADOGUCHI FICTIONAL " + label).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < length; i++) {
            out[i] = i < l.length ? l[i] : (byte) (i * 31 + 7);
        }
        return out;
    }

    @Override
    public String toString() {
        return "ResidenceCardContent[" + typeCode() + (tampered ? ", tampered" : "") + ", fictional]";
    }
}
