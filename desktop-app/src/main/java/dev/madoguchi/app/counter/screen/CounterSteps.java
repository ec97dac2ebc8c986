package dev.madoguchi.app.counter.screen;

import dev.madoguchi.app.counter.PrintDestination;
import dev.madoguchi.app.counter.PrinterChoice;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitForm;
import dev.madoguchi.app.counter.VisitService;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.counter.drafts.DraftsView;
import dev.madoguchi.app.counter.drafts.DraftsViewModel;
import dev.madoguchi.app.counter.forms.FormsView;
import dev.madoguchi.app.counter.forms.FormsViewModel;
import dev.madoguchi.app.counter.identify.IdentifyView;
import dev.madoguchi.app.counter.identify.IdentifyViewModel;
import dev.madoguchi.app.counter.match.MatchView;
import dev.madoguchi.app.counter.match.MatchViewModel;
import dev.madoguchi.app.counter.plan.PlanView;
import dev.madoguchi.app.counter.plan.PlanViewModel;
import dev.madoguchi.app.counter.print.PrintView;
import dev.madoguchi.app.counter.print.PrintViewModel;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.forms.rules.ProposedProcedure;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * One counter visit's coordinator and its step view models, made together; the step views' controllers are made from
 * them ({@link #controllers}). The resident's window reads the visit through the few methods at the end (the step,
 * the PIN pad, the procedures and forms), which delegate to the step that owns them.
 */
public final class CounterSteps {

    private final VisitCoordinator visit;
    private final IdentifyViewModel identify;
    private final MatchViewModel match;
    private final PlanViewModel plan;
    private final FormsViewModel formsStep;
    private final PrintViewModel print;
    private final DraftsViewModel drafts;

    private CounterSteps(VisitCoordinator visit, IdentifyViewModel identify, MatchViewModel match, PlanViewModel plan,
            FormsViewModel formsStep, PrintViewModel print, DraftsViewModel drafts) {
        this.visit = visit;
        this.identify = identify;
        this.match = match;
        this.plan = plan;
        this.formsStep = formsStep;
        this.print = print;
        this.drafts = drafts;
    }

    /** The steps on the system's monotonic clock and wall clock. */
    public static CounterSteps create(Messages messages, TaskRunner tasks, VisitService visits,
            Supplier<PrintDestination> destination) {
        return create(messages, tasks, visits, destination, System::nanoTime, Clock.systemUTC());
    }

    /** @param ticker the monotonic clock of the step timings (nanoseconds); tests move their own */
    public static CounterSteps create(Messages messages, TaskRunner tasks, VisitService visits,
            Supplier<PrintDestination> destination, LongSupplier ticker, Clock clock) {
        return create(messages, tasks, visits, destination, () -> PrinterChoice.fixed(destination.get()), ticker,
                clock);
    }

    /** @param printers the printers the preview offers, the one recorded at setup preselected (background lane) */
    public static CounterSteps create(Messages messages, TaskRunner tasks, VisitService visits,
            Supplier<PrintDestination> destination, Supplier<PrinterChoice> printers, LongSupplier ticker,
            Clock clock) {
        VisitCoordinator visit = new VisitCoordinator(messages, tasks, visits, ticker, clock);
        return new CounterSteps(visit, new IdentifyViewModel(visit), new MatchViewModel(visit),
                new PlanViewModel(visit), new FormsViewModel(visit), new PrintViewModel(visit, destination, printers),
                new DraftsViewModel(visit));
    }

    /** Each step view's controller class → how to make it, for the view loader. */
    public Map<Class<?>, Supplier<Object>> controllers(dev.madoguchi.app.counter.CaseListViewModel caseList) {
        Map<Class<?>, Supplier<Object>> made = new LinkedHashMap<>();
        made.put(CounterView.class, () -> new CounterView(this, caseList));
        made.put(IdentifyView.class, () -> new IdentifyView(identify));
        made.put(MatchView.class, () -> new MatchView(match));
        made.put(PlanView.class, () -> new PlanView(plan));
        made.put(FormsView.class, () -> new FormsView(formsStep));
        made.put(PrintView.class, () -> new PrintView(print));
        made.put(DraftsView.class, () -> new DraftsView(drafts));
        return made;
    }

    public VisitCoordinator visit() {
        return visit;
    }

    public IdentifyViewModel identify() {
        return identify;
    }

    public MatchViewModel match() {
        return match;
    }

    public PlanViewModel plan() {
        return plan;
    }

    /** The forms step (its forms are {@link #forms()}). */
    public FormsViewModel formsStep() {
        return formsStep;
    }

    public PrintViewModel print() {
        return print;
    }

    public DraftsViewModel drafts() {
        return drafts;
    }

    /** Starts watching the readers. */
    public void start() {
        identify.start();
    }

    public void stop() {
        identify.stop();
    }

    /** Whether the visit holds anything about a person (the lock checks it is gone). */
    public boolean holdsPersonalData() {
        return visit.holdsPersonalData();
    }

    /** Drops the running visit from memory (the lock); its draft stays. Returns its id, or null. */
    public java.util.UUID discard() {
        return visit.discard();
    }

    // --- what the resident's window reads -----------------------------------------------------------------------

    public ReadOnlyObjectProperty<VisitStep> stepProperty() {
        return visit.stepProperty();
    }

    public ReadOnlyIntegerProperty pinTriesLeftProperty() {
        return identify.pinTriesLeftProperty();
    }

    public StringProperty pinProperty() {
        return identify.pinProperty();
    }

    public ReadOnlyBooleanProperty pinWrongProperty() {
        return identify.pinWrongProperty();
    }

    public ObservableList<ProposedProcedure> procedures() {
        return visit.procedures();
    }

    public ObservableList<VisitForm> forms() {
        return visit.forms();
    }

    public void pressPinDigit(int digit) {
        identify.pressPinDigit(digit);
    }

    public void clearPin() {
        identify.clearPin();
    }

    public void submitPin() {
        identify.submitPin();
    }
}
