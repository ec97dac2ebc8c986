package dev.madoguchi.app.setup;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.print.FormPrinter;
import dev.madoguchi.forms.print.PrintError;
import dev.madoguchi.forms.print.FormPrintException;
import dev.madoguchi.forms.print.PrintJobReport;
import dev.madoguchi.forms.print.PrinterInfo;
import java.time.Clock;
import java.time.ZonedDateTime;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 5: the operating system's printers and a test page ({@link TestPage}) on the chosen one. The printer the test
 * page went to is recorded when the assistant ends ({@link SetupMarker#PRINTER}): the counter preselects it (and says
 * so when it is gone, printing on the default). Later: {@code madoguchi form printers}.
 */
public final class PrinterStep extends WizardStep {

    private final TaskRunner tasks;
    private final FormPrinter printer;
    private final FontFiles fonts;
    private final Clock clock;
    private final ObservableList<String> printers = FXCollections.observableArrayList();
    private final StringProperty chosen = new SimpleStringProperty();
    private String tested;

    public PrinterStep(Messages messages, TaskRunner tasks, FormPrinter printer, FontFiles fonts, Clock clock) {
        super(messages);
        this.tasks = tasks;
        this.printer = printer;
        this.fonts = fonts;
        this.clock = clock;
    }

    @Override
    public String laterKey() {
        return "setup.later.printer";
    }

    /** Asks the print service for its printers (the default first) on the background lane. */
    public void refresh() {
        busyProperty().set(true);
        tasks.submit(Lane.BACKGROUND, "setup: list printers", printer::printers, found -> {
            busyProperty().set(false);
            printers.setAll(found.stream().sorted((a, b) -> Boolean.compare(b.isDefault(), a.isDefault()))
                    .map(PrinterInfo::name).toList());
            if (found.isEmpty()) {
                fail(new FormPrintException(PrintError.NO_PRINTER, "no printer"));
            } else {
                chosen.set(printers.get(0));
                say("setup.printer.found", found.size());
            }
        }, failure -> {
            busyProperty().set(false);
            fail(failure);
        });
    }

    /** Prints the test page on the chosen printer (the default when none is chosen). */
    public void testPage() {
        String name = chosen.get();
        busyProperty().set(true);
        say("setup.printer.printing");
        tasks.submit(Lane.BACKGROUND, "setup: test page", () -> {
            byte[] pdf = TestPage.pdf(name == null ? "(default)" : name, ZonedDateTime.now(clock), fonts);
            return printer.print(pdf, name, 1, "madoguchi test page");
        }, (PrintJobReport job) -> {
            busyProperty().set(false);
            statusProperty().set(Status.DONE);
            tested = name != null ? name : job.printer();
            say("setup.printer.sent", job.printer());
        }, failure -> {
            busyProperty().set(false);
            fail(failure);
        });
    }

    /** Records the printer the test page went to beside the store (on the store-writer lane); none when not tried. */
    void apply(dev.madoguchi.store.LocalStore store) {
        if (tested == null || tested.isBlank()) {
            return;
        }
        try {
            SetupMarker.record(store.directory(), SetupMarker.PRINTER, tested);
        } catch (java.io.IOException e) {
            throw new SetupException(SetupError.RECORD_FAILED, "cannot record the printer: " + e, e);
        }
    }

    public ObservableList<String> printers() {
        return printers;
    }

    public StringProperty chosenProperty() {
        return chosen;
    }
}
