package dev.madoguchi.app.volunteer.result;

import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.volunteer.AdviceLine;
import dev.madoguchi.app.volunteer.AdviceQuestion;
import dev.madoguchi.app.volunteer.Advisor;
import dev.madoguchi.app.volunteer.CheckUpLine;
import dev.madoguchi.app.volunteer.CheckUpSession;
import dev.madoguchi.app.volunteer.CheckUpStep;
import dev.madoguchi.app.volunteer.CheckUpWords;
import dev.madoguchi.app.volunteer.ReadAloud;
import dev.madoguchi.card.checkup.CheckUp;
import java.util.List;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The check-up's result on the volunteer's screen: the card's kind, each PIN's tries with their meaning, the
 * certificate's and the card's dates, and the advice in plain words (made on the {@code background} lane). Holds
 * only what the check-up read, and forgets it when the session ends.
 */
public final class ResultViewModel {

    private final CheckUpSession session;
    private final CheckUpWords words;
    private final Advisor advisor;
    private final String language;
    private final ReadAloud speech;
    private final SimpleStringProperty cardKind = new SimpleStringProperty("");
    private final SimpleBooleanProperty myNumberCard = new SimpleBooleanProperty(false);
    private final ObservableList<CheckUpLine> lines = FXCollections.observableArrayList();
    private final ObservableList<AdviceLine> advice = FXCollections.observableArrayList();
    private final ObservableList<CheckUpLine> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ObservableList<AdviceLine> adviceView = FXCollections.unmodifiableObservableList(advice);
    private final ObservableList<AdviceQuestion> questions = FXCollections.observableArrayList();
    private final ObservableList<AdviceQuestion> questionsView = FXCollections.unmodifiableObservableList(questions);

    /** @param language the advice's language for the volunteer ({@code ja} or {@code en}, the UI's) */
    public ResultViewModel(CheckUpSession session, Advisor advisor, String language, ReadAloud speech) {
        this.session = session;
        this.speech = speech;
        this.words = new CheckUpWords(session.messages());
        this.advisor = advisor;
        this.language = language;
        session.whenEnded(this::forget);
        session.whenEnded(speech::stop);
        session.checkUpProperty().addListener((obs, was, now) -> show(now));
        session.answers().addListener((MapChangeListener<String, String>) change -> {
            CheckUp now = session.checkUpProperty().get();
            if (now != null) {
                advise(now); // an answer on either window: the advice is made again
            }
        });
    }

    private void show(CheckUp checkUp) {
        if (checkUp == null) {
            forget();
            return;
        }
        cardKind.set(words.cardKind(checkUp));
        myNumberCard.set(checkUp.myNumberCard());
        lines.setAll(words.lines(checkUp));
        advise(checkUp);
    }

    /** The advice with the answers given so far, and the questions that decide it (background lane). */
    private void advise(CheckUp checkUp) {
        Map<String, String> answers = Map.copyOf(session.answers());
        session.background(Lane.BACKGROUND, "volunteer advice", () -> new Made(
                advisor.advise(checkUp, language, answers), advisor.questions(checkUp).stream()
                        .map(id -> new AdviceQuestion(id, advisor.questionText(id, language),
                                answers.getOrDefault(id, ""))).toList()),
                made -> {
                    if (session.checkUpProperty().get() == checkUp && answers.equals(session.answers())) {
                        advice.setAll(made.advice());
                        questions.setAll(made.questions());
                    }
                });
    }

    private record Made(List<AdviceLine> advice, List<AdviceQuestion> questions) {
    }

    /** The volunteer asked the resident and enters the answer ({@link AdviceQuestion#YES} / {@code NO}). */
    public void answer(String question, String value) {
        if (shown()) {
            session.answer(question, value);
        }
    }

    /** The table's questions that decide this advice, with the answers given (empty when none matters). */
    public ObservableList<AdviceQuestion> questions() {
        return questionsView;
    }

    /** The words of an answer button. */
    public String answerText(String value) {
        return session.messages().get(AdviceQuestion.YES.equals(value) ? "volunteer.answer.yes" : "volunteer.answer.no");
    }

    /** What a screen reader says for an answer button: the question and the answer. */
    public String answerAccessible(AdviceQuestion question, String value) {
        return session.messages().get("volunteer.answer.accessible", question.text(), answerText(value));
    }

    private void forget() {
        cardKind.set("");
        myNumberCard.set(false);
        lines.clear();
        advice.clear();
        questions.clear();
    }

    /** 読み上げ: says what the resident window shows, in the resident's language (background lane). */
    public void readAloud() {
        if (!shown() || !speech.available()) {
            return;
        }
        session.activity();
        String text = session.residentTextProperty().get();
        String in = session.residentLanguageProperty().get();
        speech.stop();
        session.background(Lane.BACKGROUND, "volunteer read-aloud", () -> {
            speech.say(text, in);
            return Boolean.TRUE;
        }, said -> { });
    }

    /** Whether 読み上げ is offered (a speech engine is installed). */
    public boolean canReadAloud() {
        return speech.available();
    }

    /** 終了: the session ends, both windows return to the welcome. */
    public void finish() {
        session.end(CheckUpSession.End.FINISHED);
    }

    /** Whether the result is shown (its buttons work then). */
    public boolean shown() {
        return session.stepProperty().get() == CheckUpStep.RESULT;
    }

    /** 行き先: where to go, in words. */
    public String whereText(String place) {
        return session.messages().get("volunteer.advice.where", place);
    }

    /** 持ち物: what to bring, in words. */
    public String bringText(List<String> bring) {
        return session.messages().get("volunteer.advice.bring", String.join(
                session.messages().locale().getLanguage().equals("ja") ? "、" : ", ", bring));
    }

    public CheckUpSession session() {
        return session;
    }

    public ReadOnlyStringProperty cardKindProperty() {
        return cardKind;
    }

    public ReadOnlyBooleanProperty myNumberCardProperty() {
        return myNumberCard;
    }

    public ObservableList<CheckUpLine> lines() {
        return linesView;
    }

    public ObservableList<AdviceLine> advice() {
        return adviceView;
    }

    /** The advice as one text (for the read-aloud and the log of nothing: it holds no personal data). */
    public static String text(List<AdviceLine> advice) {
        StringBuilder out = new StringBuilder();
        for (AdviceLine a : advice) {
            out.append(a.title()).append('\n').append(a.advice()).append('\n');
        }
        return out.toString();
    }
}
