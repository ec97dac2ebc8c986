package dev.madoguchi.app.shelter.report;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.domain.JapaneseDateParser;
import dev.madoguchi.domain.shelter.AgeBand;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.SexCounts;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.ShelterReport;
import dev.madoguchi.domain.shelter.Stay;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The daily report to the disaster HQ for the chosen shelter and day: people present (day / night), by age band and
 * sex, 要配慮者 by kind, injured, pets, vehicles, where they stay, allergy-safe meals and languages; exported as CSV
 * (UTF-8 with BOM, for spreadsheets), or previewed and printed on A4 ({@link ReportPrinting}: the same PDF as
 * {@code madoguchi shelter report --pdf}); each export and print audited with counts only. Store work on
 * {@code store-writer}, files, rendering and printing on {@code background}.
 */
public final class ReportViewModel {

    private final CheckInCoordinator desk;
    private final Messages messages;
    private final Clock clock;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final StringProperty date = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObservableList<byte[]> previewPages = FXCollections.observableArrayList();
    private final BooleanProperty previewShown = new SimpleBooleanProperty(false);
    private final BooleanProperty printable = new SimpleBooleanProperty(false);
    private ShelterReport shown;
    private Shelter shownAt;
    private ReportPrinting printing;
    private ReportPrinting.Rendered rendered;

    public ReportViewModel(CheckInCoordinator desk, Clock clock) {
        this.desk = desk;
        this.messages = desk.messages();
        this.clock = clock;
        date.set(LocalDate.now(clock).toString());
    }

    /** Makes the report of the typed day (digits or 和暦; today when empty). */
    public void refresh() {
        Shelter at = desk.shelterProperty().get();
        if (at == null) {
            error.set(messages.get("shelter.present.noShelter"));
            return;
        }
        LocalDate day = date.get().isBlank() ? LocalDate.now(clock) : JapaneseDateParser.parse(date.get()).orElse(null);
        if (day == null) {
            error.set(messages.get("shelter.report.dateBad"));
            return;
        }
        busy.set(true);
        desk.work().side(Lane.STORE_WRITER, "shelter report", () -> desk.records().report(at.id(), day), report -> {
            busy.set(false);
            error.set("");
            show(at, report);
        }, failed -> {
            busy.set(false);
            error.set(failed);
        });
    }

    private void show(Shelter at, ShelterReport r) {
        shown = r;
        shownAt = at;
        closePreview();
        List<String> out = new ArrayList<>();
        out.add(messages.get("shelter.report.title", at.name(), r.date().toString()));
        out.add(messages.get("shelter.report.present", r.present(), r.households(), r.day(), r.night()));
        out.add(messages.get("shelter.report.bySex", r.bySex().male(), r.bySex().female(), r.bySex().other()));
        for (Map.Entry<AgeBand, SexCounts> e : r.ageBands().entrySet()) {
            out.add(messages.get("shelter.report.ageBand", e.getKey() == AgeBand.UNKNOWN
                    ? messages.get("shelter.report.ageUnknown") : e.getKey().code(), e.getValue().total(),
                    e.getValue().male(), e.getValue().female(), e.getValue().other()));
        }
        for (Map.Entry<CareKind, Integer> e : r.byFlag().entrySet()) {
            out.add(messages.get("shelter.report.flag", messages.get(Messages.keyFor("shelter.flag.", e.getKey())),
                    e.getValue()));
        }
        out.add(messages.get("shelter.report.injured", r.injured()));
        out.add(messages.get("shelter.report.pets", r.pets(), r.petsBySpecies().toString()));
        out.add(messages.get("shelter.report.vehicles", r.vehicles()));
        for (Map.Entry<Stay, Integer> e : r.byStay().entrySet()) {
            out.add(messages.get("shelter.report.stay", messages.get(Messages.keyFor("shelter.stay.", e.getKey())),
                    e.getValue()));
        }
        r.allergyMeals().forEach((allergen, n) -> out.add(messages.get("shelter.report.allergyMeal", allergen, n)));
        r.languages().forEach((language, n) -> out.add(messages.get("shelter.report.language", language, n)));
        lines.setAll(out);
    }

    /** Writes the report shown as CSV (UTF-8 with BOM) to {@code file}; the export is audited. */
    public void export(Path file) {
        Shelter at = desk.shelterProperty().get();
        if (shown == null || at == null) {
            error.set(messages.get("shelter.report.nothing"));
            return;
        }
        List<String> rows = List.copyOf(lines);
        busy.set(true);
        desk.work().side(Lane.BACKGROUND, "shelter report export", () -> {
            ReportCsv.write(file, rows);
            return rows.size();
        }, n -> desk.work().side(Lane.STORE_WRITER, "shelter report audit", () -> {
            desk.records().recordExport(at.id(), "daily-report", n);
            return n;
        }, done -> {
            busy.set(false);
            error.set("");
            message.set(messages.get("shelter.report.exported", file.getFileName().toString()));
        }, failed -> {
            busy.set(false);
            error.set(failed);
        }), failed -> {
            busy.set(false);
            error.set(failed);
        });
    }

    /** Where 印刷プレビュー renders and prints; without it the action is not offered. */
    public ReportViewModel printingWith(ReportPrinting printing) {
        this.printing = printing;
        printable.set(printing != null);
        return this;
    }

    /** Renders the report shown as an A4 PDF and shows its pages (印刷プレビュー). */
    public void preview() {
        Shelter at = desk.shelterProperty().get();
        if (printing == null || busy.get()) {
            return;
        }
        if (shown == null || at == null || !at.id().equals(shown.shelterId())) {
            error.set(messages.get("shelter.report.nothing"));
            return;
        }
        ShelterReport report = shown;
        Shelter shelter = shownAt;
        busy.set(true);
        message.set("");
        desk.work().side(Lane.BACKGROUND, "shelter report preview", () -> printing.render(report, shelter), made -> {
            busy.set(false);
            error.set("");
            if (report != shown) {
                return; // another day was made meanwhile: its preview is asked for again
            }
            rendered = made;
            previewPages.setAll(made.pagePngs());
            previewShown.set(true);
        }, failed -> {
            busy.set(false);
            error.set(failed);
        });
    }

    /** Prints the previewed report once (a printer, or a PDF file in the print folder); the print is audited. */
    public void print() {
        Shelter at = desk.shelterProperty().get();
        ReportPrinting.Rendered toPrint = rendered;
        if (printing == null || busy.get() || toPrint == null || at == null) {
            return;
        }
        busy.set(true);
        desk.work().side(Lane.BACKGROUND, "shelter report print", () -> printing.print(toPrint),
                where -> desk.work().side(Lane.STORE_WRITER, "shelter report print audit", () -> {
                    desk.records().recordExport(at.id(), "daily-report " + toPrint.day() + " print", 1);
                    return where;
                }, done -> {
                    busy.set(false);
                    error.set("");
                    closePreview();
                    message.set(messages.get("shelter.report.printed", done));
                }, failed -> {
                    busy.set(false);
                    error.set(failed);
                }), failed -> {
                    busy.set(false);
                    error.set(failed);
                });
    }

    public void closePreview() {
        rendered = null;
        previewShown.set(false);
        previewPages.clear();
    }

    /** The preview's pages as PNG images (72 dpi), empty when no preview is shown. */
    public ObservableList<byte[]> previewPages() {
        return previewPages;
    }

    public BooleanProperty previewShownProperty() {
        return previewShown;
    }

    /** Whether 印刷プレビュー is offered (a printing service was given). */
    public BooleanProperty printableProperty() {
        return printable;
    }

    public ObservableList<String> lines() {
        return lines;
    }

    /** The day (yyyy-mm-dd, digits or 和暦). */
    public StringProperty dateProperty() {
        return date;
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

    public CheckInCoordinator desk() {
        return desk;
    }
}
