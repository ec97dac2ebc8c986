package dev.madoguchi.app.counter.identify;

import dev.madoguchi.app.counter.ResidenceCardFacts;
import dev.madoguchi.app.counter.ResidentIdentity;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.residence.CardNumber;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The identify step for a residence card, 特別永住者証明書 or 特定在留カード (docs/residence-card.md): the card's type
 * decides the way in; the clerk types the 12 characters printed on the card, checked as typed; the number is sent
 * once — a refused one ({@code 63 00}) is said in words and never sent again — and what the chip gave becomes the
 * visit's identity. A 1st-generation card prints its birth date only as an image: the clerk types it from the card.
 * The typed number and the read are personal: never logged, shown masked, forgotten when the visit ends.
 */
public final class ResidenceCardViewModel {

    private final VisitCoordinator visit;
    private final Messages messages;
    private final Consumer<ResidentIdentity> identified;

    private final StringProperty cardNumber = new SimpleStringProperty("");
    private final StringProperty numberHint = new SimpleStringProperty("");
    private final BooleanProperty numberComplete = new SimpleBooleanProperty(false);
    private final StringProperty refusal = new SimpleStringProperty("");
    private final StringProperty birthDate = new SimpleStringProperty("");
    private final BooleanProperty birthDateNeeded = new SimpleBooleanProperty(false);
    private final StringProperty cardTypeText = new SimpleStringProperty("");
    private final BooleanProperty specified = new SimpleBooleanProperty(false);
    private ResidenceCardFacts.Reading pending;

    /** @param identified takes the identity on to the register search (the identify step's common end) */
    public ResidenceCardViewModel(VisitCoordinator visit, Consumer<ResidentIdentity> identified) {
        this.visit = visit;
        this.messages = visit.messages();
        this.identified = identified;
        cardNumber.addListener((obs, was, now) -> checkAsTyped(now));
        visit.whenEnded(this::forget);
        visit.holdsPersonalDataToo(() -> !cardNumber.get().isEmpty() || pending != null
                || !birthDate.get().isEmpty());
    }

    private void forget() {
        cardNumber.set("");
        refusal.set("");
        birthDate.set("");
        birthDateNeeded.set(false);
        cardTypeText.set("");
        specified.set(false);
        pending = null;
    }

    private void checkAsTyped(String typed) {
        CardNumber.Check check = CardNumber.check(typed);
        numberComplete.set(check.complete());
        numberHint.set(switch (check.state()) {
            case EMPTY -> messages.get("counter.residence.hint.empty");
            case INCOMPLETE -> messages.get("counter.residence.hint.incomplete", check.normalised().length(),
                    what(check.expected()));
            case COMPLETE -> messages.get("counter.residence.hint.complete");
            case INVALID -> check.expected().isEmpty() ? messages.get("counter.residence.hint.tooLong")
                    : messages.get("counter.residence.hint.wrong", check.firstWrong() + 1,
                            what(check.expected()));
        });
    }

    private String what(String expected) {
        return "digit".equals(expected) ? messages.get("counter.residence.hint.digit")
                : messages.get("counter.residence.hint.letter");
    }

    /**
     * The way in for the card on the reader, by its type: a My Number Card goes on with {@code myNumberCard} (the
     * PIN's tries left), a residence card asks for its number, a 特定在留カード asks which side to read, any other card is
     * named as one this program does not read.
     */
    public void route(CardType type, Runnable myNumberCard) {
        forget();
        switch (type.kind()) {
            case MY_NUMBER_CARD -> myNumberCard.run();
            case RESIDENCE_CARD -> askNumber(type);
            case SPECIFIED_CARD -> {
                specified.set(true);
                cardTypeText.set(messages.get("counter.residence.type.specified"));
                visit.goTo(VisitStep.CARD_SIDE_CHOICE);
            }
            case UNKNOWN, SMARTPHONE, JUKI_CARD -> visit.setMessage(messages.get("counter.residence.type.unknown"));
        }
    }

    private void askNumber(CardType type) {
        boolean special = type instanceof CardType.ResidenceCard r
                && r.document() == CardType.Document.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE
                || type instanceof CardType.SpecifiedCard s
                        && s.document() == CardType.Document.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE;
        cardTypeText.set(messages.get(special ? "counter.residence.type.special" : "counter.residence.type.residence"));
        checkAsTyped(cardNumber.get());
        visit.goTo(VisitStep.RESIDENCE_CARD_NUMBER_ENTRY);
    }

    /** 特定在留カード: the clerk reads its residence card side (with the card number). */
    public void chooseResidenceSide() {
        if (visit.stepProperty().get() == VisitStep.CARD_SIDE_CHOICE && !visit.isBusy()) {
            visit.setError("");
            cardTypeText.set(messages.get("counter.residence.type.specifiedResidence"));
            checkAsTyped(cardNumber.get());
            visit.goTo(VisitStep.RESIDENCE_CARD_NUMBER_ENTRY);
        }
    }

    /** 特定在留カード: the clerk reads its My Number Card side (the PIN's tries left first), also after the other side. */
    public void chooseMyNumberSide(Runnable myNumberCard) {
        VisitStep step = visit.stepProperty().get();
        if (specified.get() && !visit.isBusy() && (step == VisitStep.CARD_SIDE_CHOICE
                || step == VisitStep.RESIDENCE_CARD_NUMBER_ENTRY)) {
            refusal.set("");
            cardNumber.set("");
            visit.setError("");
            myNumberCard.run();
        }
    }

    /** Sends the typed number once; a number the card refused is said in words and never sent again. */
    public void submitNumber() {
        if (visit.stepProperty().get() != VisitStep.RESIDENCE_CARD_NUMBER_ENTRY || visit.isBusy()) {
            return;
        }
        if (pending != null) {
            submitBirthDate();
            return;
        }
        CardNumber.Check check = CardNumber.check(cardNumber.get());
        if (!check.complete()) {
            visit.setError(messages.get("counter.residence.format"));
            return;
        }
        CardNumber number = CardNumber.parse(check.normalised());
        refusal.set("");
        visit.goTo(VisitStep.READING);
        visit.work().run(Lane.CARD_IO, "counter read residence card",
                () -> visit.service().readResidenceCard(number), this::read, failure -> failed(failure, number));
    }

    private void failed(Throwable failure, CardNumber number) {
        if (failure instanceof CardIoException e && e.error() == CardIoError.WRONG_CARD_NUMBER) {
            // in words, with the number's last letters so the clerk sees which one was refused; the field is cleared
            refusal.set(messages.get("counter.residence.wrongNumber", number.masked()));
            cardNumber.set("");
        } else if (failure instanceof CardIoException e && e.error() == CardIoError.UNSUPPORTED_CARD) {
            refusal.set(messages.get("counter.residence.specifiedUnsupported"));
        }
        visit.goTo(VisitStep.RESIDENCE_CARD_NUMBER_ENTRY);
    }

    private void read(ResidenceCardFacts.Reading reading) {
        cardNumber.set("");
        refusal.set("");
        visit.setMessage(signatureText(reading.facts()));
        if (reading.needsBirthDate()) {
            pending = reading;
            birthDateNeeded.set(true);
            visit.goTo(VisitStep.RESIDENCE_CARD_NUMBER_ENTRY);
        } else {
            identified.accept(reading.identity(null));
        }
    }

    private String signatureText(ResidenceCardFacts facts) {
        String why = switch (facts.signature()) {
            case "VERIFIED" -> "";
            case "SIGNATURE_INVALID" -> messages.get("counter.residence.signature.invalid");
            case "CERTIFICATE_UNTRUSTED" -> messages.get("counter.residence.signature.untrusted");
            case "MALFORMED" -> messages.get("counter.residence.signature.malformed");
            default -> messages.get("counter.residence.signature.notChecked");
        };
        return facts.signatureVerified() ? messages.get("counter.residence.signature.verified", facts.anchor())
                : messages.get("counter.residence.signature.notVerified", why);
    }

    /** 1st generation: the birth date typed from the card face completes the identity. */
    public void submitBirthDate() {
        if (pending == null || visit.isBusy()) {
            return;
        }
        LocalDate born;
        try {
            born = LocalDate.parse(birthDate.get().strip());
        } catch (DateTimeParseException e) {
            visit.setError(messages.get("counter.manual.birthDate"));
            return;
        }
        ResidentIdentity who = pending.identity(born);
        pending = null;
        birthDate.set("");
        birthDateNeeded.set(false);
        identified.accept(who);
    }

    /** The 12 characters as the clerk types them (normalised when sent: full-width and lower case are accepted). */
    public StringProperty cardNumberProperty() {
        return cardNumber;
    }

    /** What the typed text still needs, or what is wrong at which position, in words. */
    public ReadOnlyStringProperty numberHintProperty() {
        return numberHint;
    }

    public ReadOnlyBooleanProperty numberCompleteProperty() {
        return numberComplete;
    }

    /** The card refused the last number ({@code 63 00}), in words; empty otherwise. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal;
    }

    /** yyyy-mm-dd, typed from a 1st-generation card's face. */
    public StringProperty birthDateProperty() {
        return birthDate;
    }

    public ReadOnlyBooleanProperty birthDateNeededProperty() {
        return birthDateNeeded;
    }

    /** Which card lies on the reader, in words. */
    public ReadOnlyStringProperty cardTypeTextProperty() {
        return cardTypeText;
    }

    /** A 特定在留カード lies on the reader (both sides are offered). */
    public ReadOnlyBooleanProperty specifiedProperty() {
        return specified;
    }

    /**
     * 設定: the certificate file the clerk chose becomes a trust anchor of the residence card signature, kept in the
     * store's settings ({@code store-writer}); the next card read checks against it. A file that is not a certificate
     * is refused with a message and nothing is stored.
     */
    public void addTrustAnchor(java.nio.file.Path file) {
        visit.work().run(dev.madoguchi.app.task.Lane.STORE_WRITER, "counter trust anchor", () -> {
            byte[] content;
            try {
                content = java.nio.file.Files.readAllBytes(file);
            } catch (java.io.IOException e) {
                throw new dev.madoguchi.app.counter.CounterException(
                        dev.madoguchi.app.counter.CounterError.TRUST_ANCHOR_UNREADABLE, "cannot read the file", e);
            }
            return visit.service().addTrustAnchor(content);
        }, subject -> {
            visit.setError("");
            visit.setMessage(messages.get("counter.trust.added", subject));
        });
    }
}
