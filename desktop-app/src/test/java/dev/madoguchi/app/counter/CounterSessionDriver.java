package dev.madoguchi.app.counter;

import dev.madoguchi.app.AppConfig;
import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.CompositionRoot;
import dev.madoguchi.app.DesktopLauncher;
import dev.madoguchi.app.bench.FxDriving;
import dev.madoguchi.app.bench.MemoryProbe;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.task.ExecutorTaskRunner;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.demo.Resident;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Not a test: the memory benchmark of a counter session, run by {@code scripts/measure-session-memory.sh} (numbers in
 * docs/performance.md, "Counter") in a JVM started like {@code ./madoguchi} starts the desktop — the same memory
 * options, an AppCDS archive, the process settings and rendering pipeline of
 * {@link DesktopLauncher#prepareProcess}, jars only, no test framework in the process. It builds the application as the launcher does — composition root, demo
 * store, simulated reader, the clerk's window and the resident's window on a real (Xvfb) display — and runs complete
 * 転入 visits with a child: card, PIN, match, interview, forms, preview, print to the demo PDF folder, case stored.
 * It prints VmRSS after the 10th and the last visit, as it is and after a full GC, with the peak (VmHWM) and the X
 * shared memory ({@link MemoryProbe.Samples}, as the shelter's driver), and where the memory is.
 *
 * <p>No TestFX: its robot keeps every event it sees, and a mouse event holds the node under the pointer — on the
 * preview, the page images — so a TestFX session grows by the preview of every visit.
 *
 * <p>Arguments: the number of visits, a data folder (new or empty), and optionally a heap dump file to write at the end.
 */
public final class CounterSessionDriver {

    private static final String P = "SESSION-MEM ";
    private static final FxDriving ON_FX = new FxDriving(60, 50);

    private final ExecutorTaskRunner tasks;
    private CompositionRoot root;

    private CounterSessionDriver(ExecutorTaskRunner tasks) {
        this.tasks = tasks;
    }

    /** Runs the session; a failure ends the process with exit code 1 (the JavaFX thread would keep it alive). */
    public static void main(String[] args) {
        try {
            session(args);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void session(String[] args) throws Exception {
        int visits = Integer.parseInt(args[0]);
        Path dataDir = Files.createDirectories(Path.of(args[1]));
        String dump = args.length > 2 ? args[2] : null;
        DesktopLauncher.prepareProcess(); // as the launcher: GDK_GL, malloc arenas, rendering pipeline
        System.out.println(P + "prism.order=" + System.getProperty("prism.order", "(JavaFX chooses)"));
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await(30, TimeUnit.SECONDS);
        try (ExecutorTaskRunner tasks = new ExecutorTaskRunner(Platform::runLater)) {
            CounterSessionDriver driver = new CounterSessionDriver(tasks);
            fx(() -> {
                driver.root = new CompositionRoot(new AppConfig(new AppPaths(dataDir), Language.JAPANESE, 100, true),
                        tasks);
                driver.root.showMainWindow(new Stage());
            });
            try {
                driver.run(visits, dump);
            } finally {
                fx(driver.root::close);
            }
        }
        Platform.exit();
        System.exit(0);
    }

    private void run(int visits, String dump) throws Exception {
        waitUntil(300, () -> root.mainWindow().statusBar().storeTextProperty().get().contains("人"));
        MemoryProbe.liveHeap(P, "main window, demo store open");
        CounterVisit vm = new CounterVisit(root.visit());
        SimulatedCardReaders reader = simulated();
        // not a 世帯主: a head who moves alone would leave a household that needs a new head chosen (ADR 0022)
        List<Resident> holders = CounterFixture.demo().municipality().cardHolders().stream()
                .filter(r -> r.card().textPinTriesLeft() == 3 && r.foreignResidency() == null
                        && !r.relationship().equals("世帯主")).toList();
        MemoryProbe.Samples samples = new MemoryProbe.Samples(P);
        MemoryProbe.Sample at10 = new MemoryProbe.Sample(0, 0, 0);
        MemoryProbe.Sample atEnd = at10;
        List<Long> visitNanos = new ArrayList<>();
        for (int v = 1; v <= visits; v++) {
            long started = System.nanoTime();
            Resident r = holders.get((v * 7) % holders.size());
            reader.place(r.id());
            waitUntil(() -> vm.stepProperty().get() == VisitStep.PIN_ENTRY);
            fx(() -> {
                r.card().textPin().chars().forEach(c -> vm.pressPinDigit(c - '0'));
                vm.submitPin();
            });
            waitUntil(() -> vm.stepProperty().get() == VisitStep.CANDIDATES);
            fx(() -> vm.confirmCandidate(vm.candidates().get(0)));
            waitUntil(() -> vm.stepProperty().get() == VisitStep.LIFE_EVENT);
            fx(() -> {
                vm.chooseEvent("tenkyo");
                vm.questions().forEach(q -> vm.answer(q.id(), "no"));
                vm.answer("withChildren", "yes");
                vm.proposeProcedures();
            });
            waitUntil(() -> vm.stepProperty().get() == VisitStep.PROCEDURES || vm.errorProperty().get() != null
                    && !vm.errorProperty().get().isEmpty());
            if (vm.stepProperty().get() != VisitStep.PROCEDURES) {
                throw new AssertionError("visit " + v + ": no procedures: " + vm.errorProperty().get());
            }
            fx(() -> {
                VisitServiceTest.interview().forEach(vm::setInterviewValue);
                vm.prepareForms();
            });
            waitUntil(() -> vm.stepProperty().get() == VisitStep.FORMS);
            fx(() -> {
                for (int f = 0; f < vm.forms().size(); f++) {
                    if (!vm.forms().get(f).printable()) {
                        vm.editField(f, "nameKana", "ヨシダ　タロウ");
                    }
                }
            });
            waitUntil(() -> vm.forms().stream().allMatch(VisitForm::printable));
            fx(vm::preview);
            waitUntil(() -> vm.stepProperty().get() == VisitStep.PREVIEW);
            fx(vm::print);
            waitUntil(() -> vm.stepProperty().get() == VisitStep.DONE || vm.errorProperty().get() != null
                    && !vm.errorProperty().get().isEmpty());
            if (vm.stepProperty().get() != VisitStep.DONE) {
                throw new AssertionError("visit " + v + " stopped at " + vm.stepProperty().get() + ": "
                        + vm.errorProperty().get());
            }
            fx(vm::nextResident);
            reader.remove();
            // the reader is polled: let the counter see the card go before the next one comes
            waitUntil(() -> vm.stepProperty().get() == VisitStep.WAITING_FOR_CARD && !vm.cardPresentProperty().get());
            visitNanos.add(System.nanoTime() - started);
            if (v == 10 || v == visits) {
                MemoryProbe.Sample sample = samples.takeWithGc("after visit " + v);
                if (v == visits) {
                    atEnd = sample;
                }
                if (v == 10) {
                    at10 = sample;
                    MemoryProbe.jcmd(P + "at 10: ", "VM.native_memory", "summary");
                    MemoryProbe.topMappings(P + "at 10: mapped ", 8);
                }
            }
            if (v == 1 || v % 5 == 0) {
                MemoryProbe.liveHeap(P, "after visit " + v);
            }
        }
        List<Long> sorted = new ArrayList<>(visitNanos.subList(Math.min(10, visitNanos.size() - 1), visitNanos.size()));
        Collections.sort(sorted);
        System.out.printf("%sone visit in the application (view model steps, PDFs, preview images, print, store): "
                + "median %.0f ms, min %.0f ms, max %.0f ms, n=%d%n", P, sorted.get(sorted.size() / 2) / 1e6,
                sorted.get(0) / 1e6, sorted.get(sorted.size() - 1) / 1e6, sorted.size());
        System.out.printf("%sVmRSS after 10 visits %d MB (after a full GC %d MB), after %d visits %d MB (after a full GC"
                + " %d MB); peak: VmHWM %d MB%n", P, at10.rss() / 1024, at10.rssAfterGc() / 1024, visits,
                atEnd.rss() / 1024, atEnd.rssAfterGc() / 1024, atEnd.peak() / 1024);
        MemoryProbe.liveHeap(P, "after " + visits + " visits");
        MemoryProbe.jcmd(P, "VM.native_memory", "summary");
        MemoryProbe.jcmd(P, "GC.class_histogram");
        MemoryProbe.topMappings(P + "mapped ", 8);
        if (dump != null) {
            MemoryProbe.jcmd(P, "GC.heap_dump", dump);
        }
    }

    private SimulatedCardReaders simulated() throws Exception {
        return FxDriving.onCardLane(tasks, () -> root.readers().simulatedReader().orElseThrow());
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        ON_FX.waitUntil(condition);
    }

    private static void waitUntil(int seconds, BooleanSupplier condition) throws Exception {
        ON_FX.waitUntil(seconds, condition);
    }

    private static void fx(FxDriving.Action action) throws Exception {
        ON_FX.fx(action);
    }
}
