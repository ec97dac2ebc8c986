package dev.madoguchi.app.checkup;

import dev.madoguchi.card.checkup.CheckUp;
import dev.madoguchi.card.checkup.PinTries;
import dev.madoguchi.card.checkup.ValidityStatus;
import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.forms.advice.Advice;
import dev.madoguchi.forms.advice.AdviceService;
import dev.madoguchi.forms.advice.CheckUpFacts;
import java.util.Map;
import java.util.Optional;

/**
 * The volunteer's check-up turned into advice: card-io's {@link CheckUp} handed to the advice table of forms as its own
 * {@link CheckUpFacts} (forms does not depend on card-io). Used by {@code madoguchi card advice} and the volunteer
 * screens. Holds nothing between calls.
 */
public final class CheckUpAdviceService {

    private final AdviceService advice;

    public CheckUpAdviceService(AdviceService advice) {
        this.advice = advice;
    }

    /** The built-in table with the demo municipality's places. */
    public static CheckUpAdviceService demo() {
        return new CheckUpAdviceService(AdviceService.demo());
    }

    public AdviceService adviceService() {
        return advice;
    }

    /**
     * @param answers the resident's answers to the table's questions ({@code knowsSignPassword}, {@code knowsAuthPin}
     *     → yes / no / unknown); missing ones count as unknown
     */
    public Advice advise(CheckUp checkUp, Map<String, String> answers) {
        return advice.advise(facts(checkUp), answers);
    }

    /** The check-up as the advice table reads it. */
    public static CheckUpFacts facts(CheckUp checkUp) {
        String kind;
        if (checkUp.myNumberCard()) {
            kind = CheckUpFacts.MY_NUMBER_CARD;
        } else if (checkUp.cardType().kind() == CardType.Kind.RESIDENCE_CARD
                || checkUp.cardType().kind() == CardType.Kind.SPECIFIED_CARD) {
            kind = CheckUpFacts.RESIDENCE_CARD;
        } else if (checkUp.cardType() instanceof CardType.Smartphone phone) {
            kind = phone.platform() == CardType.Platform.IPHONE ? CheckUpFacts.SMARTPHONE_IPHONE
                    : CheckUpFacts.SMARTPHONE_ANDROID;
        } else if (checkUp.cardType().kind() == CardType.Kind.JUKI_CARD) {
            kind = CheckUpFacts.JUKI_CARD;
        } else {
            kind = CheckUpFacts.UNKNOWN_CARD;
        }
        return new CheckUpFacts(kind, checkUp.checkedOn(),
                checkUp.pins().stream().map(CheckUpAdviceService::pin).toList(),
                checkUp.authCertificate().map(c -> new CheckUpFacts.Validity(Optional.of(c.validFrom()),
                        c.validUntil(), standing(c.status()), c.renewalOpens())),
                checkUp.card().map(c -> new CheckUpFacts.Validity(Optional.empty(), c.expiry(), standing(c.status()),
                        c.renewalOpens())));
    }

    private static CheckUpFacts.Pin pin(PinTries tries) {
        return new CheckUpFacts.Pin(tries.kind().code(), tries.triesLeft(), tries.maxTries());
    }

    private static CheckUpFacts.Standing standing(ValidityStatus status) {
        return switch (status) {
            case FINE -> CheckUpFacts.Standing.FINE;
            case RENEWAL_WINDOW -> CheckUpFacts.Standing.RENEWAL_WINDOW;
            case EXPIRED -> CheckUpFacts.Standing.EXPIRED;
        };
    }
}
