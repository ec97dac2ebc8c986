package dev.madoguchi.app.shelter.roster;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.domain.shelter.Shelter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The 名簿 tab: the staff roster (全項目, for staff only) or the 安否情報 answer list (only the persons and items whose
 * consent ⑫⑬⑭ allows an answer), as an A4 PDF or a CSV in 様式第1号 order (UTF-8 with a byte-order mark for
 * spreadsheet programs, or plain UTF-8), written to a file the staff choose ({@link RosterExport}: the code of
 * {@code madoguchi shelter roster}) and audited with the number of rows. The rows are read on {@code store-writer},
 * the file is written on {@code background}, the audit on {@code store-writer}.
 */
public final class RosterViewModel {

    private final CheckInCoordinator desk;
    private final Messages messages;
    private final RosterExport export;
    private final Clock clock;
    private final BooleanProperty safetyAnswers = new SimpleBooleanProperty(false);
    private final BooleanProperty pdf = new SimpleBooleanProperty(false);
    private final BooleanProperty bom = new SimpleBooleanProperty(true);
    private final BooleanProperty pdfOffered = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private Path folder = Path.of(".");

    public RosterViewModel(CheckInCoordinator desk, RosterExport export, Clock clock) {
        this.desk = desk;
        this.messages = desk.messages();
        this.export = export;
        this.clock = clock;
        printingWith(null);
    }

    /** PDF is offered when a renderer with the forms' fonts is given (the daily report's). */
    public RosterViewModel printingWith(dev.madoguchi.app.shelter.report.ReportPrinting printing) {
        export.printingWith(printing);
        pdfOffered.set(printing != null);
        pdf.set(printing != null);
        return this;
    }

    /** The folder the suggested file is in (the exports folder). */
    public RosterViewModel exportingTo(Path exports) {
        this.folder = exports;
        return this;
    }

    /** A file name for the chosen kind, shelter and day, in the exports folder; never a person's name. */
    public Path suggestedFile() {
        Shelter at = desk.shelterProperty().get();
        String name = (safetyAnswers.get() ? "safety-answers-" : "roster-") + (at == null ? "shelter" : at.id()) + "-"
                + LocalDate.now(clock) + (pdf.get() ? ".pdf" : ".csv");
        return folder.resolve(name);
    }

    /** Writes the chosen list to {@code file} ({@code null}: none chosen yet); audited as the command audits it. */
    public void export(Path file) {
        Shelter at = desk.shelterProperty().get();
        if (busy.get()) {
            return;
        }
        if (at == null) {
            error.set(messages.get("shelter.present.noShelter"));
            return;
        }
        if (file == null) {
            error.set(messages.get("shelter.files.choose"));
            return;
        }
        boolean asPdf = pdf.get() && export.pdfOffered();
        RosterExport.Request request = new RosterExport.Request(at, safetyAnswers.get(), asPdf, !asPdf && bom.get(),
                file);
        busy.set(true);
        message.set("");
        desk.work().side(Lane.STORE_WRITER, "shelter roster rows", () -> export.rows(request),
                rows -> write(request, rows), this::failed);
    }

    private void write(RosterExport.Request request, List<List<String>> rows) {
        desk.work().side(Lane.BACKGROUND, "shelter roster file", () -> export.write(request, rows),
                written -> desk.work().side(Lane.STORE_WRITER, "shelter roster audit", () -> {
                    export.audit(request, written);
                    return written;
                }, this::done, this::failed), this::failed);
    }

    private void done(RosterExport.Written written) {
        busy.set(false);
        error.set("");
        String what = messages.get(safetyAnswers.get() ? "shelter.roster.kind.safety" : "shelter.roster.kind.staff");
        String text = written.pages() > 0
                ? messages.get("shelter.roster.writtenPdf", what, written.rows(), written.pages(), written.file())
                : messages.get("shelter.roster.writtenCsv", what, written.rows(), written.file());
        if (written.missingGlyphs() > 0) {
            text = text + " " + messages.get("shelter.roster.missingGlyphs", written.missingGlyphs());
        }
        message.set(text);
    }

    private void failed(String text) {
        busy.set(false);
        error.set(text);
    }

    /** The 安否情報 answer list (consent applied) instead of the staff roster. */
    public BooleanProperty safetyAnswersProperty() {
        return safetyAnswers;
    }

    /** PDF (A4) instead of CSV. */
    public BooleanProperty pdfProperty() {
        return pdf;
    }

    /** For CSV: a byte-order mark first (spreadsheet programs), else plain UTF-8. */
    public BooleanProperty bomProperty() {
        return bom;
    }

    /** Whether PDF is offered (the fonts' renderer was given). */
    public BooleanProperty pdfOfferedProperty() {
        return pdfOffered;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public Messages messages() {
        return messages;
    }
}
