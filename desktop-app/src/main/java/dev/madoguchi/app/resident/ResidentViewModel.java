package dev.madoguchi.app.resident;

import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.counter.VisitForm;
import dev.madoguchi.app.counter.screen.CounterSteps;
import dev.madoguchi.card.mynumber.PinStatus;
import dev.madoguchi.forms.definition.FieldDefinition;
import dev.madoguchi.forms.definition.LocalizedText;
import dev.madoguchi.forms.rules.ProposedProcedure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the resident sees on the screen turned towards them, derived from the visit: a greeting, the PIN pad with the
 * tries left shown before entry, a wait message while the clerk works, the procedures and what to bring, the forms to
 * check, the end. In the resident's language, with furigana in Japanese. It never shows the clerk's screens: no
 * register candidates, no other residents, no error codes. Uses {@code javafx.beans} only.
 */
public final class ResidentViewModel {

    private final CounterSteps visit;
    private final ObjectProperty<ResidentLanguage> language = new SimpleObjectProperty<>(ResidentLanguage.JAPANESE);
    private final ObjectProperty<CardNotice> cardNotice = new SimpleObjectProperty<>(CardNotice.NONE);
    private final IntegerProperty textSizePercent = new SimpleIntegerProperty(100);
    private final StringProperty headline = new SimpleStringProperty("");
    private final StringProperty headlineRuby = new SimpleStringProperty("");
    private final StringProperty detail = new SimpleStringProperty("");
    private final StringProperty detailRuby = new SimpleStringProperty("");
    private final BooleanProperty pinPadShown = new SimpleBooleanProperty(false);
    private final StringProperty pinDots = new SimpleStringProperty("");
    private final StringProperty pinDotsText = new SimpleStringProperty("");
    private final StringProperty clearText = new SimpleStringProperty("");
    private final StringProperty enterText = new SimpleStringProperty("");
    private final StringProperty languageText = new SimpleStringProperty("");
    private final ObservableList<ResidentLine> lines = FXCollections.observableArrayList();
    private final ObservableList<ResidentLine> linesView = FXCollections.unmodifiableObservableList(lines);
    private ResidentTexts texts;

    public ResidentViewModel(CounterSteps visit) {
        this.visit = visit;
        this.texts = new ResidentTexts(language.get());
        language.addListener((obs, old, now) -> {
            texts = new ResidentTexts(now == null ? ResidentLanguage.JAPANESE : now);
            refresh();
        });
        cardNotice.addListener(x -> refresh());
        // the card at the end of a visit, and a second card, follow the counter's reader state
        Observable[] cardState = {visit.identify().leftoverCardProperty(), visit.identify().secondCardProperty(),
            visit.stepProperty()};
        for (Observable o : cardState) {
            o.addListener(x -> cardNotice.set(noticeFor(visit)));
        }
        Observable[] inputs = {visit.stepProperty(), visit.pinTriesLeftProperty(), visit.pinProperty(),
            visit.pinWrongProperty(), visit.procedures(), visit.plan().setAside(), visit.forms()};
        for (Observable o : inputs) {
            o.addListener(x -> refresh());
        }
        refresh();
    }

    private static CardNotice noticeFor(CounterSteps visit) {
        VisitStep step = visit.stepProperty().get();
        if (visit.identify().secondCardProperty().get()) {
            return CardNotice.SECOND_CARD;
        }
        boolean ended = step == VisitStep.DONE || step == VisitStep.WAITING_FOR_CARD;
        return ended && visit.identify().leftoverCardProperty().get() ? CardNotice.TAKE_BACK : CardNotice.NONE;
    }

    private void refresh() {
        VisitStep step = visit.stepProperty().get();
        int tries = visit.pinTriesLeftProperty().get();
        clearText.set(texts.get("pad.clear"));
        enterText.set(texts.get("pad.enter"));
        languageText.set(texts.get("language"));
        pinPadShown.set(step == VisitStep.PIN_ENTRY);
        int typed = visit.pinProperty().get() == null ? 0 : Math.min(4, visit.pinProperty().get().length());
        pinDots.set("●".repeat(typed) + "○".repeat(4 - typed));
        pinDotsText.set(texts.get("pin.entered", typed));
        detail.set("");
        detailRuby.set("");
        List<ResidentLine> out = new ArrayList<>();
        switch (step) {
            case WAITING_FOR_CARD -> say("greeting");
            case PIN_ENTRY -> {
                say("pin.prompt");
                if (visit.pinWrongProperty().get()) {
                    detail("pin.wrong", tries);
                } else if (tries != PinStatus.NOT_REPORTED) {
                    detail("pin.triesLeft", tries);
                }
            }
            case PIN_BLOCKED -> say("pin.blocked");
            case RESIDENCE_CARD_NUMBER_ENTRY -> say("residenceCard.number");
            case CARD_SIDE_CHOICE -> say("residenceCard.side");
            case PROCEDURES -> {
                say("procedures");
                procedures(out);
            }
            case FORMS, PREVIEW -> {
                say("forms");
                forms(out);
                procedures(out);
            }
            case PRINTING -> say("printing");
            case DONE -> {
                say("done");
                procedures(out);
            }
            default -> say("wait");
        }
        switch (cardNotice.get() == null ? CardNotice.NONE : cardNotice.get()) {
            case TAKE_BACK -> {
                say("cardNotice.takeBack");
                pinPadShown.set(false);
            }
            case SECOND_CARD -> {
                detail.set(texts.get("cardNotice.second"));
                detailRuby.set(texts.ruby("cardNotice.second"));
            }
            case NONE -> { }
        }
        lines.setAll(out);
    }

    private void procedures(List<ResidentLine> out) {
        Locale locale = language.get().formLabelLocale();
        // a procedure the clerk set aside is not done today: neither it nor what it needs is shown to the resident
        List<ProposedProcedure> procedures = visit.procedures().stream()
                .filter(p -> !visit.plan().setAside().containsKey(p.id())).toList();
        if (procedures.isEmpty()) {
            return;
        }
        out.add(new ResidentLine(ResidentLine.Kind.HEADING, texts.get("procedures"), texts.ruby("procedures")));
        procedures.forEach(p -> out.add(new ResidentLine(ResidentLine.Kind.ITEM, p.title().in(locale), "")));
        Set<String> documents = new LinkedHashSet<>();
        procedures.forEach(p -> p.documents().forEach(d -> documents.add(d.in(locale))));
        if (!documents.isEmpty()) {
            out.add(new ResidentLine(ResidentLine.Kind.HEADING, texts.get("bring"), texts.ruby("bring")));
            documents.forEach(d -> out.add(new ResidentLine(ResidentLine.Kind.ITEM, d, "")));
        }
    }

    private void forms(List<ResidentLine> out) {
        Locale locale = language.get().formLabelLocale();
        for (VisitForm form : visit.forms()) {
            out.add(new ResidentLine(ResidentLine.Kind.HEADING, text(form.filled().definition().title(), locale), ""));
            for (FieldDefinition field : form.filled().fields()) {
                String value = form.filled().text(field.id());
                if (!value.isEmpty() && !field.id().equals("officeUse")) {
                    out.add(new ResidentLine(ResidentLine.Kind.FIELD, text(field.label(), locale) + "：" + value, ""));
                }
            }
        }
    }

    private static String text(LocalizedText t, Locale locale) {
        return t == null ? "" : t.in(locale);
    }

    private void say(String key) {
        headline.set(texts.get(key));
        headlineRuby.set(texts.ruby(key));
    }

    private void detail(String key, int n) {
        detail.set(texts.get(key, n));
        detailRuby.set(texts.ruby(key, n));
    }

    /** The PIN pad: one digit. */
    public void pressDigit(int digit) {
        visit.pressPinDigit(digit);
    }

    public void clearPin() {
        visit.clearPin();
    }

    /** The PIN pad's Backspace: takes the last digit typed back. */
    public void deleteDigit() {
        String pin = visit.pinProperty().get();
        if (pin != null && !pin.isEmpty()) {
            visit.pinProperty().set(pin.substring(0, pin.length() - 1));
        }
    }

    /** The PIN pad's OK: sends the PIN once (never retried). */
    public void enterPin() {
        visit.submitPin();
    }

    public ObjectProperty<ResidentLanguage> languageProperty() {
        return language;
    }

    /**
     * What the screen says about the card over the step's text ({@link CardNotice}); set by the counter when the card
     * stays on the reader after the visit, or a second card is put on.
     */
    public ObjectProperty<CardNotice> cardNoticeProperty() {
        return cardNotice;
    }

    /**
     * The text size asked for, in percent (100–200, the clerk's setting); the view shrinks it only as far as the
     * window needs so that nothing is cut off.
     */
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

    public ReadOnlyBooleanProperty pinPadShownProperty() {
        return pinPadShown;
    }

    /** ●○○○: how many digits are typed, never which. */
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

    public ReadOnlyStringProperty languageTextProperty() {
        return languageText;
    }

    public ObservableList<ResidentLine> lines() {
        return linesView;
    }
}
