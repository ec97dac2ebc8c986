package dev.madoguchi.app.counter;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.InlineTaskRunner;
import java.nio.file.Path;

/**
 * The child JVM of {@link VisitDraftCrashTest}: runs a visit up to the forms on a real store in the given folder,
 * says so on stdout and waits to be killed (SIGKILL), never closing the store.
 */
public final class VisitDraftCrashChild {

    public static final String READY = "draft-written";

    private VisitDraftCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        CounterFixture fixture = new CounterFixture(Path.of(args[0]));
        VisitViewModel vm = new VisitViewModel(new Messages(Language.JAPANESE), new InlineTaskRunner(), fixture.visits,
                () -> new PrintDestination.Folder(fixture.printFolder));
        VisitDraftTest.manualVisitToForms(vm);
        if (vm.stepProperty().get() != VisitStep.FORMS || !vm.errorProperty().get().isEmpty()) {
            System.out.println("failed at " + vm.stepProperty().get() + ": " + vm.errorProperty().get());
            System.exit(2);
        }
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(120_000); // killed long before
        System.exit(3);
    }
}
