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
 */
public record ResidentIdentity(Source source, String name, String nameKana, String address, LocalDate birthDate,
        Sex sex, MyNumber myNumber) {

    /** Where the identity came from. */
    public enum Source {
        CARD_PIN,
        CARD_COLLATION_NUMBER_B,
        MANUAL
    }

    public ResidentIdentity {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(birthDate, "birthDate");
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
        return new ResidentIdentity(source, name, nameKana, address, birthDate, sex, null);
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
        return "ResidentIdentity[" + source + ", myNumber=" + (myNumber != null) + "]";
    }
}
