package dev.madoguchi.card.checkup;

import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.mynumber.PinKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the volunteer's check-up found on one card, read without any PIN and without consuming a try. Holds no name,
 * address, birth date, My Number, card serial or certificate serial: only the card's kind, the PINs' tries, two
 * certificate dates and the card's expiry. Immutable.
 *
 * @param cardType what lies on the reader (a residence card or an unknown card gives only this)
 * @param checkedOn the day the statuses were computed for (Japan time)
 * @param pins the tries of each PIN the card has, in {@link PinKind} order; empty for a card that is not a My Number
 *     Card
 * @param authCertificate the 利用者証明用電子証明書's validity; empty when the card has none (or is no My Number Card)
 * @param card the card's own expiry from the 共通AP; empty when the card has no 共通AP (or is no My Number Card)
 * @param apdus the command APDUs the check-up sent
 */
public record CheckUp(CardType cardType, LocalDate checkedOn, List<PinTries> pins,
        Optional<CertificateValidity> authCertificate, Optional<CardValidity> card, int apdus) {

    public CheckUp {
        Objects.requireNonNull(cardType, "cardType");
        Objects.requireNonNull(checkedOn, "checkedOn");
        pins = List.copyOf(pins);
        Objects.requireNonNull(authCertificate, "authCertificate");
        Objects.requireNonNull(card, "card");
    }

    /** A card that is not a My Number Card: only its type is known. */
    public static CheckUp notMyNumberCard(CardType cardType, LocalDate checkedOn, int apdus) {
        return new CheckUp(cardType, checkedOn, List.of(), Optional.empty(), Optional.empty(), apdus);
    }

    /** Whether a My Number Card was checked (also the My Number side of a 特定在留カード). */
    public boolean myNumberCard() {
        return cardType.kind() == CardType.Kind.MY_NUMBER_CARD
                || (cardType instanceof CardType.SpecifiedCard specified && specified.myNumberSide());
    }

    /** The tries of one PIN, when the card has it. */
    public Optional<PinTries> pin(PinKind kind) {
        return pins.stream().filter(p -> p.kind() == kind).findFirst();
    }
}
