package dev.madoguchi.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The main window opens maximised the first time, then where it was closed; only geometry is kept. */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {

    static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1280, 720);

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // each test opens its own stages
    }

    @Test
    void opensMaximisedFirstThenWhereAndAsLargeAsItWasClosed(FxRobot robot) throws Exception {
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            stage[0] = new Stage();
            new WindowPlacement(dir, List.of(LAPTOP)).showMain(stage[0], new StackPane());
        });
        assertThat(stage[0].isMaximized()).as("first start").isTrue();
        robot.interact(() -> {
            stage[0].setMaximized(false);
            stage[0].setX(50);
            stage[0].setY(40);
            stage[0].setWidth(1000);
            stage[0].setHeight(650);
            stage[0].hide();
        });
        Path file = dir.resolve(WindowPlacement.FILE);
        assertThat(file).exists();
        assertThat(Files.readAllLines(file)).filteredOn(l -> !l.startsWith("#"))
                .allMatch(l -> l.matches("main\\.(x|y|width|height|maximized)=[-0-9.a-z]+"));

        robot.interact(() -> {
            stage[0] = new Stage();
            new WindowPlacement(dir, List.of(LAPTOP)).showMain(stage[0], new StackPane());
        });
        assertThat(stage[0].isMaximized()).isFalse();
        assertThat(new double[] {stage[0].getX(), stage[0].getY(), stage[0].getWidth(), stage[0].getHeight()})
                .containsExactly(50, 40, 1000, 650);
        robot.interact(stage[0]::hide);

        // the monitor it was on is gone: as on the first start; a smaller screen shrinks it
        assertThat(new WindowPlacement(dir, List.of(new Rectangle2D(2000, 0, 800, 600))).remembered("main")).isNull();
        assertThat(new WindowPlacement(dir, List.of(new Rectangle2D(0, 0, 800, 600))).remembered("main")).isNotNull();
        Files.writeString(file, "main.width=nonsense\n");
        assertThat(new WindowPlacement(dir, List.of(LAPTOP)).remembered("main")).isNull();
    }
}
