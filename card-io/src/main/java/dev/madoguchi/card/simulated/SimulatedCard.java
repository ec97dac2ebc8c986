package dev.madoguchi.card.simulated;

import dev.madoguchi.card.detect.CardType;
import java.util.Objects;
import java.util.Optional;

/**
 * A demo card the simulated reader can hold.
 *
 * @param id stable identifier of the card (the demo resident's id), safe to log
 * @param label what the demo card chooser shows (a fictional holder's name); never logged
 * @param content what the card's chip holds; {@code null} for a card that is not a My Number Card
 * @param residence what a residence card's chip holds (fictional); {@code null} for other cards. A card with both is a
 *     特定在留カード (a residence card and a My Number Card in one chip, {@link #specified()}): its My Number side
 *     answers from {@code content}, its free files name it by {@code residence}'s document.
 * @param phone which smartphone with the My Number Card function this is ({@link SmartphoneModel}: only a JPKI AP);
 *     {@code null} for a card
 */
public record SimulatedCard(String id, String label, MyNumberCardContent content, ResidenceCardContent residence,
        CardType.Platform phone) {

    public SimulatedCard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        if (phone != null && (content != null || residence != null)) {
            throw new IllegalArgumentException("a phone holds no card content");
        }
    }

    /** A card with either side (or both, or neither). */
    public SimulatedCard(String id, String label, MyNumberCardContent content, ResidenceCardContent residence) {
        this(id, label, content, residence, null);
    }

    /** A My Number Card (or, with {@code null}, a card without a chip this program reads). */
    public SimulatedCard(String id, String label, MyNumberCardContent content) {
        this(id, label, content, null);
    }

    /** A residence card or 特別永住者証明書 with fictional content. */
    public SimulatedCard(String id, String label, ResidenceCardContent residence) {
        this(id, label, null, residence);
    }

    /** A card without a My Number Card chip (answers no SELECT). */
    public SimulatedCard(String id, String label) {
        this(id, label, null, null);
    }

    /** A 特定在留カード (residence card and My Number Card in one chip). */
    public static SimulatedCard specified(String id, String label, MyNumberCardContent myNumberSide,
            ResidenceCardContent residenceSide) {
        return new SimulatedCard(id, label, Objects.requireNonNull(myNumberSide, "myNumberSide"),
                Objects.requireNonNull(residenceSide, "residenceSide"));
    }

    /** A smartphone with the My Number Card function (スマホ用電子証明書), answering as {@link SmartphoneModel}. */
    public static SimulatedCard smartphone(String id, String label, CardType.Platform platform) {
        return new SimulatedCard(id, label, null, null, Objects.requireNonNull(platform, "platform"));
    }

    /** Which phone this is, when it is one. */
    public Optional<CardType.Platform> smartphone() {
        return Optional.ofNullable(phone);
    }

    /** Whether this is a 特定在留カード (both sides). */
    public boolean specified() {
        return content != null && residence != null;
    }

    public Optional<MyNumberCardContent> myNumberCard() {
        return Optional.ofNullable(content);
    }

    public Optional<ResidenceCardContent> residenceCard() {
        return Optional.ofNullable(residence);
    }

    @Override
    public String toString() {
        return "SimulatedCard[" + id + "]";
    }
}
