package dev.madoguchi.app.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the windows open and how large, and the text size of the sign-in window. The main window opens where and as
 * large as it was last closed ({@code windows.properties} in the data directory: needed before sign-in, so not in the
 * encrypted store; it holds only window geometry), and maximised on the first start. Remembered bounds that lie on no
 * screen any more (a monitor was unplugged) are not used; remembered sizes larger than the screen are shrunk to it.
 * The sign-in window gets the clerk's text size and a size that grows with it, within the screen.
 */
public final class WindowPlacement {

    /** The settings file's name in the data directory. */
    public static final String FILE = "windows.properties";
    /** The sign-in window's size at 100 %. */
    static final double SIGN_IN_WIDTH = 640;
    static final double SIGN_IN_HEIGHT = 420;
    /** The smallest part of a remembered window that must be on a screen for the bounds to be used. */
    static final double VISIBLE_AT_LEAST = 100;

    private static final Logger LOG = LoggerFactory.getLogger(WindowPlacement.class);

    private final Path file;
    private final Properties saved = new Properties();
    private final List<Rectangle2D> screens;

    /** Reads {@code window.properties} in {@code dataDirectory} (missing or unreadable: first start). */
    public WindowPlacement(Path dataDirectory) {
        this(dataDirectory, Screen.getScreens().stream().map(Screen::getVisualBounds).toList());
    }

    /** @param screens the screens' visual bounds, the primary first (tests give their own) */
    WindowPlacement(Path dataDirectory, List<Rectangle2D> screens) {
        this.file = dataDirectory.resolve(FILE);
        this.screens = List.copyOf(screens);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                saved.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("window sizes not read from {}: {}", file, e.toString());
            }
        }
    }

    /** The CSS that sets a window's text size (100–200 % of 14 px), as the main window's root has it. */
    public static String textSizeStyle(int percent) {
        return String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", percent * 14.0 / 100);
    }

    /** The sign-in screen: the text size asked for, a window that grows with it (within the screen), centred. */
    public void showSignIn(Stage stage, Parent root, int textSizePercent) {
        root.setStyle(textSizeStyle(textSizePercent));
        Rectangle2D screen = screens.get(0);
        double scale = Math.max(1, textSizePercent / 100.0);
        stage.setMaximized(false);
        stage.setScene(new Scene(root, Math.min(SIGN_IN_WIDTH * scale, screen.getWidth()),
                Math.min(SIGN_IN_HEIGHT * scale, screen.getHeight())));
        stage.sizeToScene();
        stage.centerOnScreen();
        stage.show();
    }

    /**
     * The main window: where it was last closed, else maximised on the primary screen. Remembers its bounds when it is
     * hidden.
     */
    public void showMain(Stage stage, Parent root) {
        Rectangle2D primary = screens.get(0);
        stage.setMinWidth(Math.min(720, primary.getWidth()));
        stage.setMinHeight(Math.min(480, primary.getHeight()));
        Rectangle2D remembered = remembered("main");
        Rectangle2D screen = remembered == null ? primary : screenOf(remembered);
        stage.setScene(new Scene(root));
        if (remembered == null) {
            setBounds(stage, primary); // the whole visual area, also for when it is un-maximised
            stage.setMaximized(true);
        } else {
            double width = Math.min(remembered.getWidth(), screen.getWidth());
            double height = Math.min(remembered.getHeight(), screen.getHeight());
            setBounds(stage, new Rectangle2D(
                    clamp(remembered.getMinX(), screen.getMinX(), screen.getMaxX() - width),
                    clamp(remembered.getMinY(), screen.getMinY(), screen.getMaxY() - height), width, height));
            stage.setMaximized(Boolean.parseBoolean(saved.getProperty("main.maximized", "false")));
        }
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> remember("main", stage));
        stage.show();
    }

    /** Writes the stage's bounds under {@code name} (only geometry; failing is logged, never thrown). */
    void remember(String name, Stage stage) {
        saved.setProperty(name + ".maximized", Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized() && stage.getWidth() > 0 && stage.getHeight() > 0) {
            saved.setProperty(name + ".x", Double.toString(stage.getX()));
            saved.setProperty(name + ".y", Double.toString(stage.getY()));
            saved.setProperty(name + ".width", Double.toString(stage.getWidth()));
            saved.setProperty(name + ".height", Double.toString(stage.getHeight()));
        }
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                saved.store(out, "Madoguchi's window sizes and positions (no personal data)");
            }
        } catch (IOException e) {
            LOG.warn("window sizes not written to {}: {}", file, e.toString());
        }
    }

    /** The remembered bounds under {@code name}, when they exist and enough of them lies on a screen. */
    Rectangle2D remembered(String name) {
        try {
            String w = saved.getProperty(name + ".width");
            if (w == null) {
                return null;
            }
            Rectangle2D r = new Rectangle2D(Double.parseDouble(saved.getProperty(name + ".x")),
                    Double.parseDouble(saved.getProperty(name + ".y")), Double.parseDouble(w),
                    Double.parseDouble(saved.getProperty(name + ".height")));
            return screens.stream().anyMatch(s -> overlap(s, r)) ? r : null;
        } catch (RuntimeException e) { // a number edited into nonsense: as on the first start
            return null;
        }
    }

    private Rectangle2D screenOf(Rectangle2D r) {
        return screens.stream().filter(s -> overlap(s, r)).findFirst().orElse(screens.get(0));
    }

    private static boolean overlap(Rectangle2D screen, Rectangle2D r) {
        double w = Math.min(screen.getMaxX(), r.getMaxX()) - Math.max(screen.getMinX(), r.getMinX());
        double h = Math.min(screen.getMaxY(), r.getMaxY()) - Math.max(screen.getMinY(), r.getMinY());
        return w >= VISIBLE_AT_LEAST && h >= VISIBLE_AT_LEAST;
    }

    private static void setBounds(Stage stage, Rectangle2D r) {
        stage.setX(r.getMinX());
        stage.setY(r.getMinY());
        stage.setWidth(r.getWidth());
        stage.setHeight(r.getHeight());
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, Math.max(min, max)));
    }
}
