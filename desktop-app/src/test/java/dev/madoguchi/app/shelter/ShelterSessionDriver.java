package dev.madoguchi.app.shelter;

import dev.madoguchi.app.AppConfig;
import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.CompositionRoot;
import dev.madoguchi.app.DesktopLauncher;
import dev.madoguchi.app.bench.FxDriving;
import dev.madoguchi.app.bench.MemoryProbe;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.shelter.backlog.BacklogRow;
import dev.madoguchi.app.shelter.identify.PersonIdentifyViewModel;
import dev.madoguchi.app.shelter.screen.ShelterSteps;
import dev.madoguchi.app.task.ExecutorTaskRunner;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.forms.qr.PreRegistration;
import dev.madoguchi.forms.qr.PreRegistrationCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;

/**
 * Not a test: the memory benchmark of a shelter session, run by {@code scripts/measure-shelter-memory.sh} (numbers in
 * docs/performance.md, "Shelter mode") in a JVM started like {@code ./madoguchi} starts the desktop, as
 * {@code CounterSessionDriver} is for the counter. It builds the application as the launcher does — composition root,
 * demo store, simulated reader, the sign-in window, then the main window and the resident's window on a real (Xvfb)
 * display — signs in as the demo shelter staff through the sign-in window's fields, creates a shelter on the spot and
 * checks people in through the real shelter screens' view models: households of 1–4; four households in five at the
 * check-in desk, each person by the simulated card (PIN, register candidate confirmed), by a pre-registration QR
 * (plain payload, as a scanner types it) or typed by hand; every fifth household typed into the paper-card grid and
 * saved. Every 100 people it opens the present list and the daily report (as staff do) and goes back to the check-in
 * tab. It prints VmRSS (and VmHWM, the peak) at the start, every 100 people and at the end, the live heap, NMT (when the
 * JVM runs with it) and the class histogram, all on lines starting with {@code SHELTER-MEM}; with every sample the X
 * shared memory segments (size and resident part) and the shown windows' sizes. {@code -Dmadoguchi.bench.resident=false}
 * closes the resident's window after the sign-in, {@code -Dmadoguchi.bench.look=false} leaves the other tabs out.
 *
 * <p>Runs only with {@code -Dmadoguchi.bench=true} (the script sets it). Arguments: the number of people to check in,
 * a data folder (new or empty), and optionally a heap dump file to write at the end.
 */
public final class ShelterSessionDriver {

    private static final String P = "SHELTER-MEM ";
    private static final FxDriving ON_FX = new FxDriving(120, 30);

    private final ExecutorTaskRunner tasks;
    private CompositionRoot root;
    private Stage stage;
    private final Set<String> matchedOnce = new HashSet<>();
    private final PreRegistrationCodec codec = new PreRegistrationCodec();
    private final List<Long> personNanos = new ArrayList<>();
    private final MemoryProbe.Samples samples = new MemoryProbe.Samples(P);
    private int byCard;
    private int byQr;
    private int byHand;
    private int byBacklog;

    private ShelterSessionDriver(ExecutorTaskRunner tasks) {
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
        if (!Boolean.getBoolean("madoguchi.bench")) {
            System.err.println("ShelterSessionDriver: a benchmark, runs only with -Dmadoguchi.bench=true");
            System.exit(2);
        }
        int people = Integer.parseInt(args[0]);
        Path dataDir = Files.createDirectories(Path.of(args[1]));
        String dump = args.length > 2 ? args[2] : null;
        DesktopLauncher.prepareProcess(); // as the launcher: GDK_GL, malloc arenas, rendering pipeline
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await(30, TimeUnit.SECONDS);
        try (ExecutorTaskRunner tasks = new ExecutorTaskRunner(Platform::runLater)) {
            ShelterSessionDriver driver = new ShelterSessionDriver(tasks);
            fx(() -> {
                driver.root = new CompositionRoot(new AppConfig(new AppPaths(dataDir), Language.JAPANESE, 100, true),
                        tasks);
                driver.stage = new Stage();
                driver.root.showLogin(driver.stage);
            });
            try {
                driver.signIn();
                driver.run(people, dump);
            } finally {
                fx(driver.root::close);
            }
        }
        Platform.exit();
        System.exit(0);
    }

    /** Types the demo shelter account into the sign-in window and presses サインイン, as staff do. */
    private void signIn() throws Exception {
        waitUntil(120, () -> stage.getScene() != null && stage.getScene().lookup("#clerkIdField") != null);
        fx(() -> {
            ((TextInputControl) stage.getScene().lookup("#clerkIdField")).setText(DemoEnvironment.DEMO_SHELTER);
            ((TextInputControl) stage.getScene().lookup("#passphraseField"))
                    .setText(DemoEnvironment.DEMO_SHELTER_PASSPHRASE);
            ((Button) stage.getScene().lookup("#signInButton")).fire();
        });
        waitUntil(600, () -> root.shelter() != null && stage.getScene().lookup("#shelterTabs") != null);
    }

    private void run(int people, String dump) throws Exception {
        ShelterSteps steps = root.shelter();
        fx(() -> {
            steps.choice().newIdProperty().set("RSS-1");
            steps.choice().newNameProperty().set("計測用 第二中学校");
            steps.choice().newCapacityProperty().set("800");
            steps.choice().newSpacesProperty().set("体育館, 教室1, 教室2");
            steps.choice().create();
        });
        waitUntil(() -> steps.desk().step() == CheckInStep.IDENTIFY && steps.desk().shelterProperty().get() != null);
        if (!Boolean.parseBoolean(System.getProperty("madoguchi.bench.resident", "true"))) {
            // -Dmadoguchi.bench.resident=false: the resident's window closed (to see what its surfaces cost)
            fx(() -> root.residentWindow().hide());
        }
        if (Boolean.getBoolean("madoguchi.bench.offscreen")) {
            watchOffscreen();
        }
        sample("start (signed in, shelter created)");
        MemoryProbe.liveHeap(P, "start");
        SimulatedCardReaders reader = simulated();
        List<Resident> holders = new DemoEnvironment(DemoMunicipality.DEFAULT_SEED, 400).municipality().cardHolders()
                .stream().filter(r -> r.card().textPinTriesLeft() == 3 && r.foreignResidency() == null).toList();
        int done = 0;
        int nextSample = 100;
        for (int h = 0; done < people; h++) {
            int size = Math.min(1 + (h * 7 + h / 4) % 4, people - done);
            long started = System.nanoTime();
            if (h % 5 == 4) {
                backlogHousehold(steps, h, done, size);
            } else {
                deskHousehold(steps, reader, holders, h, done, size);
            }
            long each = (System.nanoTime() - started) / size;
            for (int i = 0; i < size; i++) {
                personNanos.add(each);
            }
            done += size;
            if (done >= nextSample || done >= people) {
                look(steps);
                sample("after " + done + " people (" + (h + 1) + " households)");
                if (done == 100) {
                    MemoryProbe.jcmd(P + "at 100: ", "VM.native_memory", "summary");
                }
                while (nextSample <= done) {
                    nextSample += 100;
                }
            }
        }
        List<Long> sorted = new ArrayList<>(personNanos);
        Collections.sort(sorted);
        System.out.printf("%s%d people: by card %d, by QR %d, typed %d, paper-card grid %d; per person in the application"
                + " (household time / size, including the card reader's polling) median %.0f ms, max %.0f ms%n", P,
                done, byCard, byQr, byHand, byBacklog, sorted.get(sorted.size() / 2) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6);
        MemoryProbe.Sample end = samples.takeWithGc("end");
        System.out.printf("%sVmRSS end %d MB, after a full GC %d MB; peak: VmHWM %d MB, largest sample %d MB%n", P,
                end.rss() / 1024, end.rssAfterGc() / 1024, end.peak() / 1024, samples.largest() / 1024);
        MemoryProbe.liveHeap(P, "end");
        MemoryProbe.jcmd(P, "VM.native_memory", "summary");
        MemoryProbe.jcmd(P, "GC.class_histogram");
        MemoryProbe.topMappings(P + "mapped ", 8);
        System.out.println(P + "effects' image pool (offscreen images of effects and of groups drawn with opacity): "
                + imagePoolStats());
        if (dump != null) {
            MemoryProbe.jcmd(P, "GC.heap_dump", dump);
        }
    }

    private void sample(String when) throws Exception {
        samples.take(when);
        System.out.println(P + "  windows: " + windows());
        System.out.println(P + "  drawn through an offscreen image: " + offscreenNodes());
        if (!SEEN_OFFSCREEN.isEmpty()) {
            System.out.println(P + "  seen after pulses since the last sample: " + SEEN_OFFSCREEN);
            SEEN_OFFSCREEN.clear();
        }
    }

    /** With -Dmadoguchi.bench.offscreen=true: the nodes drawn through an offscreen image, looked for after every pulse. */
    private static final Set<String> SEEN_OFFSCREEN = Collections.synchronizedSet(new java.util.TreeSet<>());

    private static void watchOffscreen() throws Exception {
        fx(() -> javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing).forEach(w -> {
            javafx.scene.Scene scene = w.getScene();
            scene.addPostLayoutPulseListener(() -> {
                List<String> found = new ArrayList<>();
                offscreen(scene.getRoot(), found);
                SEEN_OFFSCREEN.addAll(found);
            });
        }));
    }

    /**
     * The shown nodes of at least 100 × 100 px that the renderer draws through an offscreen image of their size (kept
     * in the effects' image pool): an opacity below 1, an effect, a blend mode or a clip that is not a plain rectangle.
     */
    private static String offscreenNodes() throws Exception {
        List<String> found = new ArrayList<>();
        fx(() -> javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing)
                .forEach(w -> offscreen(w.getScene().getRoot(), found)));
        return found.isEmpty() ? "none" : String.join("; ", found);
    }

    private static void offscreen(javafx.scene.Node n, List<String> found) {
        if (!n.isVisible()) {
            return;
        }
        var b = n.getLayoutBounds();
        List<String> why = new ArrayList<>();
        if (n.getOpacity() < 1) {
            why.add("opacity " + n.getOpacity());
        }
        if (n.getEffect() != null) {
            why.add("effect " + n.getEffect().getClass().getSimpleName());
        }
        if (n.getBlendMode() != null) {
            why.add("blend " + n.getBlendMode());
        }
        if (n.isCache()) {
            why.add("cache " + n.getCacheHint());
        }
        if (n.getClip() != null && !(n.getClip() instanceof javafx.scene.shape.Rectangle r && r.getArcWidth() == 0
                && r.getArcHeight() == 0)) {
            why.add("clip " + n.getClip().getClass().getSimpleName()
                    + (n.getClip() instanceof javafx.scene.shape.Rectangle r ? " arc " + r.getArcWidth() : ""));
        }
        if (!why.isEmpty() && b.getWidth() >= 100 && b.getHeight() >= 100) {
            found.add(n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + n.getStyleClass()
                    + " " + (int) b.getWidth() + "x" + (int) b.getHeight() + " " + why + (n.isDisabled() ? " disabled"
                    : ""));
        }
        if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> offscreen(c, found));
        }
    }

    /** JavaFX's counters of the effects' image pool (Decora's ImagePool; read by reflection, as -Ddecora.showstats). */
    private static String imagePoolStats() {
        try {
            Class<?> pool = Class.forName("com.sun.scenario.effect.impl.ImagePool");
            StringBuilder s = new StringBuilder();
            for (String name : List.of("numEffects", "numCreated", "pixelsCreated", "numAccessed", "pixelsAccessed")) {
                var field = pool.getDeclaredField(name);
                field.setAccessible(true);
                s.append(name).append(' ').append(field.get(null)).append(", ");
            }
            return s.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "not readable: " + e;
        }
    }

    /** The shown windows' sizes in pixels (each is painted whole into the X server at every change). */
    private static String windows() throws Exception {
        StringBuilder s = new StringBuilder();
        fx(() -> javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing).forEach(
                w -> s.append(s.length() == 0 ? "" : ", ").append((int) w.getWidth()).append('x')
                        .append((int) w.getHeight())));
        return s.toString();
    }

    /** Staff look at who is present and at the daily report, then go back to checking in. */
    private void look(ShelterSteps steps) throws Exception {
        if (!Boolean.parseBoolean(System.getProperty("madoguchi.bench.look", "true"))) {
            return; // -Dmadoguchi.bench.look=false: the check-in tab only (to see what the other tabs cost)
        }
        System.out.println(P + "  before the other tabs: " + MemoryProbe.rssParts());
        tab(2);
        waitUntil(() -> !steps.present().rows().isEmpty());
        System.out.println(P + "  present list shown: " + MemoryProbe.rssParts());
        tab(3);
        Thread.sleep(500);
        fx(() -> { });
        System.out.println(P + "  daily report shown: " + MemoryProbe.rssParts());
        tab(0);
    }

    private void tab(int index) throws Exception {
        fx(() -> ((TabPane) stage.getScene().lookup("#shelterTabs")).getSelectionModel().select(index));
    }

    private void deskHousehold(ShelterSteps steps, SimulatedCardReaders reader, List<Resident> holders, int h,
            int first, int size) throws Exception {
        for (int i = 0; i < size; i++) {
            int p = first + i;
            if (i > 0) {
                fx(() -> steps.household().addPerson());
                waitUntil(() -> steps.desk().step() == CheckInStep.IDENTIFY);
            }
            switch (p % 3) {
                case 0 -> byCard(steps, reader, holders.get((p / 3) % holders.size()));
                case 1 -> byQr(steps, p);
                default -> byHand(steps, p);
            }
            fx(() -> {
                if (p % 7 == 0) {
                    steps.person().detail(CareKind.ALLERGY).set("卵");
                }
                if (p % 11 == 0) {
                    steps.person().flag(CareKind.ELDERLY).set(true);
                }
                steps.person().consentFamilyProperty().set(true);
                steps.person().done();
            });
            waitUntil(() -> steps.desk().step() == CheckInStep.HOUSEHOLD);
            if (p % 3 == 0) {
                reader.remove();
                Thread.sleep(2 * PersonIdentifyViewModel.READER_POLL.toMillis() + 100); // the watch sees it go
            }
        }
        fx(() -> {
            if (h % 6 == 0) {
                steps.household().petSpeciesProperty().set("犬");
                steps.household().addPet();
            }
            if (h % 4 == 0) {
                steps.household().vehicleProperty().set("品川500あ" + (1000 + h));
            }
            steps.household().confirm();
        });
        waitUntil(() -> steps.desk().step() == CheckInStep.DONE || !steps.desk().errorProperty().get().isEmpty());
        if (steps.desk().step() != CheckInStep.DONE) {
            throw new AssertionError("household " + h + " not stored: " + steps.desk().errorProperty().get());
        }
        fx(() -> steps.household().nextHousehold());
        waitUntil(() -> steps.desk().step() == CheckInStep.IDENTIFY);
    }

    private void byCard(ShelterSteps steps, SimulatedCardReaders reader, Resident r) throws Exception {
        byCard++;
        reader.place(r.id());
        waitUntil(() -> steps.desk().step() == CheckInStep.PIN_ENTRY);
        fx(() -> {
            r.card().textPin().chars().forEach(c -> steps.identify().pressPinDigit(c - '0'));
            steps.identify().submitPin();
        });
        afterIdentified(steps, matchedOnce.add(r.id()));
    }

    private void byQr(ShelterSteps steps, int p) throws Exception {
        byQr++;
        PreRegistration pre = new PreRegistration("計測　" + name(p), "ケイソク　" + kana(p), born(p),
                p % 2 == 0 ? Sex.FEMALE : Sex.MALE, "他県架空町" + p + "-1", "", List.of(),
                new Consent(true, p % 2 == 0, false), "", Instant.now());
        String text = codec.encodePlain(pre);
        fx(() -> {
            steps.identify().scannedProperty().set(text);
            steps.identify().submitScan();
        });
        afterIdentified(steps, false);
    }

    private void byHand(ShelterSteps steps, int p) throws Exception {
        byHand++;
        fx(() -> {
            steps.identify().enterManually();
            steps.identify().nameProperty().set("手入力　" + name(p));
            steps.identify().kanaProperty().set("テニュウリョク　" + kana(p));
            steps.identify().birthDateProperty().set("S" + (20 + p % 40) + "." + (1 + p % 12) + "." + (1 + p % 28));
            steps.identify().sexProperty().set(p % 2 == 0 ? Sex.MALE : Sex.FEMALE);
            steps.identify().addressProperty().set("架空市中央" + p);
            steps.identify().submitManual();
        });
        afterIdentified(steps, false);
    }

    /** A register candidate is confirmed for a card read the first time, else none of them is taken. */
    private static void afterIdentified(ShelterSteps steps, boolean confirm) throws Exception {
        waitUntil(() -> steps.desk().step() == CheckInStep.MATCH || steps.desk().step() == CheckInStep.PERSON
                || !steps.desk().errorProperty().get().isEmpty());
        if (!steps.desk().errorProperty().get().isEmpty()) {
            throw new AssertionError("identify: " + steps.desk().errorProperty().get());
        }
        if (steps.desk().step() == CheckInStep.MATCH) {
            fx(() -> {
                if (confirm) {
                    steps.match().confirm(0);
                } else {
                    steps.match().noneOfThem();
                }
            });
            waitUntil(() -> steps.desk().step() == CheckInStep.PERSON);
        }
    }

    /** A household typed from paper cards into the grid (one row a person) and saved. */
    private void backlogHousehold(ShelterSteps steps, int h, int first, int size) throws Exception {
        tab(1);
        List<BacklogRow> typed = new ArrayList<>();
        fx(() -> {
            for (int i = 0; i < size; i++) {
                int p = first + i;
                List<BacklogRow> rows = steps.backlog().rows();
                BacklogRow row = rows.get(rows.size() - 1).stateProperty().get() == BacklogRow.State.EMPTY
                        ? rows.get(rows.size() - 1) : steps.backlog().addRow();
                String[] values = {"K-" + h, "紙　" + name(p), "カミ　" + kana(p), "19" + (40 + p % 60) + "0" + (1 + p % 9)
                        + "1" + (p % 10), p % 2 == 0 ? "女" : "男", "架空町" + p, "", p % 5 == 0 ? "高齢" : "", "yyn"};
                for (int f = 0; f < values.length; f++) {
                    row.fields()[f].set(values[f]);
                }
                typed.add(row);
            }
        });
        waitUntil(() -> typed.stream().allMatch(r -> r.stateProperty().get() == BacklogRow.State.READY));
        fx(() -> steps.backlog().save());
        waitUntil(() -> typed.stream().allMatch(r -> r.stateProperty().get() == BacklogRow.State.SAVED
                || r.stateProperty().get() == BacklogRow.State.BAD));
        for (BacklogRow r : typed) {
            if (r.stateProperty().get() != BacklogRow.State.SAVED) {
                throw new AssertionError("paper card not saved: " + r.statusProperty().get());
            }
        }
        fx(() -> steps.backlog().addRow()); // Enter on the last field: a new empty row for the next card
        byBacklog += size;
        tab(0);
    }

    private static String name(int p) {
        String digits = "〇一二三四五六七八九";
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(p).toCharArray()) {
            s.append(digits.charAt(c - '0'));
        }
        return s + "郎";
    }

    private static String kana(int p) {
        String syllables = "アイウエオカキクケコ";
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(p).toCharArray()) {
            s.append(syllables.charAt(c - '0'));
        }
        return s.toString();
    }

    private static LocalDate born(int p) {
        return LocalDate.of(1940 + p % 70, 1 + p % 12, 1 + p % 28);
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
