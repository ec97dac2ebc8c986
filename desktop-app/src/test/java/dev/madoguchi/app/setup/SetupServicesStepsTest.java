package dev.madoguchi.app.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.app.cli.ShelterListFile;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.pdf.PdfProbe;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.backend.BackendConfig;
import dev.madoguchi.backend.ReferenceBackend;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.print.FormPrinter;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.sync.SyncSettings;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steps that try the world: the backend (a real reference backend on loopback), the printer and its test page
 * (the real print service, pdftotext and pdffonts), the forms folder and the shelter list (the real readers).
 */
class SetupServicesStepsTest {

    @TempDir
    Path dir;

    private final Messages ja = new Messages(Language.JAPANESE);
    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private ReferenceBackend backend;
    private String token;

    @BeforeEach
    void startBackend() {
        backend = ReferenceBackend.start(BackendConfig.forTests(BackendConfig.h2FileUrl(dir.resolve("backend"))));
        token = backend.terminals().register("T-SETUP").value();
    }

    @AfterEach
    void stopBackend() {
        backend.close();
    }

    private BackendStep backendStep(String url, String tokenText) throws Exception {
        BackendStep step = new BackendStep(ja, tasks, new BackendCheck());
        step.urlProperty().set(url);
        step.tokenFileProperty().set(Files.writeString(dir.resolve("token"), tokenText + "\n").toString());
        return step;
    }

    @Test
    void aBackendThatAcceptsTheTokenIsKeptAndWrittenIntoTheSyncSettings() throws Exception {
        BackendStep step = backendStep(backend.baseUri().toString(), token);
        boolean[] answered = {false};
        step.test(() -> answered[0] = true);
        assertThat(answered[0]).isTrue();
        assertThat(step.statusProperty().get()).isEqualTo(WizardStep.Status.DONE);
        assertThat(step.messageProperty().get()).startsWith("接続できました");
        try (LocalStore store = LocalStore.create(dir.resolve("store"), new Clerk("admin1", "管理者", Role.ADMINISTRATOR),
                SetupStepsTest.PASSPHRASE.toCharArray(), SetupStepsTest.OPTIONS)) {
            step.apply(new SyncSettings(store.settings()));
            assertThat(new SyncSettings(store.settings()).backend()).hasValueSatisfying(config -> {
                assertThat(config.baseUri()).isEqualTo(backend.baseUri());
                assertThat(config.terminalId()).isEqualTo("T-SETUP");
            });
        }
    }

    @Test
    void aWrongTokenIsRefusedByTheBackendWithItsRemedy() throws Exception {
        BackendStep step = backendStep(backend.baseUri().toString(), "T-SETUP.wrong-secret");
        step.test(() -> { throw new AssertionError("not accepted"); });
        assertThat(step.failedProperty().get()).isTrue();
        assertThat(step.messageProperty().get()).contains("端末トークンを受け付けません").endsWith("(SETUP-012)")
                .doesNotContain("wrong-secret");
        try (LocalStore store = LocalStore.create(dir.resolve("store"), new Clerk("admin1", "管理者", Role.ADMINISTRATOR),
                SetupStepsTest.PASSPHRASE.toCharArray(), SetupStepsTest.OPTIONS)) {
            step.apply(new SyncSettings(store.settings()));
            assertThat(new SyncSettings(store.settings()).backend()).isEmpty(); // only what answered is kept
        }
    }

    @Test
    void anUnreachableBackendABadUrlABadTokenFileAndAMissingTrustStoreAreNamed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        BackendStep step = backendStep("http://127.0.0.1:" + closedPort + "/", token);
        long started = System.nanoTime();
        step.test(() -> { });
        assertThat(step.messageProperty().get()).endsWith("(SETUP-010)");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(15);

        step = backendStep("http://backend.example.jp/", token);
        step.test(() -> { });
        assertThat(step.messageProperty().get()).endsWith("(SETUP-007)");

        step = backendStep(backend.baseUri().toString(), "no token here");
        step.test(() -> { });
        assertThat(step.messageProperty().get()).endsWith("(SETUP-008)");

        step = backendStep(backend.baseUri().toString(), token);
        step.trustStoreProperty().set(dir.resolve("missing.p12").toString());
        step.test(() -> { });
        assertThat(step.messageProperty().get()).endsWith("(SETUP-009)");
    }

    @Test
    void theTestPageIsAnA4PdfWithTheRuleAndItsJapaneseTextInAnEmbeddedFont() throws Exception {
        FontFiles fonts = FontFiles.debian();
        assumeTrue(Files.isReadable(fonts.gothic()), "IPAex Gothic is not installed");
        Path pdf = Files.write(dir.resolve("test-page.pdf"), TestPage.pdf("OfficePrinter", ZonedDateTime.now(), fonts));
        assertThat(PdfProbe.tool("pdftotext", pdf.toString(), "-")).contains("窓口 試し印刷").contains("Printer: OfficePrinter")
                .contains("100 mm");
        assertThat(PdfProbe.tool("pdffonts", pdf.toString())).contains("IPAexGothic").contains("yes");
    }

    /**
     * The printer step against this machine's print service. Under ./run-tests that is CUPS with the cups-pdf queue
     * (MADOGUCHI_CUPS_QUEUE): the step lists it and its test page comes out of cups-pdf as a file. On a machine
     * without any printer the step says so with the print catalogue's remedy, and the test page cannot be sent.
     */
    @Test
    void thePrinterStepListsThePrintersAndSendsTheTestPageOrSaysThereIsNone() throws Exception {
        FormPrinter printer = new FormPrinter();
        PrinterStep step = new PrinterStep(ja, tasks, printer, FontFiles.debian(), Clock.systemDefaultZone());
        step.refresh();
        String queue = System.getenv("MADOGUCHI_CUPS_QUEUE");
        if (queue == null || queue.isBlank()) {
            assumeTrue(printer.printers().isEmpty(), "printers but no MADOGUCHI_CUPS_QUEUE: only ./run-tests' queue is printed on");
            assertThat(step.printers()).isEmpty();
            assertThat(step.messageProperty().get()).endsWith("(PRINT-001)");
            step.testPage();
            assertThat(step.failedProperty().get()).isTrue();
            assertThat(step.statusProperty().get()).isEqualTo(WizardStep.Status.OPEN);
            assertThat(step.messageProperty().get()).contains("(PRINT-00");
            return;
        }
        assumeTrue(Files.isReadable(FontFiles.debian().gothic()), "IPAex Gothic is not installed");
        assertThat(step.printers()).contains(queue);
        Path out = Path.of(System.getenv().getOrDefault("MADOGUCHI_CUPS_PDF_DIR", "/nonexistent"));
        long before = PdfProbe.pdfFilesIn(out);
        step.chosenProperty().set(queue);
        step.testPage();
        assertThat(step.failedProperty().get()).as(step.messageProperty().get()).isFalse();
        assertThat(step.statusProperty().get()).isEqualTo(WizardStep.Status.DONE);
        assertThat(step.messageProperty().get()).contains(queue);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (PdfProbe.pdfFilesIn(out) == before && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(PdfProbe.pdfFilesIn(out)).as("test pages written by cups-pdf in %s", out).isGreaterThan(before);
        try (LocalStore store = LocalStore.create(dir.resolve("store"), new Clerk("admin1", "管理者", Role.ADMINISTRATOR),
                SetupStepsTest.PASSPHRASE.toCharArray(), SetupStepsTest.OPTIONS)) {
            SetupMarker.write(store.directory(), "131016", "千代田区");
            step.apply(store);
            assertThat(SetupMarker.printer(store.directory())).as("the counter preselects it").contains(queue);
        }
    }

    @Test
    void theFormsFolderAndTheShelterListAreCheckedNowAndSavedAtTheEnd() throws Exception {
        FoldersStep step = new FoldersStep(ja, tasks, ShelterListFile::read);
        boolean[] done = {false};
        step.check(() -> done[0] = true);
        assertThat(done[0]).isTrue();
        assertThat(step.statusProperty().get()).isEqualTo(WizardStep.Status.SKIPPED); // both left empty

        step.formsFolderProperty().set(dir.resolve("no-such-folder").toString());
        step.check(() -> { throw new AssertionError(); });
        assertThat(step.messageProperty().get()).endsWith("(SETUP-014)");

        Path forms = Files.createDirectories(dir.resolve("forms"));
        Files.writeString(forms.resolve("broken.json"), "{ not json");
        step.formsFolderProperty().set(forms.toString());
        step.check(() -> { throw new AssertionError(); });
        assertThat(step.messageProperty().get()).endsWith("(SETUP-014)");
        Files.delete(forms.resolve("broken.json"));

        Path list = dir.resolve("shelters.csv");
        Files.writeString(list, "id,name\r\nS1,第一小学校\r\n", StandardCharsets.UTF_8);
        step.shelterFileProperty().set(list.toString());
        step.check(() -> { throw new AssertionError(); });
        assertThat(step.messageProperty().get()).endsWith("(SETUP-015)");

        Files.writeString(list, "id,name,address,dayCapacity,nightCapacity,spaces,features\r\n"
                + "S2,第二中学校,架空市本町2-3,200,150,体育館|教室2,pets-allowed\r\n", StandardCharsets.UTF_8);
        step.check(() -> done[0] = true);
        assertThat(step.messageProperty().get()).isEqualTo("帳票定義 0 件を確かめ、避難所 1 か所を読みました");
        try (LocalStore store = LocalStore.create(dir.resolve("store"), new Clerk("admin1", "管理者", Role.ADMINISTRATOR),
                SetupStepsTest.PASSPHRASE.toCharArray(), SetupStepsTest.OPTIONS)) {
            SetupMarker.write(store.directory(), "131016", "千代田区");
            step.apply(store);
            assertThat(store.shelter().shelters()).extracting(s -> s.id()).containsExactly("S2");
            // beside the store, so the counter and 'madoguchi form' read it without a sign-in
            assertThat(SetupMarker.formsFolder(store.directory())).contains(forms.toAbsolutePath());
            assertThat(SetupMarker.read(store.directory())).contains("千代田区 (131016)");
        }
    }
}
