package dev.madoguchi.app.wiring;

import dev.madoguchi.app.counter.CaseListViewModel;
import dev.madoguchi.app.counter.PrintDestination;
import dev.madoguchi.app.counter.PrinterChoice;
import dev.madoguchi.app.counter.VisitService;
import dev.madoguchi.app.counter.screen.CounterSteps;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.TaskRunner;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The counter mode of one main window: its visit (coordinator and step view models), today's visits, and the step
 * views' controllers for the view loader. Made again when the main window is rebuilt (a language switch); the visit
 * that was running then goes on from its draft ({@link #resume}).
 */
public final class CounterWiring {

    private final CounterSteps steps;
    private final CaseListViewModel caseList;

    public CounterWiring(Messages messages, TaskRunner tasks, VisitService visits,
            Supplier<PrintDestination> destination) {
        this(messages, tasks, visits, destination, () -> PrinterChoice.fixed(destination.get()));
    }

    /** @param printers the printers the print step offers, the one recorded at setup preselected (docs/adr/0031) */
    public CounterWiring(Messages messages, TaskRunner tasks, VisitService visits,
            Supplier<PrintDestination> destination, Supplier<PrinterChoice> printers) {
        this.steps = CounterSteps.create(messages, tasks, visits, destination, printers, System::nanoTime,
                java.time.Clock.systemUTC());
        this.caseList = new CaseListViewModel(messages, tasks, visits, destination, ZoneId.systemDefault());
    }

    /** Registers the counter's views (the screen and one view per step). */
    public void register(ViewLoader loader) {
        loader.withAll(steps.controllers(caseList));
    }

    /** The counter's view (loaded when the mode is first shown). */
    public javafx.scene.Parent view(ViewLoader loader) {
        return loader.load(dev.madoguchi.app.counter.screen.CounterView.class);
    }

    /**
     * Starts watching the readers and, after a sign-in, offers the clerk's interrupted visits; after a rebuild
     * ({@code dropped} from {@link #drop}, or {@code atOnce} with none) the dropped visit goes on at once.
     */
    public void resume(boolean atOnce, UUID dropped) {
        steps.start();
        if (atOnce) {
            steps.drafts().resumeDropped(dropped);
        } else {
            steps.drafts().offerDrafts();
        }
    }

    /** Stops watching the readers and drops the running visit from memory; its draft stays. Returns its id. */
    public UUID drop() {
        steps.stop();
        return steps.visit().discard();
    }

    public CounterSteps steps() {
        return steps;
    }

    public CaseListViewModel caseList() {
        return caseList;
    }
}
