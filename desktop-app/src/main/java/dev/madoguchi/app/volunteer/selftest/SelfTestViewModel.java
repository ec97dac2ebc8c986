package dev.madoguchi.app.volunteer.selftest;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.volunteer.CheckUpSession;
import dev.madoguchi.card.checkup.CheckUp;
import dev.madoguchi.card.checkup.PinTries;
import dev.madoguchi.card.checkup.SelfTestResult;
import dev.madoguchi.card.mynumber.PinKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The resident's "does my PIN work?" (暗証番号が正しいか確かめる), operated only from the resident's own pad on the
 * resident window: offered only for a PIN that still has all of its tries (the others are listed with the reason it
 * will not ask) — the 4-digit PINs on the number pad, the 署名用パスワード (6–16 of A–Z and 0–9, 5 tries) on the pad
 * with letters; the characters are kept in a {@code char[]} that is wiped when sent, cleared or the session ends,
 * never in a string; the PIN is sent once (one VERIFY, {@code card-io}) and never retried, and only when its length
 * is the kind's. Only the count of characters typed is observable.
 */
public final class SelfTestViewModel {

    /** The PINs the resident's pad can take: all four kinds (the 署名用 password with the letters pad). */
    public static boolean padTakes(PinKind kind) {
        return kind != null;
    }

    /** The longest PIN of any kind: the 署名用 password's 16. */
    private static final int LONGEST = 16;

    private final CheckUpSession session;
    private final ObservableList<PinKind> offered = FXCollections.observableArrayList();
    private final ObservableList<PinTries> notOffered = FXCollections.observableArrayList();
    private final ObservableList<PinKind> offeredView = FXCollections.unmodifiableObservableList(offered);
    private final ObservableList<PinTries> notOfferedView = FXCollections.unmodifiableObservableList(notOffered);
    private final SimpleObjectProperty<PinKind> chosen = new SimpleObjectProperty<>();
    private final SimpleIntegerProperty typed = new SimpleIntegerProperty(0);
    private final SimpleObjectProperty<SelfTestResult> result = new SimpleObjectProperty<>();
    private final SimpleBooleanProperty testing = new SimpleBooleanProperty(false);
    private final SimpleStringProperty volunteerNote = new SimpleStringProperty("");
    private final char[] digits = new char[LONGEST];

    public SelfTestViewModel(CheckUpSession session) {
        this.session = session;
        chosen.addListener(x -> note());
        testing.addListener(x -> note());
        result.addListener(x -> note());
        session.whenEnded(this::forget);
        session.checkUpProperty().addListener((obs, was, now) -> offer(now));
    }

    private void offer(CheckUp checkUp) {
        List<PinKind> yes = new ArrayList<>();
        List<PinTries> no = new ArrayList<>();
        if (checkUp != null) {
            for (PinTries pin : checkUp.pins()) {
                if (pin.full() && padTakes(pin.kind())) {
                    yes.add(pin.kind());
                } else {
                    no.add(pin);
                }
            }
        }
        offered.setAll(yes);
        notOffered.setAll(no);
        if (chosen.get() != null && !yes.contains(chosen.get())) {
            cancel();
        }
    }

    /** The resident chose the PIN to test (only an offered one). */
    public void choose(PinKind kind) {
        if (offered.contains(kind) && !testing.get()) {
            wipe();
            result.set(null);
            chosen.set(kind);
            session.activity();
        }
    }

    public void pressDigit(int digit) {
        if (digit >= 0 && digit <= 9) {
            press((char) ('0' + digit));
        }
    }

    /**
     * A character of the 署名用 password: A–Z (a lower-case letter counts as its capital) or a digit; ignored for a
     * 4-digit PIN, past the kind's longest length, or while the one VERIFY is on its way.
     */
    public void pressCharacter(char c) {
        char upper = c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
        boolean digit = upper >= '0' && upper <= '9';
        boolean letter = upper >= 'A' && upper <= 'Z';
        if (digit || (letter && chosen.get() == PinKind.SIGN_PASSWORD)) {
            press(upper);
        }
    }

    private void press(char c) {
        PinKind kind = chosen.get();
        if (kind != null && !testing.get() && typed.get() < kind.maxLength()) {
            digits[typed.get()] = c;
            typed.set(typed.get() + 1);
            session.activity();
        }
    }

    /** Whether what is typed has the chosen kind's length (4; 6–16 for the 署名用 password): OK sends it then. */
    public boolean complete() {
        PinKind kind = chosen.get();
        return kind != null && typed.get() >= kind.minLength() && typed.get() <= kind.maxLength();
    }

    public void deleteDigit() {
        if (typed.get() > 0) {
            digits[typed.get() - 1] = '\0';
            typed.set(typed.get() - 1);
            session.activity();
        }
    }

    public void clear() {
        wipe();
    }

    /** The pad's OK: a PIN of the kind's length is sent once; the typed copy is wiped whatever happens. */
    public void submit() {
        PinKind kind = chosen.get();
        if (kind == null || testing.get() || !complete() || session.reader() == null) {
            return;
        }
        char[] sent = Arrays.copyOf(digits, typed.get());
        wipe();
        testing.set(true);
        session.activity();
        String reader = session.reader();
        session.run(Lane.CARD_IO, "volunteer self-test", () -> session.service().selfTest(reader, kind, sent),
                this::tested, failure -> {
                    Arrays.fill(sent, '\0');
                    testing.set(false);
                    chosen.set(null);
                    session.setError(session.describe(failure));
                });
    }

    private void tested(SelfTestResult outcome) {
        session.count(session.checkUpProperty().get() == null ? java.time.LocalDate.now()
                : session.checkUpProperty().get().checkedOn(), java.util.List.of("self-test-"
                        + (outcome.correct() ? "correct" : "wrong")));
        testing.set(false);
        chosen.set(null);
        result.set(outcome);
        CheckUp now = session.checkUpProperty().get();
        if (now != null) {
            List<PinTries> pins = new ArrayList<>();
            for (PinTries p : now.pins()) {
                pins.add(p.kind() == outcome.kind() ? new PinTries(p.kind(), outcome.triesLeft(), p.maxTries()) : p);
            }
            session.replace(new CheckUp(now.cardType(), now.checkedOn(), pins, now.authCertificate(), now.card(),
                    now.apdus()));
        }
    }

    /** Leaves the pad without sending anything. */
    public void cancel() {
        wipe();
        chosen.set(null);
    }

    private void wipe() {
        Arrays.fill(digits, '\0');
        typed.set(0);
    }

    private void forget() {
        wipe();
        chosen.set(null);
        result.set(null);
        testing.set(false);
        offered.clear();
        notOffered.clear();
    }

    /** What the volunteer's screen says about the self-test: never a digit, never how many are typed. */
    private void note() {
        var messages = session.messages();
        SelfTestResult r = result.get();
        if (testing.get()) {
            volunteerNote.set(messages.get("volunteer.selfTest.sending"));
        } else if (chosen.get() != null) {
            volunteerNote.set(messages.get(chosen.get() == PinKind.SIGN_PASSWORD ? "volunteer.selfTest.typingPassword"
                    : "volunteer.selfTest.typing",
                    messages.get(Messages.keyFor("volunteer.pin.", chosen.get()))));
        } else if (r != null) {
            String pin = messages.get(Messages.keyFor("volunteer.pin.", r.kind()));
            volunteerNote.set(r.correct() ? messages.get("volunteer.selfTest.correct", pin)
                    : messages.get("volunteer.selfTest.wrong", pin, r.triesLeft()));
        } else {
            volunteerNote.set("");
        }
    }

    /** The self-test in the volunteer's words (that the resident is testing, and the outcome), or empty. */
    public ReadOnlyStringProperty volunteerNoteProperty() {
        return volunteerNote;
    }

    /** The PINs the resident may test: every try left. */
    public ObservableList<PinKind> offered() {
        return offeredView;
    }

    /** The PINs not offered, with their tries (the resident window says why). */
    public ObservableList<PinTries> notOffered() {
        return notOfferedView;
    }

    /** The PIN being typed on the resident's pad, or null. */
    public ReadOnlyObjectProperty<PinKind> chosenProperty() {
        return chosen;
    }

    /** How many digits are typed (never which). */
    public ReadOnlyIntegerProperty typedProperty() {
        return typed;
    }

    /** The last test's outcome in this session, or null. */
    public ReadOnlyObjectProperty<SelfTestResult> resultProperty() {
        return result;
    }

    /** The one VERIFY is on its way. */
    public ReadOnlyBooleanProperty testingProperty() {
        return testing;
    }

    /** Whether the pad's buffer holds no digit (the test that nothing of a PIN stays). */
    public boolean holdsNoDigits() {
        for (char c : digits) {
            if (c != '\0') {
                return false;
            }
        }
        return true;
    }
}
