package dev.madoguchi.app.volunteer;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.card.checkup.CardValidity;
import dev.madoguchi.card.checkup.CertificateValidity;
import dev.madoguchi.card.checkup.CheckUp;
import dev.madoguchi.card.checkup.PinTries;
import dev.madoguchi.card.checkup.ValidityStatus;
import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.mynumber.PinKind;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A check-up in the volunteer's words ({@code volunteer.*} texts): the card's kind, each PIN's tries with what the
 * numbers mean, the certificate's and the card's dates with their standing. Pure.
 */
public final class CheckUpWords {

    private final Messages messages;

    public CheckUpWords(Messages messages) {
        this.messages = messages;
    }

    /** What lies on the reader, named. */
    public String cardKind(CheckUp checkUp) {
        CardType type = checkUp.cardType();
        return switch (type.kind()) {
            case MY_NUMBER_CARD -> messages.get("volunteer.kind.myNumberCard");
            case SPECIFIED_CARD -> messages.get(checkUp.myNumberCard() ? "volunteer.kind.specifiedCard"
                    : "volunteer.kind.residenceCard");
            case RESIDENCE_CARD -> messages.get("volunteer.kind.residenceCard");
            case SMARTPHONE -> messages.get(type instanceof CardType.Smartphone phone
                    && phone.platform() == CardType.Platform.IPHONE ? "volunteer.kind.smartphoneIphone"
                    : "volunteer.kind.smartphoneAndroid"); // named by its JPKI token label (docs/volunteer.md §8)
            case JUKI_CARD -> messages.get("volunteer.kind.jukiCard");
            case UNKNOWN -> messages.get("volunteer.kind.notRead");
        };
    }

    /** The result's lines: each PIN, then the certificate and the card; empty for a card that is no My Number Card. */
    public List<CheckUpLine> lines(CheckUp checkUp) {
        List<CheckUpLine> out = new ArrayList<>();
        if (!checkUp.myNumberCard()) {
            return out;
        }
        for (PinTries pin : checkUp.pins()) {
            out.add(pin(pin));
        }
        out.add(checkUp.authCertificate().map(this::certificate).orElseGet(() -> new CheckUpLine(
                messages.get("volunteer.certificate"), messages.get("volunteer.certificate.none"),
                messages.get("volunteer.certificate.none.meaning"), "action")));
        checkUp.card().ifPresent(card -> out.add(card(card)));
        return out;
    }

    /** One PIN's tries and what they mean. */
    public CheckUpLine pin(PinTries pin) {
        String name = messages.get(Messages.keyFor("volunteer.pin.", pin.kind()));
        if (!pin.reported()) {
            return new CheckUpLine(name, messages.get("volunteer.tries.unknown"),
                    messages.get("volunteer.tries.unknown.meaning"), "unknown");
        }
        String value = messages.get("volunteer.tries", pin.triesLeft(), pin.maxTries());
        if (pin.locked()) {
            String how = pin.kind() == PinKind.AUTH_PIN || pin.kind() == PinKind.SIGN_PASSWORD
                    ? "volunteer.tries.locked.jpki" : "volunteer.tries.locked.counter";
            return new CheckUpLine(name, value, messages.get(how), "action");
        }
        if (pin.full()) {
            return new CheckUpLine(name, value, messages.get("volunteer.tries.full"), "ok");
        }
        return new CheckUpLine(name, value, messages.get("volunteer.tries.reduced", pin.triesLeft()), "info");
    }

    private CheckUpLine certificate(CertificateValidity c) {
        return new CheckUpLine(messages.get("volunteer.certificate"),
                messages.get("volunteer.dates", date(c.validFrom()), date(c.validUntil())),
                switch (c.status()) {
                    case FINE -> messages.get("volunteer.certificate.fine", date(c.renewalOpens()));
                    case RENEWAL_WINDOW -> messages.get("volunteer.certificate.renewal", date(c.renewalOpens()));
                    case EXPIRED -> messages.get("volunteer.certificate.expired");
                }, state(c.status()));
    }

    private CheckUpLine card(CardValidity c) {
        return new CheckUpLine(messages.get("volunteer.card"), messages.get("volunteer.until", date(c.expiry())),
                switch (c.status()) {
                    case FINE -> messages.get("volunteer.card.fine", date(c.renewalOpens()));
                    case RENEWAL_WINDOW -> messages.get("volunteer.card.renewal", date(c.renewalOpens()));
                    case EXPIRED -> messages.get("volunteer.card.expired");
                }, state(c.status()));
    }

    private static String state(ValidityStatus status) {
        return switch (status) {
            case FINE -> "ok";
            case RENEWAL_WINDOW -> "info";
            case EXPIRED -> "action";
        };
    }

    /** A date as the volunteer reads it: 2027年2月10日, or 2027-02-10 in English. */
    public String date(LocalDate date) {
        if (messages.locale().getLanguage().equals(Locale.JAPANESE.getLanguage())) {
            return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        }
        return date.format(DateTimeFormatter.ISO_LOCAL_DATE);
    }
}
