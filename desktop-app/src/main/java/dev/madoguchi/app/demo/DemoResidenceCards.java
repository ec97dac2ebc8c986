package dev.madoguchi.app.demo;

import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.simulated.ResidenceCardContent;
import dev.madoguchi.card.simulated.SimulatedCard;
import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.ForeignResidency;
import dev.madoguchi.demo.Resident;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Simulated residence cards of the demo municipality's foreign residents (FICTIONAL, like everything of the demo):
 * the chip holds the register's birth date, sex, nationality (as its ISO 3166 code), 在留カード等番号 and the end of the
 * period of stay, so a demo visit finds the resident by the card number. The status-of-residence code and the period
 * are made up (the chip's codes have no published list). The cards' ids are {@code rc-<resident id>}; the signatures
 * are the simulated reader's synthetic CA's.
 */
public final class DemoResidenceCards {

    /** The id prefix of the demo residence cards in the deck. */
    public static final String ID_PREFIX = "rc-";
    /** The id prefix of the demo 特定在留カード (residence card and My Number Card in one) in the deck. */
    public static final String SPECIFIED_PREFIX = "sc-";

    private static final DateTimeFormatter CHIP_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String MADE_UP_STATUS = "0000000019";

    private DemoResidenceCards() {
    }

    /**
     * Two 2nd-generation residence cards, one 2nd-generation 特別永住者証明書, one 1st-generation residence card and one
     * 特定在留カード of a foreign resident who also holds a My Number Card (when the municipality has such residents), in
     * the register's order.
     *
     * @param municipalityCode the 5-digit code the My Number side carries
     */
    public static List<SimulatedCard> of(DemoMunicipality municipality, String municipalityCode) {
        List<SimulatedCard> deck = new ArrayList<>();
        Predicate<Resident> midToLong = r -> ForeignResidency.MID_TO_LONG_TERM.equals(r.foreignResidency().category())
                && r.foreignResidency().periodOfStayEnd() != null;
        List<Resident> holders = municipality.residents().stream().filter(Resident::isForeign)
                .filter(r -> r.foreignResidency().residenceCardNumber() != null)
                .filter(r -> alpha3(r.foreignResidency().nationality()).isPresent()).toList();
        holders.stream().filter(midToLong).limit(2).forEach(r -> deck.add(card(r, CardType.Generation.SECOND)));
        holders.stream().filter(r -> ForeignResidency.SPECIAL_PERMANENT.equals(r.foreignResidency().category()))
                .findFirst().ifPresent(r -> deck.add(card(r, CardType.Generation.SECOND)));
        holders.stream().filter(midToLong).skip(2).findFirst()
                .ifPresent(r -> deck.add(card(r, CardType.Generation.FIRST)));
        holders.stream().filter(midToLong).filter(r -> r.card() != null && r.card().textPinTriesLeft() == 3)
                .reduce((first, second) -> second).ifPresent(r -> deck.add(SimulatedCard.specified(
                        SPECIFIED_PREFIX + r.id(), r.fullName() + "（特定在留カード）",
                        DemoEnvironment.cardContent(r, municipalityCode),
                        card(r, CardType.Generation.SECOND).residenceCard().orElseThrow())));
        return List.copyOf(deck);
    }

    /** The deck's residence cards as the デモ menu lists them: the number printed on each (and a specified card's PIN). */
    public static List<DemoCardLine> lines(List<SimulatedCard> deck) {
        List<DemoCardLine> out = new ArrayList<>();
        for (SimulatedCard card : deck) {
            if (!card.id().startsWith(ID_PREFIX) && !card.id().startsWith(SPECIFIED_PREFIX)) {
                continue;
            }
            String number = card.residenceCard().orElseThrow().cardNumber();
            var myNumberSide = card.myNumberCard();
            out.add(new DemoCardLine(card.id(), card.label(), myNumberSide.map(c -> c.textPin()).orElse(null),
                    myNumberSide.map(c -> c.textPinTriesLeft()).orElse(0), null, "", number));
        }
        return List.copyOf(out);
    }

    static SimulatedCard card(Resident r, CardType.Generation generation) {
        ForeignResidency f = r.foreignResidency();
        boolean special = ForeignResidency.SPECIAL_PERMANENT.equals(f.category());
        CardType.Document document = special ? CardType.Document.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE
                : CardType.Document.RESIDENCE_CARD;
        LocalDate periodEnd = f.periodOfStayEnd();
        LocalDate expiry = periodEnd != null ? periodEnd : r.birthDate().plusYears(80);
        String sex = switch (r.sex()) {
            case MALE -> "1";
            case FEMALE -> "2";
            case NOT_APPLICABLE -> "3";
        };
        List<String> printed = new ArrayList<>(List.of(CHIP_DATE.format(expiry), CHIP_DATE.format(r.birthDate()), sex,
                alpha3(f.nationality()).orElseThrow(), special ? "0000000000" : MADE_UP_STATUS,
                periodEnd == null ? "0000" : "0300"));
        if (!special) {
            printed.addAll(List.of("01", CHIP_DATE.format(periodEnd.minusYears(3)), "2", CHIP_DATE.format(periodEnd)));
        }
        ResidenceCardContent template = generation == CardType.Generation.FIRST
                ? ResidenceCardContent.demoFirstGeneration(f.residenceCardNumber())
                : ResidenceCardContent.demoSecondGeneration(f.residenceCardNumber());
        List<ResidenceCardContent.Address> addresses = generation == CardType.Generation.FIRST
                ? List.of(new ResidenceCardContent.Address(CHIP_DATE.format(r.movedInOn()), "999999", r.address()))
                : List.of();
        ResidenceCardContent content = new ResidenceCardContent(document, generation, f.residenceCardNumber(),
                generation == CardType.Generation.FIRST ? List.of() : printed,
                generation == CardType.Generation.FIRST ? List.of("", "", "")
                        : special ? List.of("", "", "", "", "0", "") : List.of("0", "", "0", "0", "0", ""),
                addresses, template.nameOrFrontImage(), template.photo(), template.addressImage(), false);
        String what = special ? "特別永住者証明書" : generation == CardType.Generation.FIRST ? "在留カード 第1世代" : "在留カード";
        return new SimulatedCard(ID_PREFIX + r.id(), r.fullName() + "（" + what + "）", content);
    }

    /** The ISO 3166 alpha-3 code of a nationality the register writes in Japanese ({@code ベトナム} → VNM). */
    static Optional<String> alpha3(String japaneseName) {
        for (String alpha2 : Locale.getISOCountries()) {
            Locale country = new Locale("", alpha2);
            if (country.getDisplayCountry(Locale.JAPANESE).equals(japaneseName)) {
                return Optional.of(country.getISO3Country());
            }
        }
        return Optional.empty();
    }
}
