package dev.madoguchi.app.counter;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.app.bench.MemoryProbe;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.store.StoreService;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.print.FormPrinter;
import dev.madoguchi.forms.rules.LifeEventPlan;
import dev.madoguchi.store.register.RegisterResident;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: the counter's measuring harness (docs/performance.md, "Counter"). Runs only with
 * {@code -Dmadoguchi.bench=true}; prints medians, asserts nothing. It measures, on the default demo municipality
 * (5,001 residents in the encrypted store):
 * <ol>
 * <li>from "card inserted" to the first pre-filled form, without the card's own answer time: register match (blind
 * index + birth date), household, life-event plan, pre-fill and validation of every form — the machine's part of the
 * path; the card's tries query and read are timed separately;</li>
 * <li>the resident set size (VmRSS) after 10 and after 50 complete visits through the view model (PIN, match,
 * 転入 with a child, forms, PDF with signed QR, preview images, print to files, case stored).</li>
 * </ol>
 */
class CounterPerformanceHarness {

    @TempDir
    Path dir;

    @Test
    void measure() throws Exception {
        assumeTrue(Boolean.getBoolean("madoguchi.bench"), "harness only with -Dmadoguchi.bench=true");
        Clock clock = Clock.system(ZoneId.of("Asia/Tokyo"));
        DemoEnvironment demo = DemoEnvironment.standard();
        StoreService store = new StoreService(dir.resolve("store"), demo, CounterFixture.OPTIONS);
        store.signIn(DemoEnvironment.DEMO_CLERK, DemoEnvironment.DEMO_CLERK_PASSPHRASE.toCharArray());
        SimulatedCardReaders reader = new SimulatedCardReaders(demo.cardDeck());
        FormOutputService output = new FormOutputService(FontFiles.debian(), dir.resolve("key.pem"), new FormPrinter(),
                clock);
        VisitService visits = new VisitService(reader, store::store,
                VisitFormsService.builtIn(Map.of("mayor", "架空県窓口市長"), clock), output);
        List<Resident> holders = demo.municipality().cardHolders().stream()
                .filter(r -> r.card().textPinTriesLeft() == 3 && r.foreignResidency() == null).toList();

        MemoryProbe.liveHeap("COUNTER-MEM ", "after sign-in and the demo import");
        List<Long> appNanos = new ArrayList<>();
        List<Long> cardNanos = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Resident r = holders.get(i % holders.size());
            reader.place(r.id());
            long t0 = System.nanoTime();
            visits.pinTriesLeft();
            ResidentIdentity identity = visits.readWithPin(r.card().textPin(), true);
            long t1 = System.nanoTime();
            RegisterMatch match = visits.match(identity);
            RegisterResident confirmed = match.candidates().get(0).resident();
            List<RegisterResident> household = visits.household(confirmed);
            Map<String, String> answers = new LinkedHashMap<>();
            visits.questions("tennyu").forEach(q -> answers.put(q.id(), "no"));
            answers.put("withChildren", "yes");
            LifeEventPlan plan = visits.plan("tennyu", answers);
            List<VisitForm> forms = visits.prepareForms(plan, identity, confirmed, household, VisitServiceTest.interview());
            long t2 = System.nanoTime();
            if (forms.isEmpty()) {
                throw new AssertionError("no form");
            }
            if (i >= 10) { // the first ten warm the JIT up
                cardNanos.add(t1 - t0);
                appNanos.add(t2 - t1);
            }
            reader.remove();
        }
        System.out.println("COUNTER-BENCH card-inserted→first pre-filled form (without the card): " + stats(appNanos));
        System.out.println("COUNTER-BENCH the simulated card's own time (tries + read with My Number): " + stats(cardNanos));

        MemoryProbe.liveHeap("COUNTER-MEM ", "after 60 card reads, matches and pre-fills");
        InlineTaskRunner tasks = new InlineTaskRunner();
        Path printed = Files.createDirectories(dir.resolve("printed"));
        CounterVisit vm = new CounterVisit(new Messages(Language.JAPANESE), tasks, visits,
                () -> new PrintDestination.Folder(printed));
        vm.start();
        long rssAt10 = 0;
        long visitStart = System.nanoTime();
        List<Long> visitNanos = new ArrayList<>();
        for (int v = 1; v <= 50; v++) {
            Resident r = holders.get((v * 7) % holders.size());
            long s = System.nanoTime();
            reader.place(r.id());
            tasks.tick();
            r.card().textPin().chars().forEach(c -> vm.pressPinDigit(c - '0'));
            vm.submitPin();
            vm.confirmCandidate(vm.candidates().get(0));
            vm.chooseEvent("tennyu");
            vm.questions().forEach(q -> vm.answer(q.id(), "no"));
            vm.answer("withChildren", "yes");
            vm.proposeProcedures();
            VisitServiceTest.interview().forEach(vm::setInterviewValue);
            vm.prepareForms();
            for (int f = 0; f < vm.forms().size(); f++) {
                if (!vm.forms().get(f).printable()) {
                    vm.editField(f, "nameKana", "ヨシダ　タロウ");
                }
            }
            vm.preview();
            vm.print();
            if (vm.stepProperty().get() != VisitStep.DONE) {
                throw new AssertionError("visit " + v + " stopped at " + vm.stepProperty().get() + ": "
                        + vm.errorProperty().get());
            }
            vm.nextResident();
            reader.remove();
            tasks.tick();
            visitNanos.add(System.nanoTime() - s);
            if (v == 1) {
                MemoryProbe.liveHeap("COUNTER-MEM ", "after the first whole visit (fonts parsed, PDF, preview)");
            }
            if (v == 10) {
                rssAt10 = MemoryProbe.rssAfterGc();
            }
            deletePrinted(printed);
        }
        long rssAt50 = MemoryProbe.rssAfterGc();
        System.out.println("COUNTER-BENCH one complete visit through the view model (PDF, preview, print to file, store): "
                + stats(visitNanos.subList(10, visitNanos.size())));
        System.out.printf("COUNTER-BENCH VmRSS after 10 visits %d MB, after 50 visits %d MB (heap used %d MB)%n",
                rssAt10 / 1024, rssAt50 / 1024,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
        System.out.printf("COUNTER-BENCH 50 visits took %.1f s%n", (System.nanoTime() - visitStart) / 1e9);
        // where the memory is: NMT (when the JVM runs with -XX:NativeMemoryTracking=summary) and the live heap's top
        MemoryProbe.jcmd("COUNTER-MEM ", "VM.native_memory", "summary");
        MemoryProbe.jcmd("COUNTER-MEM ", "GC.class_histogram");
        vm.stop();
        output.close();
        store.close();
    }

    private static void deletePrinted(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    private static String stats(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("median %.1f ms, min %.1f ms, max %.1f ms, n=%d", sorted.get(sorted.size() / 2) / 1e6,
                sorted.get(0) / 1e6, sorted.get(sorted.size() - 1) / 1e6, sorted.size());
    }
}
