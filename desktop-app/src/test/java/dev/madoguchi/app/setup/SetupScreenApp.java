package dev.madoguchi.app.setup;

import dev.madoguchi.app.AppConfig;
import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.CompositionRoot;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.task.ExecutorTaskRunner;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application as the setup's screen tests start it (SetupAssistantScreenTest, SetupFromSignInScreenTest):
 * the real composition root on a data folder, in Japanese, its first window (the sign-in or the setup assistant, as
 * the start request decides) on the test's stage; closed after each test. With {@code -Dmadoguchi.screenshots=DIR}
 * {@link #shoot} saves the window as a PNG.
 */
final class SetupScreenApp implements AutoCloseable {

    private static final String SCREENSHOTS = System.getProperty("madoguchi.screenshots");

    private final Stage stage;
    private ExecutorTaskRunner tasks;
    private CompositionRoot root;

    SetupScreenApp(Stage stage) {
        this.stage = stage;
    }

    /** Starts the application on {@code data} at {@code textSize} % and shows its first window. */
    CompositionRoot show(FxRobot robot, Path data, int textSize, StartRequest start) {
        robot.interact(() -> {
            tasks = new ExecutorTaskRunner(Platform::runLater);
            root = new CompositionRoot(new AppConfig(new AppPaths(data), Language.JAPANESE, textSize, true, start),
                    tasks);
            root.showLogin(stage);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return root;
    }

    /** With {@code -Dmadoguchi.screenshots=DIR}: the window as {@code DIR/name.png}; else nothing. */
    void shoot(FxRobot robot, String name) throws Exception {
        if (SCREENSHOTS == null) {
            return;
        }
        Path out = Files.createDirectories(Path.of(SCREENSHOTS));
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
        PixelReader pixels = shot[0].getPixelReader();
        int w = (int) shot[0].getWidth();
        int h = (int) shot[0].getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", out.resolve(name + ".png").toFile());
    }

    @Override
    public void close() {
        if (tasks != null) {
            tasks.close();
        }
        if (root != null) {
            root.close();
        }
    }
}
