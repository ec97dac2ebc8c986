package dev.madoguchi.app.counter.identify;

import dev.madoguchi.app.counter.ResidentIdentity;
import dev.madoguchi.app.counter.Visit;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitService;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.card.mynumber.PinStatus;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.watch.ReaderEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The identify step: a card put on the reader → its type (a residence card: {@link ResidenceCardViewModel}) → the PIN's
 * tries left shown before entry → the PIN sent once (a wrong PIN is never retried) / 照合番号B from the card face / the
 * identity typed by the clerk when there is no card → the register search. Card work on {@code card-io}, the search on
 * {@code store-writer}.
 */
public final class IdentifyViewModel {

    /** How often the readers are polled for a card put down or taken away. */
    public static final Duration READER_POLL = Duration.ofMillis(400);

    private final VisitCoordinator visit;
    private final VisitService visits;
    private final Messages messages;

    private final BooleanProperty cardPresent = new SimpleBooleanProperty(false);
    /** The readers a card lies on now (normally one). */
    private final java.util.Set<String> readersWithCard = new java.util.HashSet<>();
    /** A card of a visit that has ended (done or given up) still lies on the reader: it must be handed back. */
    private final BooleanProperty leftoverCard = new SimpleBooleanProperty(false);
    /** A second card came while one is on a reader or a visit runs: it is not read, and must be taken away. */
    private final BooleanProperty secondCard = new SimpleBooleanProperty(false);
    private final IntegerProperty pinTriesLeft = new SimpleIntegerProperty(PinStatus.NOT_REPORTED);
    private final StringProperty pinTriesText = new SimpleStringProperty("");
    private final StringProperty pin = new SimpleStringProperty("");
    private final BooleanProperty pinWrong = new SimpleBooleanProperty(false);
    private final StringProperty collationNumber = new SimpleStringProperty("");
    private final BooleanProperty readMyNumber = new SimpleBooleanProperty(false);
    private final StringProperty manualName = new SimpleStringProperty("");
    private final StringProperty manualKana = new SimpleStringProperty("");
    private final StringProperty manualBirthDate = new SimpleStringProperty("");
    private final StringProperty manualAddress = new SimpleStringProperty("");

    private final ResidenceCardViewModel residenceCard;
    private TaskRunner.Cancellable readerPolling;
    private ResidentIdentity.Source readingBy;

    public IdentifyViewModel(VisitCoordinator visit) {
        this.visit = visit;
        this.visits = visit.service();
        this.messages = visit.messages();
        this.residenceCard = new ResidenceCardViewModel(visit, who -> {
            readingBy = ResidentIdentity.Source.RESIDENCE_CARD;
            identified(who);
        });
        visit.whenEnded(this::forget);
        visit.stepProperty().addListener((obs, was, now) -> stepChanged(was, now));
        visit.holdsPersonalDataToo(() -> !manualName.get().isEmpty() || !manualKana.get().isEmpty()
                || !manualBirthDate.get().isEmpty() || !manualAddress.get().isEmpty() || !pin.get().isEmpty()
                || !collationNumber.get().isEmpty());
    }

    private void forget() {
        readingBy = null;
        pin.set("");
        pinWrong.set(false);
        collationNumber.set("");
        pinTriesLeft.set(PinStatus.NOT_REPORTED);
        pinTriesText.set("");
        manualName.set("");
        manualKana.set("");
        manualBirthDate.set("");
        manualAddress.set("");
        readMyNumber.set(false);
    }

    /** Starts watching the readers for a card (on the card-io lane). */
    public void start() {
        if (readerPolling == null) {
            readerPolling = visit.work().tasks().repeat(Lane.CARD_IO, "counter reader watch", READER_POLL,
                    visits::pollReaders, this::onReaderEvents, failure -> { /* the status bar shows reader failures */ });
        }
    }

    public void stop() {
        if (readerPolling != null) {
            readerPolling.cancel();
            readerPolling = null;
        }
    }

    /**
     * The watcher's events. A card put down starts a visit only while the counter waits for one; a card beside another
     * one (a second reader) is never read and is named as a second card; a card taken away during PIN entry ends the
     * visit.
     */
    public void onReaderEvents(List<ReaderEvent> readerEvents) {
        for (ReaderEvent e : readerEvents) {
            if (e instanceof ReaderEvent.CardInserted inserted) {
                readersWithCard.add(inserted.reader());
                cardPresent.set(true);
                if (readersWithCard.size() > 1) {
                    secondCard.set(true); // never read: which card belongs to the visit would be a guess
                    visit.setMessage(messages.get("counter.card.second"));
                } else if (step() == VisitStep.WAITING_FOR_CARD && !leftoverCard.get() && !visit.isBusy()) {
                    cardPutDown();
                } // a card put down during a visit (its own, put back) or at DONE (the next one) waits for its turn
            } else if (e instanceof ReaderEvent.CardRemoved removed) {
                readersWithCard.remove(removed.reader());
                cardPresent.set(!readersWithCard.isEmpty());
                if (readersWithCard.size() <= 1) {
                    secondCard.set(false);
                }
                if (readersWithCard.isEmpty()) {
                    boolean wasLeftover = leftoverCard.get();
                    leftoverCard.set(false);
                    if (wasLeftover && step() == VisitStep.WAITING_FOR_CARD) {
                        visit.setMessage("");
                    }
                }
                if (readersWithCard.isEmpty() && (step() == VisitStep.PIN_ENTRY || step() == VisitStep.PIN_BLOCKED
                        || step() == VisitStep.COLLATION_NUMBER_ENTRY || step() == VisitStep.CARD_SIDE_CHOICE
                        || step() == VisitStep.RESIDENCE_CARD_NUMBER_ENTRY)) {
                    visit.endVisit();
                    visit.setMessage(messages.get("counter.card.removed"));
                }
            }
        }
    }

    /**
     * The card at the end of a visit: at DONE the card on the reader belongs to the finished visit; back at waiting it
     * is asked for (both screens), while a card the next resident put down at DONE is read at once.
     */
    private void stepChanged(VisitStep was, VisitStep now) {
        if (now == VisitStep.DONE) {
            leftoverCard.set(cardPresent.get());
        } else if (now == VisitStep.WAITING_FOR_CARD && cardPresent.get()) {
            if (was != VisitStep.DONE) {
                leftoverCard.set(true); // the visit was given up with its card on the reader
            }
            if (leftoverCard.get()) {
                visit.setMessage(messages.get("counter.card.takeBack"));
            } else if (readersWithCard.size() == 1 && !visit.isBusy()) {
                cardPutDown();
            }
        }
    }

    /** A finished visit's card still lies on the reader (ask for it back). */
    public ReadOnlyBooleanProperty leftoverCardProperty() {
        return leftoverCard;
    }

    /** A second card came while one lies on a reader or a visit runs (ask to take it away; it is not read). */
    public ReadOnlyBooleanProperty secondCardProperty() {
        return secondCard;
    }

    private VisitStep step() {
        return visit.stepProperty().get();
    }

    /** A card put down: its type first (free commands), then its way in ({@link ResidenceCardViewModel#route}). */
    private void cardPutDown() {
        visits.cardChanged(); // numbers refused by the card before are forgotten with it
        visit.work().run(Lane.CARD_IO, "counter card type", visits::cardType,
                type -> residenceCard.route(type, this::checkPinTries));
    }

    /** Asks the card for the PIN's tries left (no try used) and shows them before the resident types. */
    public void checkPinTries() {
        if (!visit.isBusy()) {
            visit.work().run(Lane.CARD_IO, "counter pin tries", visits::pinTriesLeft, this::showPinStatus);
        }
    }

    private void showPinStatus(PinStatus status) {
        visit.setError("");
        pinWrong.set(false);
        pin.set("");
        pinTriesLeft.set(status.triesLeft());
        if (status.blocked()) {
            pinTriesText.set(messages.get("counter.pin.blocked"));
            visit.goTo(VisitStep.PIN_BLOCKED);
        } else {
            pinTriesText.set(status.reported() ? messages.get("counter.pin.triesLeft", status.triesLeft())
                    : messages.get("counter.pin.triesUnknown"));
            visit.goTo(VisitStep.PIN_ENTRY);
        }
    }

    /** Adds one digit from the PIN pad (at most four). */
    public void pressPinDigit(int digit) {
        if (step() == VisitStep.PIN_ENTRY && pin.get().length() < 4 && digit >= 0 && digit <= 9) {
            pin.set(pin.get() + digit);
        }
    }

    public void clearPin() {
        pin.set("");
    }

    /** Sends the PIN once. A wrong PIN is never retried: the clerk sees the tries left and the resident types again. */
    public void submitPin() {
        if (step() != VisitStep.PIN_ENTRY || visit.isBusy()) {
            return;
        }
        String typed = pin.get() == null ? "" : pin.get();
        pin.set("");
        if (!typed.matches("[0-9]{4}")) {
            visit.setError(messages.get("counter.pin.format"));
            return;
        }
        boolean withMyNumber = readMyNumber.get();
        readCard(ResidentIdentity.Source.CARD_PIN, () -> visits.readWithPin(typed, withMyNumber));
    }

    private void readCard(ResidentIdentity.Source by, Callable<ResidentIdentity> read) {
        readingBy = by;
        visit.goTo(VisitStep.READING);
        visit.work().run(Lane.CARD_IO, "counter read card", read, this::identified, this::cardReadFailed);
    }

    private void cardReadFailed(Throwable failure) {
        boolean byPin = readingBy == ResidentIdentity.Source.CARD_PIN;
        VisitStep entry = byPin ? VisitStep.PIN_ENTRY : VisitStep.COLLATION_NUMBER_ENTRY;
        if (failure instanceof CardIoException e && e.error() == CardIoError.WRONG_PIN) {
            int left = e.triesLeft().orElse(PinStatus.NOT_REPORTED);
            if (byPin) {
                pinTriesLeft.set(left);
                pinTriesText.set(messages.get("counter.pin.wrong", left));
                pinWrong.set(true);
            }
            visit.goTo(entry);
        } else if (failure instanceof CardIoException e && e.error() == CardIoError.PIN_BLOCKED) {
            if (byPin) {
                pinTriesLeft.set(0);
                pinTriesText.set(messages.get("counter.pin.blocked"));
                visit.goTo(VisitStep.PIN_BLOCKED);
            } else {
                visit.goTo(VisitStep.COLLATION_NUMBER_ENTRY);
            }
        } else {
            visit.goTo(cardPresent.get() ? entry : VisitStep.WAITING_FOR_CARD);
        }
    }

    /** The clerk reads the card with 照合番号B instead of the PIN (forgotten or blocked PIN). */
    public void useCollationNumber() {
        if (!visit.isBusy()) {
            visit.setError("");
            pin.set("");
            visit.goTo(VisitStep.COLLATION_NUMBER_ENTRY);
        }
    }

    public void submitCollationNumber() {
        if (step() != VisitStep.COLLATION_NUMBER_ENTRY || visit.isBusy()) {
            return;
        }
        String typed = collationNumber.get() == null ? "" : collationNumber.get().strip();
        collationNumber.set("");
        if (!typed.matches("[0-9]{14}")) {
            visit.setError(messages.get("counter.collation.format"));
            return;
        }
        boolean withMyNumber = readMyNumber.get();
        readCard(ResidentIdentity.Source.CARD_COLLATION_NUMBER_B,
                () -> visits.readWithCollationNumberB(typed, withMyNumber));
    }

    /** The resident has no card (or it cannot be read): the clerk types the identity. */
    public void enterManually() {
        if (!visit.isBusy()) {
            visit.setError("");
            pin.set("");
            visit.goTo(VisitStep.MANUAL_ENTRY);
        }
    }

    public void submitManualEntry() {
        if (step() != VisitStep.MANUAL_ENTRY || visit.isBusy()) {
            return;
        }
        LocalDate born;
        try {
            born = LocalDate.parse(manualBirthDate.get().strip());
        } catch (DateTimeParseException e) {
            visit.setError(messages.get("counter.manual.birthDate"));
            return;
        }
        if (manualName.get().isBlank() && manualKana.get().isBlank()) {
            visit.setError(messages.get("counter.manual.name"));
            return;
        }
        readingBy = ResidentIdentity.Source.MANUAL;
        visit.goTo(VisitStep.READING);
        identified(ResidentIdentity.manual(manualName.get().strip(), manualKana.get(), manualAddress.get(), born));
    }

    private void identified(ResidentIdentity who) {
        pinWrong.set(false);
        visit.setError("");
        pinTriesText.set("");
        Visit now = visit.visit();
        UUID draft = now.draftId() == null ? UUID.randomUUID() : now.draftId();
        visit.update(now.identified(draft, who, readMyNumber.get()));
        visit.work().run(Lane.STORE_WRITER, "counter register match", () -> visits.match(who),
                match -> visit.advance(visit.visit().withStep(VisitStep.CANDIDATES),
                        visit.material().withMatch(match)),
                failure -> {
                    // the register search failed: back to where the identity came from
                    visit.update(visit.visit().identified(visit.visit().draftId(), null, visit.visit().readMyNumber()));
                    visit.goTo(readingBy == ResidentIdentity.Source.RESIDENCE_CARD ? VisitStep.WAITING_FOR_CARD
                            : readingBy == ResidentIdentity.Source.MANUAL ? VisitStep.MANUAL_ENTRY
                            : readingBy == ResidentIdentity.Source.CARD_COLLATION_NUMBER_B
                                    ? VisitStep.COLLATION_NUMBER_ENTRY : VisitStep.PIN_ENTRY);
                });
    }

    public ReadOnlyBooleanProperty cardPresentProperty() {
        return cardPresent;
    }

    /** Tries left on the PIN, known before entry; -1 when the card did not say. */
    public ReadOnlyIntegerProperty pinTriesLeftProperty() {
        return pinTriesLeft;
    }

    public ReadOnlyStringProperty pinTriesTextProperty() {
        return pinTriesText;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    /** True after a wrong PIN until the next read or visit. */
    public ReadOnlyBooleanProperty pinWrongProperty() {
        return pinWrong;
    }

    public StringProperty collationNumberProperty() {
        return collationNumber;
    }

    /** The clerk asks for the 個人番号 too (only when a procedure of the visit needs it). */
    public BooleanProperty readMyNumberProperty() {
        return readMyNumber;
    }

    public StringProperty manualNameProperty() {
        return manualName;
    }

    public StringProperty manualKanaProperty() {
        return manualKana;
    }

    /** yyyy-mm-dd. */
    public StringProperty manualBirthDateProperty() {
        return manualBirthDate;
    }

    public StringProperty manualAddressProperty() {
        return manualAddress;
    }

    /** The way in for residence cards and 特定在留カード. */
    public ResidenceCardViewModel residenceCard() {
        return residenceCard;
    }

    public VisitCoordinator visit() {
        return visit;
    }
}
