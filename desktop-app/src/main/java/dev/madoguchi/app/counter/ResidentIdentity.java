package dev.madoguchi.app.counter;

import dev.madoguchi.card.mynumber.TextRead;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.domain.Sex;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is at the counter, as the card says (基本4情報, exact strings) or as the clerk typed it when there is no card.
 * {@link #toString()} shows no personal data.
 *
 * @param nameKana typed by the clerk (the card has no furigana), or null
 * @param address null when the clerk did not type one
 * @param myNumber only when it was read because a procedure needs it, else null
 * @param residenceCard what a residence card or 特別永住者証明書 gave (its {@code name} is empty: the chip holds the name
 *     only as an image), else null
 */
public record ResidentIdentity(Source source, String name, String nameKana, String address, LocalDate birthDate,
        Sex sex, MyNumber myNumber, ResidenceCardFacts residenceCard) {

    /** Where the identity came from. */
    public enum Source {
        CARD_PIN,
        CARD_COLLATION_NUMBER_B,
        MANUAL,
        /** A residence card or 特別永住者証明書 opened with the card number the clerk typed. */
        RESIDENCE_CARD
    }

    public ResidentIdentity {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(birthDate, "birthDate");
    }

    /** An identity without residence card facts (My Number Card, manual entry). */
    public ResidentIdentity(Source source, String name, String nameKana, String address, LocalDate birthDate, Sex sex,
            MyNumber myNumber) {
        this(source, name, nameKana, address, birthDate, sex, myNumber, null);
    }

    /**
     * What a residence card's chip gave: birth date, sex, the 1st generation's address text, and the foreign-resident
     * items; no name (the chip holds it only as an image).
     */
    public static ResidentIdentity fromResidenceCard(LocalDate birthDate, Sex sex, String address,
            ResidenceCardFacts facts) {
        return new ResidentIdentity(Source.RESIDENCE_CARD, "", null, address, birthDate, sex, null,
                Objects.requireNonNull(facts, "facts"));
    }

    /** The card's 基本4情報 (and My Number when it was read). */
    public static ResidentIdentity fromCard(TextRead read, Source source) {
        var b = read.basicFour();
        MyNumber myNumber = read.myNumber().filter(m -> m.checkDigitValid()).map(m -> MyNumber.parse(m.digits()))
                .orElse(null);
        return new ResidentIdentity(source, b.name(), null, b.address(), b.birthDate(), sex(b.sexCode()), myNumber);
    }

    /** What the clerk typed for a resident without a card. */
    public static ResidentIdentity manual(String name, String nameKana, String address, LocalDate birthDate) {
        return new ResidentIdentity(Source.MANUAL, name, blankToNull(nameKana), blankToNull(address), birthDate, null,
                null);
    }

    public boolean fromCard() {
        return source != Source.MANUAL;
    }

    public Optional<MyNumber> myNumberIfRead() {
        return Optional.ofNullable(myNumber);
    }

    /** The same identity without its My Number (once the match is done and no procedure needs it). */
    public ResidentIdentity withoutMyNumber() {
        return new ResidentIdentity(source, name, nameKana, address, birthDate, sex, null, residenceCard);
    }

    /** The same identity with the My Number of a resumed draft (sealed apart from it). */
    public ResidentIdentity withMyNumber(MyNumber sealed) {
        return new ResidentIdentity(source, name, nameKana, address, birthDate, sex, sealed, residenceCard);
    }

    static Sex sex(String isoCode) {
        return switch (isoCode) {
            case "1" -> Sex.MALE;
            case "2" -> Sex.FEMALE;
            default -> Sex.NOT_APPLICABLE;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "ResidentIdentity[" + source + ", myNumber=" + (myNumber != null) + ", residenceCard="
                + (residenceCard != null) + "]";
    }
}
