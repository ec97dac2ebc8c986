package dev.madoguchi.app.counter;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.app.counter.match.MatchViewModel;
import dev.madoguchi.app.counter.plan.MoversViewModel;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.demo.DemoMoveOuts;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.store.StoreService;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.card.apdu.Response;
import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.testing.MovableClock;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.print.FormPrinter;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.moveout.MoveOutMember;
import dev.madoguchi.store.moveout.MoveOutRecord;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: issue 16's target "a household of 4 moving in — card read to the printed-ready forms (住民異動届 with 4
 * rows + the procedures' forms) through the view models, excluding the card's own time — &lt; 300 ms" (docs/performance.md,
 * "Counter: a household of four moving in"). Runs only with {@code -Dmadoguchi.bench=true}; prints median, min, max
 * and p90 of 30 visits after 10 warm-up ones in one JVM, asserts nothing about time.
 *
 * <p>The default demo municipality (5,001 residents) in the encrypted store, the simulated reader with the demo deck,
 * the built-in forms and rules, the step view models on the inline task runner. The demo's pending records are
 * replaced, in this harness's store only, by one record of the 山田 family with four people (the demo's has three), so
 * the demo card {@code mo-yamada} finds it. Each visit: card placed, tries query, PIN, read with My Number, register
 * search and move-out look-up, the record confirmed, the three others chosen as movers, the life-event answers, the
 * plan, the interview values, the forms pre-filled and validated (draft saved) until every form is printable; the
 * visit is then cancelled (draft discarded) and the card removed, outside the timed part. Every call to the reader
 * (snapshot, connect, APDUs, close) is timed and subtracted: that is the card's own part, reported separately.
 */
class HouseholdMoveInPerformanceHarness {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final String PREVIOUS = "別県別市中町一丁目２番３号";
    private static final String HEAD = "山田\u3000一郎";
    private static final int WARM_UP = 10;
    private static final int MEASURED = 30;

    @TempDir
    Path dir;

    @Test
    void householdOfFourMovesIn() throws Exception {
        assumeTrue(Boolean.getBoolean("madoguchi.bench"), "harness only with -Dmadoguchi.bench=true");
        MovableClock clock = new MovableClock(CounterFixture.TODAY, ZoneId.of("Asia/Tokyo"));
        DemoEnvironment demo = DemoEnvironment.standard();
        StoreService store = new StoreService(dir.resolve("store"), demo, CounterFixture.OPTIONS.withClock(clock));
        store.signIn(DemoEnvironment.DEMO_CLERK, DemoEnvironment.DEMO_CLERK_PASSPHRASE.toCharArray());
        LocalStore local = store.store().orElseThrow();
        local.moveOuts().purgeExpired(TODAY.plusYears(1)); // the demo's three records go; the family of four comes
        local.moveOuts().keep(List.of(familyOfFour()), "performance harness");
        SimulatedCardReaders simulated = new SimulatedCardReaders(demo.cardDeck());
        TimedReaders reader = new TimedReaders(simulated);
        FormOutputService output = new FormOutputService(FontFiles.debian(), dir.resolve("key.pem"), new FormPrinter(),
                clock);
        VisitService visits = new VisitService(reader, store::store,
                VisitFormsService.builtIn(Map.of("mayor", "架空県窓口市長"), clock), output,
                simulated.residenceIssuer().trust());
        InlineTaskRunner tasks = new InlineTaskRunner();
        CounterVisit vm = new CounterVisit(new Messages(Language.JAPANESE), tasks, visits,
                () -> new PrintDestination.Folder(dir.resolve("printed")), System::nanoTime, clock);
        vm.start();

        List<Long> appNanos = new ArrayList<>();
        List<Long> cardNanos = new ArrayList<>();
        String forms = "";
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            reader.reset();
            simulated.place(DemoMoveOuts.CARD_ID); // the card is put on the reader; from here on it is timed
            long t0 = System.nanoTime();
            tasks.tick();
            visit(vm);
            long t1 = System.nanoTime();
            forms = check(vm);
            if (i >= WARM_UP) {
                cardNanos.add(reader.nanos());
                appNanos.add(t1 - t0 - reader.nanos());
            }
            vm.cancelVisit();
            simulated.remove();
            tasks.tick();
        }
        System.out.println("MOVE-IN-BENCH forms: " + forms);
        System.out.println("MOVE-IN-BENCH card read → printed-ready forms, household of 4, without the card: "
                + stats(appNanos));
        System.out.println("MOVE-IN-BENCH the simulated card's own time (poll, tries, read with My Number): "
                + stats(cardNanos));
        System.out.printf("MOVE-IN-BENCH JVM: %s %s, %d processors, max heap %d MB, %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-X")).toList());
        vm.stop();
        output.close();
        store.close();
    }

    /** One visit from the card on the reader to printable forms, as the clerk drives the steps. */
    private static void visit(CounterVisit vm) {
        expect(vm, VisitStep.PIN_ENTRY);
        "4321".chars().forEach(c -> vm.pressPinDigit(c - '0'));
        vm.submitPin();
        expect(vm, VisitStep.CANDIDATES);
        MatchViewModel match = vm.steps().match();
        if (match.moveOuts().size() != 1 || !vm.candidates().isEmpty()) {
            throw new AssertionError("expected one move-out record and no register candidate: " + match.moveOuts()
                    + ", " + vm.candidates().size());
        }
        match.confirmMoveOut(match.moveOuts().get(0));
        expect(vm, VisitStep.LIFE_EVENT);
        MoversViewModel movers = vm.steps().plan().movers();
        for (String code : List.of("91000000022", "91000000030", "91000000065")) {
            movers.setMoving(code, true);
        }
        Set<String> yes = Set.of("withChildren", "schoolAge", "nationalHealthInsurance");
        vm.questions().forEach(q -> vm.answer(q.id(), yes.contains(q.id()) ? "yes" : "no"));
        vm.proposeProcedures();
        expect(vm, VisitStep.PROCEDURES);
        interview().forEach(vm::setInterviewValue);
        vm.prepareForms();
        expect(vm, VisitStep.FORMS);
        // the 世帯主 is pre-filled from the record (its head moves along): nothing to type on any form
        for (VisitForm form : vm.forms()) {
            if (form.filled().definition().field("householdHead").isPresent()
                    && !HEAD.equals(form.filled().text("householdHead"))) {
                throw new AssertionError(form.formId() + ": the 世帯主 is not pre-filled");
            }
        }
    }

    /** Printed-ready: every form printable, the 住民異動届 with four rows; the forms' ids (outside the timing). */
    private static String check(CounterVisit vm) {
        List<String> ids = new ArrayList<>();
        for (VisitForm form : vm.forms()) {
            if (!form.printable()) {
                throw new AssertionError(form.formId() + " not printable: " + form.issues().stream()
                        .map(x -> x.fieldId() + " " + x.code()).toList());
            }
            ids.add(form.formId());
        }
        VisitForm ido = vm.forms().get(0);
        if (!"jumin-ido".equals(ido.formId()) || ido.filled().rowCount("movers") != 4 || vm.forms().size() < 2) {
            throw new AssertionError("expected 住民異動届 with 4 rows and the procedures' forms: " + ids);
        }
        return ids + " (jumin-ido movers rows: " + ido.filled().rowCount("movers") + ")";
    }

    private static void expect(CounterVisit vm, VisitStep step) {
        if (vm.stepProperty().get() != step) {
            throw new AssertionError("at " + vm.stepProperty().get() + ", expected " + step + ": "
                    + vm.errorProperty().get());
        }
    }

    /**
     * The interview as the clerk types it: the new address, the move date, the kana and the child for 児童手当. Not the
     * 世帯主: the record's head moves along, so the forms take it from the record ({@code household.newHead}).
     */
    private static Map<String, String> interview() {
        Map<String, String> values = new LinkedHashMap<>(VisitServiceTest.interview());
        values.put("nameKana", "ヤマダ\u3000イチロウ");
        values.put("relationship", "世帯主");
        values.put("kokuhoReason", "転入");
        values.put("childName", "山田\u3000次郎");
        values.put("childNameKana", "ヤマダ\u3000ジロウ");
        values.put("childBirthDate", "2021-07-10");
        values.put("childSex", "男");
        values.put("childRelationship", "子");
        return values;
    }

    /** The demo family (FICTIONAL) with a second child: four people on one 転出証明書. */
    private static MoveOutRecord familyOfFour() {
        return new MoveOutRecord("MO-BENCH-0004", "別県別市", PREVIOUS, "山田\u3000一郎", TODAY.minusDays(5),
                TODAY.plusDays(30), List.of(
                        new MoveOutMember("91000000014", "山田", "一郎", "ヤマダ", "イチロウ", LocalDate.of(1985, 4, 1),
                                Sex.MALE, "世帯主", null),
                        new MoveOutMember("91000000022", "山田", "花子", "ヤマダ", "ハナコ", LocalDate.of(1987, 6, 2),
                                Sex.FEMALE, "妻", null),
                        new MoveOutMember("91000000030", "山田", "太郎", "ヤマダ", "タロウ", LocalDate.of(2016, 9, 3),
                                Sex.MALE, "子", null),
                        new MoveOutMember("91000000065", "山田", "次郎", "ヤマダ", "ジロウ", LocalDate.of(2021, 7, 10),
                                Sex.MALE, "子", null)));
    }

    private static String stats(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int n = sorted.size();
        return String.format("median %.1f ms, min %.1f ms, max %.1f ms, p90 %.1f ms, n=%d", median(sorted) / 1e6,
                sorted.get(0) / 1e6, sorted.get(n - 1) / 1e6, sorted.get((int) Math.ceil(0.9 * n) - 1) / 1e6, n);
    }

    private static double median(List<Long> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** The reader with every call timed: the card's (and reader's) own part of a visit. */
    private static final class TimedReaders implements CardReaders {

        private final CardReaders readers;
        private long nanos;

        TimedReaders(CardReaders readers) {
            this.readers = readers;
        }

        void reset() {
            nanos = 0;
        }

        long nanos() {
            return nanos;
        }

        @Override
        public ReaderSource source() {
            return readers.source();
        }

        @Override
        public ReaderSnapshot snapshot() throws CardIoException {
            long t = System.nanoTime();
            try {
                return readers.snapshot();
            } finally {
                nanos += System.nanoTime() - t;
            }
        }

        @Override
        public CardConnection connect(String readerName) throws CardIoException {
            long t = System.nanoTime();
            try {
                return new TimedConnection(readers.connect(readerName));
            } finally {
                nanos += System.nanoTime() - t;
            }
        }

        private final class TimedConnection implements CardConnection {

            private final CardConnection connection;

            TimedConnection(CardConnection connection) {
                this.connection = connection;
            }

            @Override
            public Response transmit(byte[] command) throws CardIoException {
                long t = System.nanoTime();
                try {
                    return connection.transmit(command);
                } finally {
                    nanos += System.nanoTime() - t;
                }
            }

            @Override
            public String readerName() {
                return connection.readerName();
            }

            @Override
            public void beginExclusive() throws CardIoException {
                long t = System.nanoTime();
                try {
                    connection.beginExclusive();
                } finally {
                    nanos += System.nanoTime() - t;
                }
            }

            @Override
            public void endExclusive() {
                long t = System.nanoTime();
                connection.endExclusive();
                nanos += System.nanoTime() - t;
            }

            @Override
            public void resetWhenClosed() {
                connection.resetWhenClosed();
            }

            @Override
            public void close() {
                long t = System.nanoTime();
                connection.close();
                nanos += System.nanoTime() - t;
            }
        }
    }
}
