package dev.madoguchi.app.volunteer.sheet;

import dev.madoguchi.app.counter.PrintDestination;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.volunteer.CheckUpSession;
import dev.madoguchi.app.volunteer.CheckUpStep;
import dev.madoguchi.app.volunteer.SheetOutput;
import dev.madoguchi.card.checkup.CheckUp;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * 印刷: the takeaway sheet in the resident's language, previewed before it prints (both on the {@code background}
 * lane), to the printer the counter uses (or its folder of PDF files when there is no printer). The sheet and its
 * preview are dropped when the preview closes or the session ends.
 */
public final class SheetViewModel {

    private final CheckUpSession session;
    private final SheetOutput output;
    private final Supplier<PrintDestination> destination;
    private final SimpleBooleanProperty previewShown = new SimpleBooleanProperty(false);
    private final SimpleStringProperty printed = new SimpleStringProperty("");
    private final ObservableList<byte[]> pages = FXCollections.observableArrayList();
    private final ObservableList<byte[]> pagesView = FXCollections.unmodifiableObservableList(pages);
    private SheetOutput.Sheet sheet;

    /** @param destination asks the print service: called on the background lane */
    public SheetViewModel(CheckUpSession session, SheetOutput output, Supplier<PrintDestination> destination) {
        this.session = session;
        this.output = output;
        this.destination = destination;
        session.whenEnded(this::forget);
    }

    /** Whether sheets can be made (the 印刷 button is offered only then). */
    public boolean available() {
        return output.available();
    }

    /** 印刷: renders the sheet and shows its preview. */
    public void preview() {
        CheckUp checkUp = session.checkUpProperty().get();
        if (checkUp == null || session.stepProperty().get() != CheckUpStep.RESULT || !available()
                || session.busyProperty().get()) {
            return;
        }
        session.activity();
        printed.set("");
        String language = session.residentLanguageProperty().get();
        java.util.Map<String, String> answers = java.util.Map.copyOf(session.answers());
        session.run(Lane.BACKGROUND, "volunteer sheet", () -> output.render(checkUp, language, answers), made -> {
            sheet = made;
            pages.setAll(made.pagePngs());
            previewShown.set(true);
        }, failure -> session.setError(session.describe(failure)));
    }

    /** 印刷する: prints the previewed sheet once. */
    public void print() {
        SheetOutput.Sheet shown = sheet;
        if (shown == null || session.busyProperty().get()) {
            return;
        }
        session.activity();
        session.run(Lane.BACKGROUND, "volunteer sheet print", () -> output.print(shown, destination.get()), where -> {
            close();
            printed.set(session.messages().get("volunteer.sheet.printed", where));
        }, failure -> session.setError(session.describe(failure)));
    }

    /** 戻る: closes the preview without printing. */
    public void close() {
        sheet = null;
        pages.clear();
        previewShown.set(false);
    }

    private void forget() {
        close();
        printed.set("");
    }

    public ReadOnlyBooleanProperty previewShownProperty() {
        return previewShown;
    }

    /** Where the sheet went, in words, after it printed. */
    public ReadOnlyStringProperty printedProperty() {
        return printed;
    }

    /** The preview's pages as PNG images. */
    public ObservableList<byte[]> pages() {
        return pagesView;
    }

    public CheckUpSession session() {
        return session;
    }
}
