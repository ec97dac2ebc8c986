package dev.madoguchi.app.counter;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.app.task.TaskRunner;
import java.nio.file.Path;

/**
 * The child JVM of {@link VisitDraftCrashTest}: runs a visit up to the forms on a real store in the given folder,
 * says so on stdout and waits to be killed (SIGKILL), never closing the store. With the second argument
 * {@code printed} it goes on to print the forms (to the print folder) and stops just before the case's transaction
 * would run — the moment between printing and storing.
 */
public final class VisitDraftCrashChild {

    public static final String READY = "draft-written";

    private VisitDraftCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        CounterFixture fixture = new CounterFixture(Path.of(args[0]));
        boolean printed = args.length > 1 && args[1].equals("printed");
        Runnable waitToBeKilled = () -> {
            System.out.println(READY);
            System.out.flush();
            try {
                Thread.sleep(120_000); // killed long before
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.exit(3);
        };
        TaskRunner tasks = printed ? new PowerCutTaskRunner("counter store case", waitToBeKilled)
                : new InlineTaskRunner();
        CounterVisit vm = new CounterVisit(new Messages(Language.JAPANESE), tasks, fixture.visits,
                () -> new PrintDestination.Folder(fixture.printFolder));
        VisitDraftTest.manualVisitToForms(vm);
        if (vm.stepProperty().get() != VisitStep.FORMS || !vm.errorProperty().get().isEmpty()) {
            System.out.println("failed at " + vm.stepProperty().get() + ": " + vm.errorProperty().get());
            System.exit(2);
        }
        if (printed) {
            vm.preview();
            vm.print(); // prints, writes the draft, then waits to be killed where the case would be stored
            System.out.println("failed at " + vm.stepProperty().get() + ": " + vm.errorProperty().get());
            System.exit(2);
        }
        waitToBeKilled.run();
    }
}
