package dev.madoguchi.app.resident;

import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.volunteer.AdviceLine;
import dev.madoguchi.app.volunteer.CheckUpSession;
import dev.madoguchi.app.volunteer.CheckUpStep;
import dev.madoguchi.app.volunteer.screen.VolunteerSteps;
import dev.madoguchi.app.volunteer.selftest.SelfTestViewModel;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.card.checkup.CheckUp;
import dev.madoguchi.card.checkup.PinTries;
import dev.madoguchi.card.checkup.SelfTestResult;
import dev.madoguchi.card.checkup.ValidityStatus;
import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.mynumber.PinKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The resident's window in the volunteer mode: the check-up's results and the advice in large type and the
 * resident's language, the advice table's questions that decide the advice (answered here by touch or keyboard, or on
 * the volunteer's screen), and the self-test "暗証番号が正しいか確かめる" on the resident's own pad — offered only for
 * a PIN with all of its tries (the 署名用パスワード with letters), each other PIN named with why it is not asked. Shows
 * the count of characters typed, never them. When the session ends it returns to the welcome, in Japanese. Uses
 * {@code javafx.beans} only.
 */
public final class VolunteerResidentViewModel {

    private final VolunteerSteps steps;
    private final CheckUpSession session;
    private final SelfTestViewModel selfTest;
    private final ObjectProperty<ResidentLanguage> language = new SimpleObjectProperty<>(ResidentLanguage.JAPANESE);
    private final IntegerProperty textSizePercent = new SimpleIntegerProperty(100);
    private final SimpleStringProperty headline = new SimpleStringProperty("");
    private final SimpleStringProperty headlineRuby = new SimpleStringProperty("");
    private final SimpleStringProperty detail = new SimpleStringProperty("");
    private final SimpleStringProperty detailRuby = new SimpleStringProperty("");
    private final SimpleBooleanProperty padShown = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty lettersShown = new SimpleBooleanProperty(false);
    private final ObservableList<ResidentQuestion> questions = FXCollections.observableArrayList();
    private final ObservableList<ResidentQuestion> questionsView = FXCollections.unmodifiableObservableList(questions);
    private final SimpleStringProperty pinDots = new SimpleStringProperty("");
    private final SimpleStringProperty pinDotsText = new SimpleStringProperty("");
    private final SimpleStringProperty clearText = new SimpleStringProperty("");
    private final SimpleStringProperty enterText = new SimpleStringProperty("");
    private final SimpleStringProperty cancelText = new SimpleStringProperty("");
    private final SimpleStringProperty languageText = new SimpleStringProperty("");
    private final ObservableList<ResidentLine> lines = FXCollections.observableArrayList();
    private final ObservableList<ResidentLine> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ObservableList<SelfTestChoice> choices = FXCollections.observableArrayList();
    private final ObservableList<SelfTestChoice> choicesView = FXCollections.unmodifiableObservableList(choices);
    private final ObservableList<AdviceLine> advice = FXCollections.observableArrayList();
    private ResidentTexts texts;
    private ResidentTexts counterTexts;

    public VolunteerResidentViewModel(VolunteerSteps steps) {
        this.steps = steps;
        this.session = steps.session();
        this.selfTest = steps.selfTest();
        useLanguage(ResidentLanguage.JAPANESE);
        language.addListener((obs, old, now) -> {
            useLanguage(now == null ? ResidentLanguage.JAPANESE : now);
            adviseAgain();
            refresh();
        });
        session.whenEnded(() -> {
            advice.clear();
            language.set(ResidentLanguage.JAPANESE); // the next resident starts in Japanese
        });
        session.checkUpProperty().addListener((obs, was, now) -> {
            if (was == null || now == null || was.cardType() != now.cardType()) {
                adviseAgain();
            }
        });
        session.answers().addListener((javafx.collections.MapChangeListener<String, String>) c -> adviseAgain());
        Observable[] inputs = {session.stepProperty(), session.checkUpProperty(), selfTest.chosenProperty(),
            selfTest.typedProperty(), selfTest.resultProperty(), selfTest.testingProperty(), selfTest.offered(),
            advice, steps.result().questions()};
        for (Observable o : inputs) {
            o.addListener(x -> refresh());
        }
        refresh();
    }

    private void useLanguage(ResidentLanguage now) {
        texts = ResidentTexts.volunteer(now);
        counterTexts = new ResidentTexts(now);
        session.residentLanguageProperty().set(now.tag());
    }

    /** The advice in the resident's language, made on the background lane. */
    private void adviseAgain() {
        CheckUp checkUp = session.checkUpProperty().get();
        advice.clear();
        if (checkUp != null) {
            String tag = language.get().tag();
            java.util.Map<String, String> answers = java.util.Map.copyOf(session.answers());
            session.background(Lane.BACKGROUND, "volunteer resident advice",
                    () -> steps.advisor().advise(checkUp, tag, answers), made -> {
                        if (session.checkUpProperty().get() != null && tag.equals(language.get().tag())
                                && answers.equals(session.answers())) {
                            advice.setAll(made);
                        }
                    });
        }
    }

    private void refresh() {
        languageText.set(counterTexts.get("language"));
        clearText.set(counterTexts.get("pad.clear"));
        enterText.set(counterTexts.get("pad.enter"));
        cancelText.set(texts.get("pad.cancel"));
        PinKind typing = selfTest.chosenProperty().get();
        int typed = selfTest.typedProperty().get();
        padShown.set(typing != null && !selfTest.testingProperty().get());
        lettersShown.set(padShown.get() && typing == PinKind.SIGN_PASSWORD);
        int shownLength = typing == null ? 4 : Math.max(typed, typing.minLength());
        pinDots.set("●".repeat(typed) + "○".repeat(shownLength - typed));
        pinDotsText.set(counterTexts.get("pin.entered", typed));
        set(detail, detailRuby, "", "");
        List<ResidentLine> out = new ArrayList<>();
        List<SelfTestChoice> offered = new ArrayList<>();
        CheckUp checkUp = session.checkUpProperty().get();
        CheckUpStep step = session.stepProperty().get();
        if (step == CheckUpStep.RESULT && checkUp != null) {
            say(texts.get(kindKey(checkUp)), texts.ruby(kindKey(checkUp)));
            adviceLines(out); // what to do first, then the check-up's details
            results(checkUp, out);
            if (typing != null) {
                String ruby = texts.ruby("selfTest");
                say(texts.get("selfTest") + "：" + texts.get(pinKey(typing)),
                        ruby.isEmpty() ? "" : ruby + "：" + texts.ruby(pinKey(typing))); // no lone 「：」 without ruby
                String prompt = typing == PinKind.SIGN_PASSWORD ? "selfTest.promptPassword" : "selfTest.prompt";
                set(detail, detailRuby, texts.get(prompt), texts.ruby(prompt));
            } else {
                outcome(selfTest.resultProperty().get());
                selfTest.offered().forEach(k -> offered.add(new SelfTestChoice(k,
                        texts.get("selfTest") + "：" + texts.get(pinKey(k)))));
            }
        } else {
            String key = step == CheckUpStep.CHECKING ? "checking" : step == CheckUpStep.NOT_READ ? "notRead"
                    : "greeting";
            say(texts.get(key), texts.ruby(key));
        }
        questions.setAll(step == CheckUpStep.RESULT ? questionsInResidentWords() : List.of());
        lines.setAll(out);
        choices.setAll(offered);
        session.residentTextProperty().set(spoken());
    }

    /** The questions the volunteer's screen shows, in the resident's words (the table's when the texts lack one). */
    private List<ResidentQuestion> questionsInResidentWords() {
        List<ResidentQuestion> out = new ArrayList<>();
        for (var q : steps.result().questions()) {
            String key = "question." + q.id();
            boolean own = texts.keys().contains(key);
            out.add(new ResidentQuestion(q.id(), own ? texts.get(key) : steps.advisor().questionText(q.id(),
                    language.get().tag()), own ? texts.ruby(key) : "", texts.get("answer.yes"), texts.get("answer.no"),
                    q.answer()));
        }
        return out;
    }

    private void results(CheckUp checkUp, List<ResidentLine> out) {
        for (PinTries pin : checkUp.pins()) {
            out.add(line(ResidentLine.Kind.HEADING, pinKey(pin.kind())));
            String tries = !pin.reported() ? "tries.unknown" : pin.locked() ? "tries.locked"
                    : pin.full() ? "tries.full" : "tries.reduced";
            out.add(line(ResidentLine.Kind.ITEM, tries, pin.triesLeft()));
            if (!pin.full() || !SelfTestViewModel.padTakes(pin.kind())) {
                String why = pin.full() ? "selfTest.notHere" : "selfTest.notFull";
                if (pin.reported() && !pin.locked()) {
                    out.add(line(ResidentLine.Kind.FIELD, why));
                }
            }
        }
        if (checkUp.myNumberCard()) {
            checkUp.authCertificate().ifPresentOrElse(c -> {
                out.add(line(ResidentLine.Kind.HEADING, "certificate", date(c.validUntil())));
                out.add(status(c.status(), c.renewalOpens()));
            }, () -> out.add(line(ResidentLine.Kind.HEADING, "certificate.none")));
            checkUp.card().ifPresent(c -> {
                out.add(line(ResidentLine.Kind.HEADING, "card", date(c.expiry())));
                out.add(status(c.status(), c.renewalOpens()));
            });
        }
    }

    private void adviceLines(List<ResidentLine> out) {
        if (advice.isEmpty()) {
            return;
        }
        out.add(line(ResidentLine.Kind.HEADING, "advice"));
        for (AdviceLine a : advice) {
            boolean ruby = language.get().furigana();
            out.add(new ResidentLine(ResidentLine.Kind.HEADING, a.title(), ruby ? a.titleRuby() : ""));
            out.add(new ResidentLine(ResidentLine.Kind.ITEM, a.advice(), ruby ? a.adviceRuby() : ""));
            if (!a.place().isEmpty()) {
                out.add(new ResidentLine(ResidentLine.Kind.FIELD, a.place(), ""));
            }
            a.bring().forEach(b -> out.add(new ResidentLine(ResidentLine.Kind.FIELD, "・" + b, "")));
        }
    }

    private void outcome(SelfTestResult r) {
        if (r == null) {
            return;
        }
        String key = r.correct() ? "selfTest.correct" : r.triesLeft() == 0 ? "selfTest.locked" : "selfTest.wrong";
        set(detail, detailRuby, texts.get(key, r.triesLeft()), texts.ruby(key, r.triesLeft()));
    }

    private ResidentLine status(ValidityStatus status, LocalDate renewalOpens) {
        String key = switch (status) {
            case FINE -> "standing.fine";
            case RENEWAL_WINDOW -> "standing.renewal";
            case EXPIRED -> "standing.expired";
        };
        return line(ResidentLine.Kind.ITEM, key, date(renewalOpens));
    }

    private ResidentLine line(ResidentLine.Kind kind, String key, Object... arguments) {
        return new ResidentLine(kind, texts.get(key, arguments), texts.ruby(key, arguments));
    }

    private static String kindKey(CheckUp checkUp) {
        return switch (checkUp.cardType().kind()) {
            case MY_NUMBER_CARD -> "kind.myNumberCard";
            case SPECIFIED_CARD -> checkUp.myNumberCard() ? "kind.specifiedCard" : "kind.residenceCard";
            case RESIDENCE_CARD -> "kind.residenceCard";
            case SMARTPHONE -> checkUp.cardType() instanceof CardType.Smartphone phone
                    && phone.platform() == CardType.Platform.IPHONE ? "kind.smartphoneIphone" : "kind.smartphoneAndroid";
            case JUKI_CARD -> "kind.jukiCard";
            case UNKNOWN -> "kind.notRead";
        };
    }

    private static String pinKey(PinKind kind) {
        return Messages.keyFor("pin.", kind);
    }

    /** A date as the resident reads it: 2027年2月10日 in Japanese, 2027-02-10 otherwise. */
    private String date(LocalDate d) {
        return language.get().furigana() ? d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日"
                : d.toString();
    }

    /**
     * What 読み上げ says: exactly the texts shown, in order; in Japanese their readings, shown as furigana (a speech
     * engine that cannot read kanji reads them right, one that can reads them the same).
     */
    private String spoken() {
        boolean easy = language.get().furigana();
        List<String> parts = new ArrayList<>();
        parts.add(easy && !headlineRuby.get().isEmpty() ? headlineRuby.get() : headline.get());
        if (!detail.get().isEmpty()) {
            parts.add(easy && !detailRuby.get().isEmpty() ? detailRuby.get() : detail.get());
        }
        questions.forEach(q -> parts.add(easy && !q.ruby().isEmpty() ? q.ruby() : q.text()));
        lines.forEach(l -> parts.add(easy && !l.ruby().isEmpty() ? l.ruby() : l.text()));
        return String.join(language.get().furigana() ? "。\n" : ".\n", parts);
    }

    private void say(String text, String ruby) {
        set(headline, headlineRuby, text, ruby);
    }

    private static void set(SimpleStringProperty text, SimpleStringProperty ruby, String t, String r) {
        text.set(t);
        ruby.set(r);
    }

    // --- the resident's pad -------------------------------------------------------------------------------------

    public void choose(PinKind kind) {
        selfTest.choose(kind);
    }

    public void pressDigit(int digit) {
        selfTest.pressDigit(digit);
    }

    /** A letter or digit of the 署名用パスワード (the letters pad, or a key while the pad is shown). */
    public void pressCharacter(char c) {
        selfTest.pressCharacter(c);
    }

    /** The resident answers one of the questions ({@code yes} / {@code no}): the advice is made again. */
    public void answer(String question, String value) {
        session.answer(question, value);
    }

    public void deleteDigit() {
        selfTest.deleteDigit();
    }

    public void clearPin() {
        selfTest.clear();
    }

    public void enterPin() {
        selfTest.submit();
    }

    public void cancel() {
        selfTest.cancel();
    }

    /** Any input on the resident's window counts as activity for the idle time. */
    public void activity() {
        session.activity();
    }

    // --- what the view binds ------------------------------------------------------------------------------------

    public ObjectProperty<ResidentLanguage> languageProperty() {
        return language;
    }

    public IntegerProperty textSizePercentProperty() {
        return textSizePercent;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline;
    }

    public ReadOnlyStringProperty headlineRubyProperty() {
        return headlineRuby;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    public ReadOnlyStringProperty detailRubyProperty() {
        return detailRuby;
    }

    public ReadOnlyBooleanProperty padShownProperty() {
        return padShown;
    }

    /** The pad's letters A–Z are shown (the 署名用パスワード is being typed). */
    public ReadOnlyBooleanProperty lettersShownProperty() {
        return lettersShown;
    }

    /** The questions that decide the advice, in the resident's language (a pair of buttons each). */
    public ObservableList<ResidentQuestion> questions() {
        return questionsView;
    }

    public ReadOnlyStringProperty pinDotsProperty() {
        return pinDots;
    }

    public ReadOnlyStringProperty pinDotsTextProperty() {
        return pinDotsText;
    }

    public ReadOnlyStringProperty clearTextProperty() {
        return clearText;
    }

    public ReadOnlyStringProperty enterTextProperty() {
        return enterText;
    }

    public ReadOnlyStringProperty cancelTextProperty() {
        return cancelText;
    }

    public ReadOnlyStringProperty languageTextProperty() {
        return languageText;
    }

    public ObservableList<ResidentLine> lines() {
        return linesView;
    }

    /** The PINs the resident may test now (a button each). */
    public ObservableList<SelfTestChoice> choices() {
        return choicesView;
    }
}
