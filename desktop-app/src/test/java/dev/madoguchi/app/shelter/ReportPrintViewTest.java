package dev.madoguchi.app.shelter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.counter.PrintDestination;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.pdf.PdfProbe;
import dev.madoguchi.app.shell.AccessibilityAudit;
import dev.madoguchi.app.shelter.report.ReportPrinting;
import dev.madoguchi.app.shelter.report.ReportViewModel;
import dev.madoguchi.app.shelter.screen.ShelterTabsView;
import dev.madoguchi.app.wiring.ViewLoader;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.domain.shelter.Pet;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.print.FormPrinter;
import dev.madoguchi.store.audit.AuditAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The daily report tab's 印刷プレビュー and 印刷する, headless (Monocle), keyboard only, at 200 % text: Ctrl+P renders
 * the same PDF as {@code shelter report --pdf} and shows its pages, the keyboard lands on 印刷する, Space prints it into
 * the print folder (no printer here) and the print is audited; Esc closes a preview. The real store, the real fonts,
 * pdftotext on the printed file.
 */
@ExtendWith(ApplicationExtension.class)
class ReportPrintViewTest {

    @TempDir
    static Path dir;

    private ShelterFixture fixture;
    private Parent root;
    private Stage stage;
    private ShelterTabsView tabs;
    private Path printed;

    @BeforeAll
    static void demoFirst() {
        ShelterFixture.demo();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void show(FxRobot robot, FontFiles fonts) throws IOException {
        fixture = new ShelterFixture(Files.createTempDirectory(dir, "desk"));
        fixture.records.saveShelter(new Shelter("S-01", "第一小学校体育館", "架空市本町1-1", 300, 200, List.of("体育館"),
                Set.of()));
        fixture.records.checkIn("S-01", new Arrival("H-9", Stay.SHELTER, "体育館", List.of(new Pet("犬", 1, "")), "",
                List.of(new Evacuee("A", "髙﨑　𠮷子", "タカサキ　ヨシコ", LocalDate.of(1938, 4, 1), Sex.FEMALE, "", "",
                        "", IdentifiedBy.MANUAL, List.of(new CareFlag(CareKind.ALLERGY, "卵")), "",
                        new Consent(true, false, false)))));
        printed = Files.createTempDirectory(dir, "printed");
        fixture.steps.printingWith(new ReportPrinting(fonts, new FormPrinter(),
                () -> new PrintDestination.Folder(printed), fixture.clock));
        Messages messages = new Messages(Language.JAPANESE);
        robot.interact(() -> root = new ViewLoader(messages.bundle()).withAll(fixture.steps.controllers())
                .with(ShelterTabsView.class, () -> tabs = new ShelterTabsView()).loadStyled(ShelterTabsView.class));
        root.setStyle("-fx-font-size: 28.0px;");
        robot.interact(() -> {
            stage.setScene(new Scene(root, 1366, 768));
            stage.show();
            fixture.steps.start();
        });
        robot.type(KeyCode.ENTER); // the first shelter
        robot.interact(() -> tabs.open(3));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop(FxRobot robot) {
        if (fixture != null) {
            robot.interact(fixture.steps::stop);
            fixture.close();
        }
    }

    private static void requireTools() {
        PdfProbe.require(PdfProbe.installed("pdftotext") && FontFiles.debian().firstMissing() == null,
                "pdftotext (poppler-utils) or the Debian fonts");
    }

    @Test
    void ctrlPShowsThePreviewAndSpacePrintsTheSamePdfIntoThePrintFolderAudited(FxRobot robot) throws Exception {
        requireTools();
        show(robot, FontFiles.debian());
        ReportViewModel report = fixture.steps.report();
        assertThat(report.lines()).isNotEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> report.previewShownProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Node focus = stage.getScene().getFocusOwner();
        assertThat(focus.getId()).isEqualTo("printButton");
        assertThat(focus.getAccessibleText()).contains("日報を印刷する");
        FlowPane pages = (FlowPane) root.lookup("#previewBox");
        assertThat(pages.getChildren()).singleElement().isInstanceOfSatisfying(ImageView.class,
                page -> assertThat(page.getAccessibleText()).isEqualTo("日報の印刷プレビュー 1 / 1 ページ"));
        assertThat(AccessibilityAudit.unnamedFocusableNodes(root)).isEmpty();

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !report.previewShownProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        List<Path> files;
        try (Stream<Path> list = Files.list(printed)) {
            files = list.filter(f -> f.toString().endsWith(".pdf")).toList();
        }
        assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString())
                .startsWith("daily-report-S-01-2026-11-20-").doesNotContain("髙﨑"));
        assertThat(report.messageProperty().get()).contains(files.get(0).toString());
        String text = PdfProbe.textWithoutSpaces(files.get(0));
        assertThat(text).contains("避難所状況報告（日報）", "第一小学校体育館（S-01）", "報告日2026-11-20",
                "避難者数（在所者）1", "75歳以上0101", "アレルギー対応食（卵）1", "うち犬1", "1/1");
        assertThat(text).doesNotContain("髙﨑");
        assertThat(fixture.store.store().orElseThrow().audit().tail(10)).anyMatch(e -> e.action() == AuditAction.EXPORT
                && e.detail().equals("daily-report 2026-11-20 print of 1 rows"));
        assertThat(stage.getScene().getFocusOwner().getId()).as("the keyboard back on the preview button")
                .isEqualTo("previewButton");

        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> report.previewShownProperty().get());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(report.previewShownProperty().get()).isFalse();
        try (Stream<Path> list = Files.list(printed)) {
            assertThat(list.filter(f -> f.toString().endsWith(".pdf")).count()).as("a closed preview prints nothing")
                    .isEqualTo(1);
        }
    }

    @Test
    void missingFontsAreSaidInWordsWithTheirCodeAndNothingPrints(FxRobot robot) throws Exception {
        Path nowhere = dir.resolve("no-such-font.ttf");
        show(robot, new FontFiles(nowhere, nowhere, nowhere, null));
        ReportViewModel report = fixture.steps.report();
        robot.interact(report::preview);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !report.errorProperty().get().isEmpty());
        assertThat(report.errorProperty().get()).contains("COUNTER-001").contains("フォント")
                .doesNotContain("no-such-font");
        assertThat(report.previewShownProperty().get()).isFalse();
        try (Stream<Path> list = Files.list(printed)) {
            assertThat(list.count()).isZero();
        }
    }
}
