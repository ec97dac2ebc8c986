package dev.madoguchi.app.wiring;

import dev.madoguchi.app.counter.PrintDestination;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.ShelterCards;
import dev.madoguchi.app.shelter.ShelterRecords;
import dev.madoguchi.app.shelter.report.ReportPrinting;
import dev.madoguchi.app.shelter.screen.ShelterSteps;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.print.FormPrinter;
import dev.madoguchi.forms.qr.TrustedKey;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The 避難所 (shelter) mode of one main window, as {@link CounterWiring} is the counter's: the check-in desk
 * (coordinator and step view models) and the step views' controllers for the view loader. Made again when the main
 * window is rebuilt; the readers are watched only while the mode is shown.
 */
public final class ShelterWiring {

    private final ShelterSteps steps;
    private final ReportPrinting printing;

    /** @param destination where the daily report prints (a printer, or a folder of PDF files), as the counter's */
    public ShelterWiring(Messages messages, TaskRunner tasks, ShelterRecords records, ShelterCards cards,
            Supplier<List<TrustedKey>> trustedKeys, Clock clock, Path exports, Supplier<PrintDestination> destination) {
        this.printing = new ReportPrinting(FontFiles.debian(), new FormPrinter(), destination, clock);
        this.steps = ShelterSteps.create(messages, tasks, records, cards, trustedKeys, clock).exportingTo(exports)
                .printingWith(printing);
    }

    /** Registers the shelter screen's controllers. */
    public void register(ViewLoader loader) {
        loader.withAll(steps.controllers());
    }

    /** The shelter mode's view (loaded when the mode is first shown). */
    public javafx.scene.Parent view(ViewLoader loader) {
        return loader.load(java.util.Objects.requireNonNull(
                ShelterWiring.class.getResource("/dev/madoguchi/app/shelter/ShelterView.fxml")));
    }

    /**
     * The mode is shown (after a sign-in into it, or a switch to it) or hidden; hidden, the report's fonts are closed
     * (opened again by the next preview).
     */
    public void shown(boolean shown) {
        if (shown) {
            steps.start();
        } else {
            steps.stop();
            printing.close();
        }
    }

    public ShelterSteps steps() {
        return steps;
    }
}
