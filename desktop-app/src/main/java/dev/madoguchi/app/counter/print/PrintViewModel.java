package dev.madoguchi.app.counter.print;

import dev.madoguchi.app.counter.CounterError;
import dev.madoguchi.app.counter.CounterException;
import dev.madoguchi.app.counter.PrintDestination;
import dev.madoguchi.app.counter.PrintOutcome;
import dev.madoguchi.app.counter.PrinterChoice;
import dev.madoguchi.app.counter.RenderedForm;
import dev.madoguchi.app.counter.Visit;
import dev.madoguchi.app.counter.VisitCaseService;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitForm;
import dev.madoguchi.app.counter.VisitService;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.forms.rules.LifeEventPlan;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The print step: the previewed forms are printed ({@code background}), the print is written into the draft first
 * and then the case is stored with its outbox message and audit rows ({@code store-writer}). A resumed visit whose
 * forms were printed before is stored without printing again (記録する) or printed again (印刷し直す). The preview
 * offers the printers with the one recorded at setup preselected ({@link PrinterChoice}); when that one is gone the
 * clerk is told, and the default printer is preselected.
 */
public final class PrintViewModel {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm")
            .withZone(ZoneId.systemDefault());

    private final VisitCoordinator visit;
    private final VisitService visits;
    private final Messages messages;
    private final Supplier<PrintDestination> destination;
    private final StringBinding printedText;
    private final StringBinding caseId;
    private final Supplier<PrinterChoice> printerSource;
    private final ObservableList<String> printers = FXCollections.observableArrayList();
    private final StringProperty chosenPrinter = new SimpleStringProperty();
    private final StringProperty printerNotice = new SimpleStringProperty("");
    private PrinterChoice choice;

    public PrintViewModel(VisitCoordinator visit, Supplier<PrintDestination> destination) {
        this(visit, destination, () -> PrinterChoice.fixed(destination.get()));
    }

    /**
     * @param printerSource the printers to offer and the one to preselect; asks the print service (background lane)
     */
    public PrintViewModel(VisitCoordinator visit, Supplier<PrintDestination> destination,
            Supplier<PrinterChoice> printerSource) {
        this.printerSource = printerSource;
        visit.stepProperty().addListener((obs, was, now) -> {
            if (now == VisitStep.PREVIEW && was != VisitStep.PREVIEW) {
                loadPrinters();
            }
        });
        this.visit = visit;
        this.visits = visit.service();
        this.messages = visit.messages();
        this.destination = destination;
        printedText = Bindings.createStringBinding(() -> visit.visit().step() == VisitStep.PRINTED
                && visit.visit().firstPrintedAt() != null
                ? messages.get("counter.printed.notStored", HH_MM.format(visit.visit().firstPrintedAt())) : "",
                visit.visitProperty());
        caseId = Bindings.createStringBinding(() -> visit.visit().caseId() == null ? ""
                : visit.visit().caseId().toString(), visit.visitProperty());
    }

    /** Asks for the printers to offer (background lane); the recorded one is preselected, a missing one said. */
    public void loadPrinters() {
        visit.work().background(Lane.BACKGROUND, "counter printers", printerSource::get, this::offer);
    }

    private void offer(PrinterChoice offered) {
        choice = offered;
        printers.setAll(offered.printers());
        chosenPrinter.set(offered.preselected());
        printerNotice.set(offered.missing() == null ? ""
                : messages.get(offered.printers().isEmpty() ? "counter.printer.missingNoPrinter"
                        : "counter.printer.missing", offered.missing()));
    }

    /** The printers offered, the default first; empty when forms go to PDF files (no printer). */
    public ObservableList<String> printers() {
        return printers;
    }

    /** The printer forms go to; preselected, the clerk may choose another. */
    public StringProperty chosenPrinterProperty() {
        return chosenPrinter;
    }

    /** The printer recorded at setup is gone, in words; empty otherwise. */
    public ReadOnlyStringProperty printerNoticeProperty() {
        return printerNotice;
    }

    private VisitStep step() {
        return visit.stepProperty().get();
    }

    public void backToForms() {
        if (step() == VisitStep.PREVIEW && !visit.isBusy()) {
            visit.advance(visit.visit().withStep(VisitStep.FORMS), visit.material().withRendered(List.of()));
        }
    }

    /** Prints the previewed forms, then stores the case with its outbox entry and audit rows. */
    public void print() {
        if (step() != VisitStep.PREVIEW || visit.isBusy()) {
            return;
        }
        List<RenderedForm> toPrint = visit.material().rendered();
        boolean again = visit.visit().reprinting();
        PrinterChoice offered = choice;
        String chosen = chosenPrinter.get();
        visit.goTo(VisitStep.PRINTING);
        visit.work().run(Lane.BACKGROUND, "counter print", () -> {
            // the printer offered and chosen; else ask (the print service: not on the UI thread)
            PrintDestination where = offered != null && !offered.printers().isEmpty() ? offered.destination(chosen)
                    : destination.get();
            List<PrintOutcome> out = new ArrayList<>();
            for (RenderedForm r : toPrint) {
                PrintOutcome outcome = visits.print(r, where);
                out.add(again ? outcome.asReprint() : outcome);
            }
            return out;
        }, outcomes -> {
            // after a resume the earlier prints stay: they are audited too
            List<PrintOutcome> all = new ArrayList<>(visit.visit().prints());
            all.addAll(outcomes);
            Map<String, String> fingerprints = new LinkedHashMap<>(visit.visit().printedForms());
            toPrint.forEach(r -> fingerprints.put(r.form().formId(), VisitCaseService.fingerprint(r.form())));
            visit.update(visit.visit().withPrints(all, fingerprints, again));
            storeCase();
        }, failure -> visit.goTo(VisitStep.PREVIEW));
    }

    /**
     * Writes down that the forms were printed — durably, in the draft, before the case's transaction is tried — and
     * then stores the case. A crash between the two resumes at {@link VisitStep#PRINTED}: the clerk is told the forms
     * were printed and stores the case without printing them again.
     */
    private void storeCase() {
        Visit printed = visit.visit();
        LifeEventPlan planned = visit.material().plan();
        visit.work().run(Lane.STORE_WRITER, "counter record the print", () -> {
            visits.saveDraft(printed, planned);
            return Boolean.TRUE;
        }, saved -> writeCase(), failure -> visit.setMessage(messages.get("counter.store.retry")));
    }

    private void writeCase() {
        Visit now = visit.visit();
        LifeEventPlan p = VisitService.without(visit.material().plan(), now.setAside().keySet());
        var resident = visit.material().confirmed() == null ? null : visit.material().confirmed().resident();
        List<VisitForm> done = visit.material().forms();
        var timings = visit.handlingTimesNow();
        visit.work().run(Lane.STORE_WRITER, "counter store case", () -> visits.recordCase(p, now.identity(),
                resident, done, now.prints(), now.draftId(), timings), (UUID id) -> {
                    visit.setMessage(messages.get("counter.done", now.prints().size()));
                    visit.advance(visit.visit().withCase(id).withStep(VisitStep.DONE), visit.material());
                }, failure -> visit.setMessage(messages.get("counter.store.retry")));
        // printed but not stored: the step stays so that the clerk can try storing again
    }

    /** After a failed store write: stores the already printed forms' case again (nothing is printed twice). */
    public void retryStore() {
        if (step() == VisitStep.PRINTING && !visit.isBusy() && !visit.visit().prints().isEmpty()) {
            storeCase();
        }
    }

    /**
     * 記録する: a resumed visit whose forms were printed before the interruption is stored without printing again.
     * Refused ({@link CounterError#PRINTED_FORMS_CHANGED}) when the forms made again from the draft differ from what
     * was printed: then only {@link #printAgain()} is left.
     */
    public void storePrinted() {
        Visit now = visit.visit();
        if (step() != VisitStep.PRINTED || visit.isBusy() || now.prints().isEmpty()) {
            return;
        }
        List<VisitForm> forms = visit.material().forms();
        for (VisitForm form : forms) {
            if (!VisitCaseService.fingerprint(form).equals(now.printedForms().get(form.formId()))) {
                visit.setError(visit.describe(new CounterException(CounterError.PRINTED_FORMS_CHANGED,
                        "form " + form.formId() + " differs from the one printed", null)));
                return;
            }
        }
        if (forms.size() != now.printedForms().size()) {
            visit.setError(visit.describe(new CounterException(CounterError.PRINTED_FORMS_CHANGED,
                    "the visit's forms are not the ones printed", null)));
            return;
        }
        visit.setError("");
        visit.goTo(VisitStep.PRINTING);
        storeCase();
    }

    /**
     * 印刷し直す: a resumed visit whose forms were printed before is printed again (preview first); the new prints are
     * audited as reprints, together with the earlier ones, when the case is stored.
     */
    public void printAgain() {
        if (step() != VisitStep.PRINTED || visit.isBusy()) {
            return;
        }
        Visit now = visit.visit();
        visit.setError("");
        visit.advance(now.withPrints(now.prints(), now.printedForms(), true).withStep(VisitStep.FORMS),
                visit.material());
        List<VisitForm> toRender = visit.material().forms();
        List<String> blocked = toRender.stream().filter(f -> !f.printable())
                .map(f -> f.filled().definition().title().in(messages.locale())).toList();
        if (!blocked.isEmpty() || toRender.isEmpty()) {
            visit.setError(blocked.isEmpty() ? messages.get("counter.forms.none")
                    : messages.get("counter.forms.hasErrors", String.join("、", blocked)));
            return;
        }
        visit.work().run(Lane.BACKGROUND, "counter render", () -> visits.renderAll(toRender),
                (List<RenderedForm> out) -> visit.advance(visit.visit().withStep(VisitStep.PREVIEW),
                        visit.material().withRendered(out)));
    }

    /** The visit is finished: everything personal is dropped and the counter waits for the next card. */
    public void nextResident() {
        if (step() == VisitStep.DONE && !visit.isBusy()) {
            visit.endVisit();
        }
    }

    /** What a resumed visit at {@link VisitStep#PRINTED} says: printed at HH:MM, not stored yet. */
    public StringBinding printedTextProperty() {
        return printedText;
    }

    /**
     * The stored case's number as a person reads it aloud: the first eight hexadecimal digits of its id, in two groups
     * of four (e.g. {@code 3F2A-91C0}); empty until stored. The full id stays in the store and the case list.
     */
    public static String caseNumber(UUID caseId) {
        return dev.madoguchi.app.counter.CaseSummary.numberOf(caseId);
    }

    /**
     * What the done panel says of a print: the form's title in the clerk's language, the printer (or that it went to a
     * PDF file: the file's name and folder are not shown), pages.
     */
    public String printedText(PrintOutcome p) {
        String title = visit.material().forms().stream().filter(f -> f.formId().equals(p.formId())).findFirst()
                .map(f -> f.filled().definition().title().in(messages.locale())).orElse(p.formId());
        return messages.get(p.toFile() ? "counter.view.printedToFile" : "counter.view.printedToPrinter", title,
                p.toFile() ? "" : p.where(), p.pages());
    }

    /** The stored case's id; empty until stored. */
    public StringBinding caseIdProperty() {
        return caseId;
    }

    public VisitCoordinator visit() {
        return visit;
    }
}
