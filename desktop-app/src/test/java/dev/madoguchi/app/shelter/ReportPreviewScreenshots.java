package dev.madoguchi.app.shelter;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.app.counter.PrintDestination;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.report.ReportPrinting;
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
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: with {@code -Dmadoguchi.screenshots=DIR} (scripts/screenshots.sh) it saves the daily report tab with its
 * print preview open as {@code shelter-report-print-preview.png}. Skipped when the property is not set.
 */
@ExtendWith(ApplicationExtension.class)
class ReportPreviewScreenshots {

    private static final String OUT = System.getProperty("madoguchi.screenshots");

    @TempDir
    Path dir;

    private Stage stage;
    private ShelterFixture fixture;
    private ShelterTabsView tabs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop(FxRobot robot) {
        if (fixture != null) {
            robot.interact(fixture.steps::stop);
            fixture.close();
        }
    }

    @Test
    void theDailyReportsPrintPreview(FxRobot robot) throws Exception {
        assumeTrue(OUT != null, "screenshots only with -Dmadoguchi.screenshots=DIR (CONTRIBUTING.md)");
        Path out = Files.createDirectories(Path.of(OUT));
        fixture = new ShelterFixture(dir);
        fixture.records.saveShelter(new Shelter("S-01", "第一小学校体育館", "架空市中央1-1", 300, 200,
                List.of("体育館", "教室2"), Set.of()));
        fixture.records.checkIn("S-01", new Arrival("H-1", Stay.SHELTER, "体育館", List.of(new Pet("犬", 1, "")),
                "品川500あ1234", List.of(
                        person("A", "髙﨑　𠮷子", LocalDate.of(1938, 4, 1), Sex.FEMALE, new CareFlag(CareKind.ALLERGY,
                                "卵")),
                        person("B", "髙﨑　一郎", LocalDate.of(1975, 2, 3), Sex.MALE, CareFlag.of(CareKind.MEDICATION)),
                        person("C", "髙﨑　花", LocalDate.of(2024, 5, 5), Sex.FEMALE, CareFlag.of(CareKind.INFANT)))));
        fixture.steps.printingWith(new ReportPrinting(FontFiles.debian(), new FormPrinter(),
                () -> new PrintDestination.Folder(dir.resolve("printed")), fixture.clock));
        Messages messages = new Messages(Language.JAPANESE);
        robot.interact(() -> {
            Parent root = new ViewLoader(messages.bundle()).withAll(fixture.steps.controllers())
                    .with(ShelterTabsView.class, () -> tabs = new ShelterTabsView()).loadStyled(ShelterTabsView.class);
            root.setStyle("-fx-font-size: 16.0px;");
            stage.setScene(new Scene(root, 1100, 1000));
            stage.show();
            fixture.steps.start();
        });
        robot.interact(() -> fixture.steps.choice().choose(0));
        robot.interact(() -> tabs.open(3));
        robot.interact(() -> fixture.steps.report().preview());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fixture.steps.report().previewShownProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
        PixelReader pixels = shot[0].getPixelReader();
        BufferedImage png = new BufferedImage((int) shot[0].getWidth(), (int) shot[0].getHeight(),
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", out.resolve("shelter-report-print-preview.png").toFile());
    }

    private static Evacuee person(String id, String name, LocalDate born, Sex sex, CareFlag flag) {
        return new Evacuee(id, name, "", born, sex, "", "", "", IdentifiedBy.MANUAL, List.of(flag), "",
                new Consent(true, false, false));
    }
}
