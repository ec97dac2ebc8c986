package dev.madoguchi.app.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.Main;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.card.simulated.SimulatedCard;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The setup assistant's steps one by one: validation, skipping, and typed failures with their remedies. */
class SetupStepsTest {

    static final StoreOptions OPTIONS = new StoreOptions("t", 1_000, Clock.systemUTC(), new SecureRandom());
    static final String PASSPHRASE = "Madoguchi setup 2026!";

    @TempDir
    Path dir;

    private final Messages ja = new Messages(Language.JAPANESE);
    private final InlineTaskRunner tasks = new InlineTaskRunner();

    @Test
    void theMunicipalityCodeIsCheckedByItsCheckDigitWhileTyped() {
        MunicipalityStep step = new MunicipalityStep(ja);
        assertThat(step.skippable()).isFalse();
        step.codeProperty().set("131017");
        assertThat(step.failedProperty().get()).isTrue();
        assertThat(step.messageProperty().get()).contains("検査数字").endsWith("(SETUP-002)");
        step.codeProperty().set("131016");
        assertThat(step.failedProperty().get()).isFalse();
        assertThat(step.validate()).isFalse(); // no name yet
        assertThat(step.messageProperty().get()).contains("自治体名");
        step.nameProperty().set(" 千代田区 ");
        assertThat(step.validate()).isTrue();
        assertThat(step.statusProperty().get()).isEqualTo(WizardStep.Status.DONE);
        assertThat(step.messageProperty().get()).isEqualTo("千代田区（131016）");
    }

    @Test
    void theAdministratorsPassphraseStrengthIsShownLiveAndAWeakOrMismatchedOneIsRefused() {
        AdministratorStep step = new AdministratorStep(new Messages(Language.ENGLISH));
        step.idProperty().set("admin1");
        step.nameProperty().set("管理者 一郎");
        step.passphraseProperty().set("short1");
        assertThat(step.strengthTextProperty().get()).isEqualTo("Strength: weak (not accepted)");
        assertThat(step.validate()).isFalse();
        assertThat(step.messageProperty().get()).endsWith("(SETUP-004)");
        step.passphraseProperty().set("longer passphrase");
        assertThat(step.strengthProperty().get()).isEqualTo(PassphraseStrength.FAIR);
        step.passphraseProperty().set(PASSPHRASE);
        assertThat(step.strengthTextProperty().get()).isEqualTo("Strength: strong");
        step.repeatProperty().set(PASSPHRASE + "x");
        assertThat(step.validate()).isFalse();
        assertThat(step.messageProperty().get()).endsWith("(SETUP-005)");
        assertThat(step.repeatProperty().get()).isEmpty();
        step.idProperty().set("a");
        step.repeatProperty().set(PASSPHRASE);
        assertThat(step.validate()).isFalse();
        assertThat(step.messageProperty().get()).endsWith("(SETUP-003)");
        step.idProperty().set("admin1");
        assertThat(step.validate()).isTrue();
        assertThat(step.passphrase()).isEqualTo(PASSPHRASE.toCharArray());
        assertThat(step.passphraseProperty().get()).isEmpty(); // not left in the field
        step.forget();
        assertThat(step.passphrase()).isEmpty();
    }

    @Test
    void theRegisterIsImportedIntoANewStoreWithCountsAndAnUnreadableFileWritesNothing() throws Exception {
        Path store = new AppPaths(dir.resolve("data")).storeDirectory();
        RegisterStep step = new RegisterStep(ja, tasks, new SetupService(store, OPTIONS));
        step.fileProperty().set(dir.resolve("missing.csv").toString());
        step.run(SetupStepsTest::plan, PASSPHRASE.toCharArray(), false, () -> { throw new AssertionError(); });
        assertThat(step.messageProperty().get()).endsWith("(SETUP-006)");
        assertThat(LocalStore.exists(store)).isFalse();

        Path csv = register(dir, 40);
        step.fileProperty().set(csv.toString());
        boolean[] done = {false};
        step.run(SetupStepsTest::plan, PASSPHRASE.toCharArray(), false, () -> done[0] = true);

        assertThat(done[0]).isTrue();
        assertThat(step.created()).isTrue();
        assertThat(step.progressProperty().get()).isEqualTo(1.0);
        long residents = RegisterStep.lines(csv);
        assertThat(step.progressTextProperty().get()).startsWith(residents + " / " + residents + " 人を取込み済み");
        assertThat(step.messageProperty().get()).startsWith(residents + " 人、");
        assertThat(SetupMarker.present(store)).isTrue();
        assertThat(SetupMarker.read(store)).contains("千代田区 (131016)");
        try (LocalStore opened = LocalStore.open(store, "admin1", PASSPHRASE.toCharArray(), OPTIONS)) {
            assertThat(opened.register().residentCount()).isEqualTo(residents);
            assertThat(opened.settings().get(SetupService.MUNICIPALITY_CODE)).contains("131016");
        }
    }

    @Test
    void skippingTheImportStillCreatesTheStoreAndTheDemosStoreIsMovedAsideFirst() throws Exception {
        Path store = new AppPaths(dir.resolve("data")).storeDirectory();
        try (LocalStore demo = LocalStore.create(store, new Clerk("demo-admin", "デモ", Role.ADMINISTRATOR),
                "demo passphrase 1".toCharArray(), OPTIONS)) {
            assertThat(demo.clerk().clerkId()).isEqualTo("demo-admin");
        }
        Files.writeString(store.resolve(SetupService.DEMO_STORE_MARKER), "demo\n");
        RegisterStep step = new RegisterStep(ja, tasks, new SetupService(store, OPTIONS));

        step.run(SetupStepsTest::plan, PASSPHRASE.toCharArray(), true, () -> { });

        assertThat(step.statusProperty().get()).isEqualTo(WizardStep.Status.SKIPPED);
        assertThat(step.messageProperty().get()).contains("住民記録はまだありません");
        assertThat(Files.exists(store.resolve(SetupService.DEMO_STORE_MARKER))).isFalse();
        try (var siblings = Files.list(store.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("store-demo-"));
        }
        try (LocalStore opened = LocalStore.open(store, "admin1", PASSPHRASE.toCharArray(), OPTIONS)) {
            assertThat(opened.register().residentCount()).isZero();
        }
    }

    @Test
    void aStoreThatIsNeitherTheDemosNorSetUpIsNotTouched() {
        Path store = new AppPaths(dir.resolve("data")).storeDirectory();
        LocalStore.create(store, new Clerk("other", "他", Role.ADMINISTRATOR), "other passphrase 1".toCharArray(),
                OPTIONS).close();
        RegisterStep step = new RegisterStep(ja, tasks, new SetupService(store, OPTIONS));
        step.run(SetupStepsTest::plan, PASSPHRASE.toCharArray(), true, () -> { throw new AssertionError(); });
        assertThat(step.messageProperty().get()).endsWith("(SETUP-016)");
        assertThat(step.created()).isFalse();
        assertThat(SetupMarker.present(store)).isFalse();
    }

    @Test
    void theStartModeFollowsTheRequestAndASetUpComputerNeverStartsTheDemo() {
        Path store = new AppPaths(dir.resolve("data")).storeDirectory();
        assertThat(StartMode.decide(store, StartRequest.AUTO)).isEqualTo(StartMode.DEMO);
        assertThat(StartMode.decide(store, StartRequest.DEMO)).isEqualTo(StartMode.DEMO);
        assertThat(StartMode.decide(store, StartRequest.SETUP)).isEqualTo(StartMode.SETUP);
        new RegisterStep(ja, tasks, new SetupService(store, OPTIONS)).run(SetupStepsTest::plan,
                PASSPHRASE.toCharArray(), true, () -> { });
        assertThat(StartMode.decide(store, StartRequest.AUTO)).isEqualTo(StartMode.SIGN_IN);
        assertThat(StartMode.decide(store, StartRequest.SETUP)).isEqualTo(StartMode.SIGN_IN);
        assertThatThrownBy(() -> StartMode.decide(store, StartRequest.DEMO)).isInstanceOf(SetupException.class)
                .satisfies(e -> assertThat(((SetupException) e).error()).isEqualTo(SetupError.DEMO_ON_SET_UP_COMPUTER));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"--data-dir", dir.resolve("data").toString(), "--demo", "--lang", "en"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("(SETUP-001)").doesNotContain("Exception");
        StringWriter usage = new StringWriter();
        assertThat(Main.run(new String[] {"--data-dir", dir.resolve("data").toString(), "--demo", "--setup"},
                new PrintWriter(out, true), new PrintWriter(usage, true))).isEqualTo(Main.USAGE);
        assertThat(usage.toString()).contains("--demo and --setup exclude each other");
    }

    @Test
    void aTestReadOfAnyCardTellsItsTypeAndTriesWithoutAPinAndAnEmptyReaderSaysSo() throws Exception {
        List<SimulatedCard> deck = DemoEnvironment.standard().cardDeck();
        SimulatedCardReaders readers = new SimulatedCardReaders(deck);
        CardReaderStep step = new CardReaderStep(ja, tasks, readers);
        step.testRead();
        assertThat(step.failedProperty().get()).isTrue();
        assertThat(step.messageProperty().get()).contains("(CARD-");

        SimulatedCard card = deck.stream().filter(c -> c.content() != null).findFirst().orElseThrow();
        readers.place(card.id());
        int before = card.content().textPinTriesLeft();
        step.testRead();
        assertThat(step.statusProperty().get()).isEqualTo(WizardStep.Status.DONE);
        String first = step.messageProperty().get();
        assertThat(first).startsWith("マイナンバーカードを読めました").contains("残り " + before + " 回");
        step.testRead();
        assertThat(step.messageProperty().get()).isEqualTo(first); // no PIN sent, no try used
    }

    static SetupPlan plan() {
        return new SetupPlan("131016", "千代田区", "admin1", "管理者", null, null, null);
    }

    /** A small register file in the CSV the import reads (the demo municipality's export). */
    static Path register(Path dir, int residents) {
        Path csv = dir.resolve("register.csv");
        StringWriter out = new StringWriter();
        assertThat(Main.run(new String[] {"--data-dir", dir.resolve("demo-data").toString(), "demo", "export",
            "--residents", String.valueOf(residents), "-o", csv.toString()}, new PrintWriter(out), new PrintWriter(out)))
                .as(out.toString()).isZero();
        return csv;
    }
}
