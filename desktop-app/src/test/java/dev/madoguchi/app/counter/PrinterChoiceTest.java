package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.counter.print.PrintViewModel;
import dev.madoguchi.forms.print.PrinterInfo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The counter's printer (issue 17): the printer recorded at setup is preselected while the print service has it; when
 * it is gone the clerk is told in words and the default printer is preselected; without any printer the forms go to
 * PDF files, and that is said too.
 */
class PrinterChoiceTest extends StepTestBase {

    private static final List<PrinterInfo> TWO = List.of(new PrinterInfo("Counter-2", false),
            new PrinterInfo("Office", true));

    private PrintViewModel printStep(PrinterChoice offered) {
        return new PrintViewModel(vm.steps().visit(), () -> new PrintDestination.Folder(fixture.printFolder),
                () -> offered);
    }

    @Test
    void theRecordedPrinterIsPreselectedAndFormsGoToIt() {
        PrinterChoice choice = PrinterChoice.of(TWO, "Counter-2", dir.resolve("printed"));
        PrintViewModel print = printStep(choice);
        print.loadPrinters();
        assertThat(print.printers()).containsExactly("Office", "Counter-2"); // the default first
        assertThat(print.chosenPrinterProperty().get()).isEqualTo("Counter-2");
        assertThat(print.printerNoticeProperty().get()).isEmpty();
        assertThat(choice.destination(print.chosenPrinterProperty().get()))
                .isEqualTo(new PrintDestination.Printer("Counter-2"));
        assertThat(choice.destination("Office")).as("the clerk may choose another")
                .isEqualTo(new PrintDestination.Printer("Office"));
        assertThat(choice.destination(null)).as("what the shelter and volunteer modes print on")
                .isEqualTo(new PrintDestination.Printer("Counter-2"));
        assertThat(tasks.lanesUsed()).contains("background:counter printers");
    }

    @Test
    void aRecordedPrinterThatIsGoneIsSaidAndTheDefaultIsPreselected() {
        PrinterChoice choice = PrinterChoice.of(TWO, "Gone-Printer", dir.resolve("printed"));
        PrintViewModel print = printStep(choice);
        print.loadPrinters();
        assertThat(print.chosenPrinterProperty().get()).isEqualTo("Office");
        assertThat(print.printerNoticeProperty().get()).contains("「Gone-Printer」が見つかりません")
                .contains("既定のプリンタ");
        assertThat(choice.destination(print.chosenPrinterProperty().get()))
                .isEqualTo(new PrintDestination.Printer("Office"));
        assertThat(choice.destination("Gone-Printer")).as("never the missing one")
                .isEqualTo(new PrintDestination.Printer("Office"));
    }

    @Test
    void withoutAnyPrinterTheFormsGoToFilesAndAGoneRecordedPrinterIsStillSaid() {
        Path folder = dir.resolve("printed");
        PrinterChoice choice = PrinterChoice.of(List.of(), "Gone-Printer", folder);
        PrintViewModel print = printStep(choice);
        print.loadPrinters();
        assertThat(print.printers()).isEmpty();
        assertThat(print.printerNoticeProperty().get()).contains("Gone-Printer").contains("PDF");
        assertThat(choice.destination(null)).isEqualTo(new PrintDestination.Folder(folder));

        PrinterChoice nothingRecorded = PrinterChoice.of(TWO, null, folder);
        assertThat(nothingRecorded.preselected()).isEqualTo("Office");
        assertThat(nothingRecorded.missing()).isNull();
    }
}
