package dev.madoguchi.app.counter;

import dev.madoguchi.app.counter.screen.CounterSteps;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.forms.definition.LocalizedText;
import dev.madoguchi.forms.rules.LifeEventRules;
import dev.madoguchi.forms.rules.ProposedProcedure;
import dev.madoguchi.forms.validation.ValidationIssue;
import dev.madoguchi.store.drafts.VisitDraft;
import java.time.Clock;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The whole visit as the tests drive it: every call goes to the step view model that owns it
 * ({@link CounterSteps}: identify, match, plan, forms, print, drafts, and the coordinator). Tests only; it decides
 * nothing itself, so that the tests written against the one visit view model keep their meaning on the steps.
 */
public final class CounterVisit {

    private final CounterSteps steps;

    public CounterVisit(Messages messages, TaskRunner tasks, VisitService visits,
            Supplier<PrintDestination> destination) {
        this(CounterSteps.create(messages, tasks, visits, destination));
    }

    public CounterVisit(Messages messages, TaskRunner tasks, VisitService visits,
            Supplier<PrintDestination> destination, LongSupplier ticker, Clock clock) {
        this(CounterSteps.create(messages, tasks, visits, destination, ticker, clock));
    }

    public CounterVisit(CounterSteps steps) {
        this.steps = steps;
    }

    public CounterSteps steps() {
        return steps;
    }

    public VisitCoordinator coordinator() {
        return steps.visit();
    }

    public Visit visit() {
        return steps.visit().visit();
    }

    // --- coordinator ---
    public void start() { steps.start(); }
    public void stop() { steps.stop(); }
    public ReadOnlyObjectProperty<VisitStep> stepProperty() { return steps.visit().stepProperty(); }
    public ReadOnlyStringProperty stepTextProperty() { return steps.visit().stepTextProperty(); }
    public ReadOnlyStringProperty messageProperty() { return steps.visit().messageProperty(); }
    public ReadOnlyStringProperty errorProperty() { return steps.visit().errorProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return steps.visit().busyProperty(); }
    public void cancelVisit() { steps.visit().cancelVisit(); }
    public UUID discard() { return steps.visit().discard(); }
    public boolean holdsPersonalData() { return steps.visit().holdsPersonalData(); }
    public Messages messages() { return steps.visit().messages(); }
    public VisitService service() { return steps.visit().service(); }
    public ObservableList<MatchCandidate> candidates() { return steps.visit().candidates(); }
    public ObservableList<ProposedProcedure> procedures() { return steps.visit().procedures(); }
    public ObservableList<VisitForm> forms() { return steps.visit().forms(); }
    public ObservableList<RenderedForm> rendered() { return steps.visit().rendered(); }
    public ObservableList<PrintOutcome> printed() { return steps.visit().printed(); }

    // --- identify ---
    public ReadOnlyBooleanProperty cardPresentProperty() { return steps.identify().cardPresentProperty(); }
    public ReadOnlyIntegerProperty pinTriesLeftProperty() { return steps.identify().pinTriesLeftProperty(); }
    public ReadOnlyStringProperty pinTriesTextProperty() { return steps.identify().pinTriesTextProperty(); }
    public StringProperty pinProperty() { return steps.identify().pinProperty(); }
    public ReadOnlyBooleanProperty pinWrongProperty() { return steps.identify().pinWrongProperty(); }
    public StringProperty collationNumberProperty() { return steps.identify().collationNumberProperty(); }
    public BooleanProperty readMyNumberProperty() { return steps.identify().readMyNumberProperty(); }
    public StringProperty manualNameProperty() { return steps.identify().manualNameProperty(); }
    public StringProperty manualKanaProperty() { return steps.identify().manualKanaProperty(); }
    public StringProperty manualBirthDateProperty() { return steps.identify().manualBirthDateProperty(); }
    public StringProperty manualAddressProperty() { return steps.identify().manualAddressProperty(); }
    public void checkPinTries() { steps.identify().checkPinTries(); }
    public void pressPinDigit(int digit) { steps.identify().pressPinDigit(digit); }
    public void clearPin() { steps.identify().clearPin(); }
    public void submitPin() { steps.identify().submitPin(); }
    public void useCollationNumber() { steps.identify().useCollationNumber(); }
    public void submitCollationNumber() { steps.identify().submitCollationNumber(); }
    public void enterManually() { steps.identify().enterManually(); }
    public void submitManualEntry() { steps.identify().submitManualEntry(); }

    // --- match ---
    public StringBinding matchTextProperty() { return steps.match().matchTextProperty(); }
    public ObjectBinding<MatchCandidate> confirmedProperty() { return steps.match().confirmedProperty(); }
    public void confirmCandidate(MatchCandidate candidate) { steps.match().confirmCandidate(candidate); }
    public void continueWithoutRegister() { steps.match().continueWithoutRegister(); }
    public String matchText(FieldMatch match) { return steps.match().matchText(match); }
    public String fieldText(MatchField field) { return steps.match().fieldText(field); }

    // --- plan ---
    public ObservableList<LifeEventRules.Event> events() { return steps.plan().events(); }
    public ReadOnlyStringProperty eventProperty() { return steps.plan().eventProperty(); }
    public ObservableList<LifeEventRules.Question> questions() { return steps.plan().questions(); }
    public ObservableMap<String, String> answers() { return steps.plan().answers(); }
    public ObservableList<InterviewItem> interviewItems() { return steps.plan().interviewItems(); }
    public ObservableMap<String, String> interview() { return steps.plan().interview(); }
    public void chooseEvent(String eventId) { steps.plan().chooseEvent(eventId); }
    public void answer(String questionId, String answer) { steps.plan().answer(questionId, answer); }
    public void proposeProcedures() { steps.plan().proposeProcedures(); }
    public void backToLifeEvent() { steps.plan().backToLifeEvent(); }
    public void setInterviewValue(String key, String value) { steps.plan().setInterviewValue(key, value); }
    public void prepareForms() { steps.plan().prepareForms(); }
    public String text(LocalizedText text) { return steps.plan().text(text); }
    public String answerText(String answer) { return steps.plan().answerText(answer); }

    // --- forms ---
    public void editField(int formIndex, String fieldId, String text) { steps.formsStep().editField(formIndex, fieldId, text); }
    public void backToProcedures() { steps.formsStep().backToProcedures(); }
    public void preview() { steps.formsStep().preview(); }
    public String sourceText(String source) { return steps.formsStep().sourceText(source); }
    public String issueText(ValidationIssue issue) { return steps.formsStep().issueText(issue); }

    // --- print ---
    public void backToForms() { steps.print().backToForms(); }
    public void print() { steps.print().print(); }
    public void retryStore() { steps.print().retryStore(); }
    public void storePrinted() { steps.print().storePrinted(); }
    public void printAgain() { steps.print().printAgain(); }
    public void nextResident() { steps.print().nextResident(); }
    public StringBinding printedTextProperty() { return steps.print().printedTextProperty(); }
    public StringBinding caseIdProperty() { return steps.print().caseIdProperty(); }

    // --- drafts ---
    public ObservableList<VisitDraft> offeredDrafts() { return steps.drafts().offeredDrafts(); }
    public ReadOnlyStringProperty draftTextProperty() { return steps.drafts().draftTextProperty(); }
    public void offerDrafts() { steps.drafts().offerDrafts(); }
    public void resumeDropped(UUID dropped) { steps.drafts().resumeDropped(dropped); }
    public void resumeDraft() { steps.drafts().resumeDraft(); }
    public void resumeDraft(VisitDraft draft) { steps.drafts().resumeDraft(draft); }
    public void discardOfferedDraft() { steps.drafts().discardOfferedDraft(); }
    public void discardOfferedDraft(VisitDraft draft) { steps.drafts().discardOfferedDraft(draft); }
    public String draftText(VisitDraft draft) { return steps.drafts().draftText(draft); }
}
