package dev.madoguchi.app.shelter.identify;

import dev.madoguchi.app.counter.ResidentIdentity;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.shelter.CheckInStep;
import dev.madoguchi.app.shelter.PersonDraft;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.card.mynumber.PinStatus;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.watch.ReaderEvent;
import dev.madoguchi.domain.JapaneseDateParser;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.forms.qr.PreRegistration;
import dev.madoguchi.forms.qr.PreRegistrationCodec;
import dev.madoguchi.forms.qr.QrVerificationException;
import dev.madoguchi.forms.qr.TrustedKey;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Identifying one person of the household: by the My Number Card (tries left shown first, the PIN sent once and
 * never retried, or 照合番号B from the card face), by a pre-registration QR (the text a keyboard-wedge scanner types,
 * ending in Enter), or typed by staff (birth date in digits or 和暦). Then the register is searched on
 * {@code store-writer} and the candidates are offered; none is picked.
 */
public final class PersonIdentifyViewModel {

    public static final Duration READER_POLL = Duration.ofMillis(400);

    private final CheckInCoordinator desk;
    private final Messages messages;
    private final Supplier<List<TrustedKey>> trustedKeys;
    private final Clock clock;
    private final PreRegistrationCodec codec = new PreRegistrationCodec();
    private final Set<String> readersWithCard = new HashSet<>();

    private final StringProperty pinTriesText = new SimpleStringProperty("");
    private final javafx.beans.property.IntegerProperty pinTriesLeft =
            new javafx.beans.property.SimpleIntegerProperty(PinStatus.NOT_REPORTED);
    private final StringProperty pin = new SimpleStringProperty("");
    private final StringProperty collationNumber = new SimpleStringProperty("");
    private final StringProperty scanned = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty kana = new SimpleStringProperty("");
    private final StringProperty birthDate = new SimpleStringProperty("");
    private final ObjectProperty<Sex> sex = new SimpleObjectProperty<>();
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty birthDateReading = new SimpleStringProperty("");
    private TaskRunner.Cancellable polling;
    private IdentifiedBy readingBy;

    public PersonIdentifyViewModel(CheckInCoordinator desk, Supplier<List<TrustedKey>> trustedKeys, Clock clock) {
        this.desk = desk;
        this.messages = desk.messages();
        this.trustedKeys = trustedKeys;
        this.clock = clock;
        desk.whenEnded(this::forget);
        birthDate.addListener((obs, was, now) -> birthDateReading.set(JapaneseDateParser.parse(now)
                .map(d -> messages.get("shelter.manual.birthDateReads", d.toString())).orElse("")));
    }

    private void forget() {
        pin.set("");
        collationNumber.set("");
        scanned.set("");
        pinTriesText.set("");
        clearManual();
    }

    private void clearManual() {
        name.set("");
        kana.set("");
        birthDate.set("");
        sex.set(null);
        address.set("");
    }

    /** Watches the readers (card-io lane) while the shelter screen is shown. */
    public void start() {
        if (polling == null) {
            polling = desk.work().tasks().repeat(Lane.CARD_IO, "shelter reader watch", READER_POLL,
                    desk.cards()::pollReaders, this::onReaderEvents, failure -> { });
        }
    }

    public void stop() {
        if (polling != null) {
            polling.cancel();
            polling = null;
        }
    }

    /** A card put down while the desk waits for a person: its PIN's tries are read (no try used). */
    public void onReaderEvents(List<ReaderEvent> events) {
        for (ReaderEvent e : events) {
            if (e instanceof ReaderEvent.CardInserted in) {
                readersWithCard.add(in.reader());
                if (readersWithCard.size() == 1 && desk.step() == CheckInStep.IDENTIFY && !desk.isBusy()) {
                    checkPinTries();
                }
            } else if (e instanceof ReaderEvent.CardRemoved out) {
                readersWithCard.remove(out.reader());
                if (readersWithCard.isEmpty() && (desk.step() == CheckInStep.PIN_ENTRY
                        || desk.step() == CheckInStep.PIN_BLOCKED
                        || desk.step() == CheckInStep.COLLATION_NUMBER_ENTRY)) {
                    pin.set("");
                    desk.goTo(CheckInStep.IDENTIFY);
                    desk.setMessage(messages.get("shelter.card.removed"));
                }
            }
        }
    }

    public void checkPinTries() {
        desk.work().run(Lane.CARD_IO, "shelter pin tries", desk.cards()::pinTriesLeft, this::showTries);
    }

    private void showTries(PinStatus status) {
        pin.set("");
        pinTriesLeft.set(status.triesLeft());
        desk.setMessage("");
        if (status.blocked()) {
            pinTriesText.set(messages.get("counter.pin.blocked"));
            desk.goTo(CheckInStep.PIN_BLOCKED);
        } else {
            pinTriesText.set(status.reported() ? messages.get("counter.pin.triesLeft", status.triesLeft())
                    : messages.get("counter.pin.triesUnknown"));
            desk.goTo(CheckInStep.PIN_ENTRY);
        }
    }

    public void pressPinDigit(int digit) {
        if (desk.step() == CheckInStep.PIN_ENTRY && pin.get().length() < 4 && digit >= 0 && digit <= 9) {
            pin.set(pin.get() + digit);
        }
    }

    /** Sends the PIN once; a wrong PIN is never retried (the tries left are shown, the person types again). */
    public void submitPin() {
        if (desk.step() != CheckInStep.PIN_ENTRY || desk.isBusy()) {
            return;
        }
        String typed = pin.get();
        pin.set("");
        if (!typed.matches("[0-9]{4}")) {
            desk.setError(messages.get("counter.pin.format"));
            return;
        }
        read(IdentifiedBy.CARD, () -> desk.cards().readWithPin(typed));
    }

    public void useCollationNumber() {
        if (!desk.isBusy()) {
            pin.set("");
            desk.setError("");
            desk.goTo(CheckInStep.COLLATION_NUMBER_ENTRY);
        }
    }

    public void submitCollationNumber() {
        if (desk.step() != CheckInStep.COLLATION_NUMBER_ENTRY || desk.isBusy()) {
            return;
        }
        String typed = collationNumber.get().strip();
        collationNumber.set("");
        if (!typed.matches("[0-9]{14}")) {
            desk.setError(messages.get("counter.collation.format"));
            return;
        }
        read(IdentifiedBy.CARD_FACE, () -> desk.cards().readWithCollationNumberB(typed));
    }

    private void read(IdentifiedBy by, Callable<ResidentIdentity> card) {
        readingBy = by;
        desk.goTo(CheckInStep.READING);
        desk.work().run(Lane.CARD_IO, "shelter read card", card,
                who -> identified(new PersonDraft(by, who.name(), who.nameKana(), who.birthDate(), who.sex(),
                        who.address(), "", List.of(), null, "", "")),
                this::cardFailed);
    }

    private void cardFailed(Throwable failure) {
        boolean byPin = readingBy == IdentifiedBy.CARD;
        if (failure instanceof CardIoException e && e.error() == CardIoError.WRONG_PIN && byPin) {
            pinTriesLeft.set(e.triesLeft().orElse(PinStatus.NOT_REPORTED));
            pinTriesText.set(messages.get("counter.pin.wrong", e.triesLeft().orElse(PinStatus.NOT_REPORTED)));
            desk.goTo(CheckInStep.PIN_ENTRY);
        } else if (failure instanceof CardIoException e && e.error() == CardIoError.PIN_BLOCKED && byPin) {
            pinTriesText.set(messages.get("counter.pin.blocked"));
            desk.goTo(CheckInStep.PIN_BLOCKED);
        } else if (readersWithCard.isEmpty()) {
            desk.goTo(CheckInStep.IDENTIFY); // the card was pulled: staff can still type the person in
        } else {
            desk.goTo(byPin ? CheckInStep.PIN_ENTRY : CheckInStep.COLLATION_NUMBER_ENTRY);
        }
    }

    /** The scanner typed a pre-registration QR and Enter. */
    public void submitScan() {
        if (desk.isBusy()) {
            return;
        }
        String text = scanned.get();
        scanned.set("");
        try {
            PreRegistrationCodec.Scanned scan = codec.decode(text, trustedKeys.get());
            PreRegistration p = scan.person();
            desk.setMessage(scan.signed() ? messages.get("shelter.qr.signed", scan.signedBy())
                    : messages.get("shelter.qr.plain"));
            identified(new PersonDraft(IdentifiedBy.QR, p.name(), p.kana(), p.birthDate(), p.sex(), p.address(),
                    p.phone(), p.flags(), p.consent(), "", scan.signedBy()));
        } catch (QrVerificationException e) {
            desk.setError(desk.errors().describe(e));
        }
    }

    public void enterManually() {
        if (!desk.isBusy()) {
            desk.setError("");
            desk.goTo(CheckInStep.MANUAL_ENTRY);
        }
    }

    public void submitManual() {
        if (desk.step() != CheckInStep.MANUAL_ENTRY || desk.isBusy()) {
            return;
        }
        if (name.get().isBlank()) {
            desk.setError(messages.get("shelter.manual.nameMissing"));
            return;
        }
        Optional<LocalDate> born = JapaneseDateParser.parse(birthDate.get());
        if (!birthDate.get().isBlank() && (born.isEmpty() || born.get().isAfter(LocalDate.now(clock)))) {
            desk.setError(messages.get("shelter.manual.birthDateBad"));
            return;
        }
        identified(new PersonDraft(IdentifiedBy.MANUAL, name.get().strip(), kana.get().strip(), born.orElse(null),
                sex.get(), address.get().strip(), "", List.of(), null, "", ""));
        clearManual();
    }

    /** Searches the register for candidates (store-writer); none is picked: the match step asks. */
    private void identified(PersonDraft person) {
        if (desk.withdrawnProperty().get()) { // the store would refuse it too (STORE-020): say it before any typing
            desk.goTo(CheckInStep.IDENTIFY);
            desk.setError(messages.get("shelter.withdrawn.noCheckIn", desk.shelterProperty().get().name()));
            return;
        }
        desk.setError("");
        pinTriesText.set("");
        desk.update(desk.checkIn().withCurrent(person).withStep(CheckInStep.READING));
        if (person.birthDate() == null) {
            desk.offeredProperty().set(null); // the register is searched by birth date: nothing to offer
            desk.goTo(CheckInStep.PERSON);
            return;
        }
        ResidentIdentity who = new ResidentIdentity(ResidentIdentity.Source.MANUAL, person.name(),
                person.kana().isEmpty() ? null : person.kana(), person.address().isEmpty() ? null : person.address(),
                person.birthDate(), person.sex(), null);
        desk.work().run(Lane.STORE_WRITER, "shelter register match", () -> desk.records().match(who), match -> {
            desk.offeredProperty().set(match);
            desk.goTo(match.empty() ? CheckInStep.PERSON : CheckInStep.MATCH);
        }, failure -> desk.goTo(CheckInStep.PERSON)); // no register at hand: checked in without a match
    }

    public ReadOnlyStringProperty pinTriesTextProperty() {
        return pinTriesText;
    }

    /** The PIN's tries left as the card said (for the resident's screen); -1 when it did not say. */
    public javafx.beans.property.ReadOnlyIntegerProperty pinTriesLeftProperty() {
        return pinTriesLeft;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public StringProperty collationNumberProperty() {
        return collationNumber;
    }

    /** What the keyboard-wedge scanner typed. */
    public StringProperty scannedProperty() {
        return scanned;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty kanaProperty() {
        return kana;
    }

    /** Digits (19380401) or 和暦 (S13.4.1, 昭和13年4月1日). */
    public StringProperty birthDateProperty() {
        return birthDate;
    }

    /** How the typed birth date reads (e.g. 1938-04-01), "" while it is not a date. */
    public ReadOnlyStringProperty birthDateReadingProperty() {
        return birthDateReading;
    }

    public ObjectProperty<Sex> sexProperty() {
        return sex;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public CheckInCoordinator desk() {
        return desk;
    }
}
