package dev.madoguchi.app.volunteer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.app.AppConfig;
import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.CompositionRoot;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.resident.ResidentLanguage;
import dev.madoguchi.app.task.ExecutorTaskRunner;
import dev.madoguchi.card.mynumber.PinKind;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.card.simulated.VolunteerDemoCards;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
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
 * Not a test: the screenshot script runs it under Xvfb with {@code -Dmadoguchi.screenshots=DIR} (CONTRIBUTING.md,
 * "Screenshots"). The demo volunteer signs in as on a fresh {@code ./madoguchi}, and each help-desk demo card is put
 * on the simulated reader; the volunteer's and the resident's window are saved at each case
 * ({@code volunteer-NN-case.png}, {@code volunteer-resident-NN-case.png}). Skipped when the property is not set.
 */
@ExtendWith(ApplicationExtension.class)
class VolunteerScreenshots {

    private static final String OUT = System.getProperty("madoguchi.screenshots");

    @TempDir
    static Path dataDir;

    private ExecutorTaskRunner tasks;
    private CompositionRoot root;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        if (OUT == null) {
            return;
        }
        tasks = new ExecutorTaskRunner(Platform::runLater);
        root = new CompositionRoot(new AppConfig(new AppPaths(dataDir), Language.JAPANESE, 100, true), tasks);
        root.showLogin(stage);
    }

    @AfterEach
    void stop() {
        if (root != null) {
            tasks.close();
            root.close();
        }
    }

    @Test
    void everyHelpDeskCase(FxRobot robot) throws Exception {
        assumeTrue(OUT != null, "screenshots only with -Dmadoguchi.screenshots=DIR (CONTRIBUTING.md)");
        Path out = Files.createDirectories(Path.of(OUT));
        WaitForAsyncUtils.waitForFxEvents();
        write(robot, stage.getScene(), out.resolve("volunteer-00-login-demo-accounts.png"));
        robot.clickOn("#clerkIdField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write(DemoEnvironment.DEMO_VOLUNTEER);
        robot.clickOn("#passphraseField").write(DemoEnvironment.DEMO_VOLUNTEER_PASSPHRASE);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> root.volunteer() != null && root.residentWindow() != null);
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1366); // a municipal laptop's screen
            stage.setHeight(768);
        });
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS); // the status bar's first round
        shoot(robot, out, "01-welcome");
        put(VolunteerDemoCards.FINE);
        shoot(robot, out, "02-all-fine");
        put(VolunteerDemoCards.AUTH_PIN_LOCKED);
        shoot(robot, out, "03-auth-pin-locked");
        robot.interact(() -> root.volunteerResident().languageProperty().set(ResidentLanguage.EASY_JAPANESE));
        shootResident(robot, out, "03-auth-pin-locked-easy-japanese");
        robot.interact(() -> root.volunteerResident().languageProperty().set(ResidentLanguage.ENGLISH));
        shootResident(robot, out, "03-auth-pin-locked-english");
        robot.interact(() -> root.volunteerResident().languageProperty().set(ResidentLanguage.KOREAN));
        shootResident(robot, out, "03-auth-pin-locked-korean");
        robot.interact(() -> root.volunteerResident().languageProperty().set(ResidentLanguage.JAPANESE));
        robot.interact(() -> root.volunteer().result().answer("knowsSignPassword", "yes"));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS); // the advice made again on the background lane
        shoot(robot, out, "03-auth-pin-locked-answered-yes");
        put(VolunteerDemoCards.TEXT_PIN_ONE_TRY);
        shoot(robot, out, "04-text-pin-one-try");
        put(VolunteerDemoCards.CERTIFICATE_RENEWAL);
        shoot(robot, out, "05-certificate-renewal-window");
        put(VolunteerDemoCards.CERTIFICATE_EXPIRED);
        shoot(robot, out, "06-certificate-expired");
        put(VolunteerDemoCards.NOT_A_MY_NUMBER_CARD);
        shoot(robot, out, "07-not-a-my-number-card");
        put(VolunteerDemoCards.SMARTPHONE);
        shoot(robot, out, "07-smartphone");
        put(VolunteerDemoCards.RESIDENCE_CARD);
        shoot(robot, out, "08-residence-card");
        simulated().remove();
        waitUntil(() -> root.volunteer().session().stepProperty().get() == CheckUpStep.WELCOME);
        simulated().place(VolunteerDemoCards.CORRUPT_RECORD);
        waitUntil(() -> root.volunteer().session().stepProperty().get() != CheckUpStep.WELCOME
                && !root.volunteer().session().busyProperty().get());
        shoot(robot, out, "09-damaged-record");
        put(VolunteerDemoCards.FINE);
        robot.interact(() -> root.volunteerResident().choose(PinKind.AUTH_PIN));
        robot.interact(() -> root.volunteerResident().pressDigit(5));
        robot.interact(() -> root.volunteerResident().pressDigit(6));
        shoot(robot, out, "10-self-test-on-the-resident-pad");
        robot.interact(() -> root.volunteerResident().pressDigit(7));
        robot.interact(() -> root.volunteerResident().pressDigit(8));
        robot.interact(() -> root.volunteerResident().enterPin());
        waitUntil(() -> root.volunteer().selfTest().resultProperty().get() != null);
        shoot(robot, out, "11-self-test-correct");
        robot.interact(() -> root.volunteerResident().choose(PinKind.SIGN_PASSWORD));
        for (char c : "ABC1".toCharArray()) {
            robot.interact(() -> root.volunteerResident().pressCharacter(c));
        }
        shoot(robot, out, "10-sign-password-on-the-resident-pad");
        robot.interact(() -> root.volunteerResident().cancel());
        robot.interact(() -> root.volunteer().sheet().preview());
        waitUntil(() -> root.volunteer().sheet().previewShownProperty().get());
        shootVolunteer(robot, out, "12-takeaway-sheet-preview");
        robot.interact(() -> root.volunteer().result().finish());
        simulated().remove();
        waitUntil(() -> root.volunteer().session().stepProperty().get() == CheckUpStep.WELCOME);
        shoot(robot, out, "13-after-the-card-left");
    }

    private SimulatedCardReaders simulated() {
        return root.readers().simulatedReader().orElseThrow();
    }

    /** Takes the card there away, puts this one and waits for its result. */
    private void put(String card) throws Exception {
        simulated().remove();
        waitUntil(() -> root.volunteer().session().stepProperty().get() == CheckUpStep.WELCOME);
        simulated().place(card);
        waitUntil(() -> root.volunteer().session().stepProperty().get() == CheckUpStep.RESULT);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // the advice, made on the background lane
    }

    private void shoot(FxRobot robot, Path out, String name) throws IOException {
        shootVolunteer(robot, out, name);
        shootResident(robot, out, name);
    }

    private void shootVolunteer(FxRobot robot, Path out, String name) throws IOException {
        write(robot, stage.getScene(), out.resolve("volunteer-" + name + ".png"));
    }

    private void shootResident(FxRobot robot, Path out, String name) throws IOException {
        write(robot, root.residentWindow().getScene(), out.resolve("volunteer-resident-" + name + ".png"));
    }

    private static void write(FxRobot robot, Scene scene, Path file) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = scene.snapshot(null));
        PixelReader pixels = shot[0].getPixelReader();
        int w = (int) shot[0].getWidth();
        int h = (int) shot[0].getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", file.toFile());
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
