package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.counter.trust.TrustAnchorService;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shell.AccessibilityAudit;
import dev.madoguchi.app.task.ExecutorTaskRunner;
import dev.madoguchi.app.wiring.TrustAnchorsWindow;
import dev.madoguchi.card.residence.ResidenceTrust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
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
 * ファイル → 在留カードの署名の信頼点, keyboard only, on the real store: 削除… asks first and shows what would be removed
 * with the warning; Escape (やめる) removes nothing; Tab to 削除する and Space removes it, said in words.
 */
@ExtendWith(ApplicationExtension.class)
class TrustAnchorConfirmationKeyboardTest {

    @TempDir
    static Path dir;

    private static CounterFixture fixture;
    private ExecutorTaskRunner tasks;
    private TrustAnchorsWindow window;
    private X509Certificate ca;

    @BeforeAll
    static void makeFixture() throws IOException {
        fixture = new CounterFixture(Files.createTempDirectory(dir, "trust"));
    }

    @AfterAll
    static void closeFixture() {
        fixture.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        ca = fixture.reader.residenceIssuer().trust().anchors().get(0).certificate();
        fixture.visits.addTrustAnchor(ca.getEncoded());
        tasks = new ExecutorTaskRunner(Platform::runLater);
        window = new TrustAnchorsWindow(tasks, new TrustAnchorService(fixture.store::store));
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
        window.show(new Messages(Language.JAPANESE), stage);
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void theRemovalIsConfirmedByKeyboardAndEscapeRemovesNothing(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.viewModel().anchors().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        Node root = robot.lookup("#trustRoot").query();
        assertThat(AccessibilityAudit.unnamedFocusableNodes(root)).isEmpty();
        Button remove = robot.lookup("#removeButton").queryAs(Button.class);
        Node confirmPane = robot.lookup("#confirmPane").query();
        assertThat(confirmPane.isVisible()).isFalse();

        tabTo(robot, remove);
        robot.type(KeyCode.SPACE); // 削除…
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confirmPane.isVisible()).isTrue();
        assertThat(robot.lookup("#cancelRemoveButton").query().isFocused()).as("the safe choice first").isTrue();
        String fingerprint = ResidenceTrust.fingerprint(ca);
        assertThat(text(robot, "#confirmText")).contains(ca.getSubjectX500Principal().getName())
                .contains("鍵識別子").contains(fingerprint.substring(0, 4) + " " + fingerprint.substring(4, 8))
                .contains("有効期間");
        assertThat(text(robot, "#confirmWarning")).contains("署名を確認できません");
        shoot(robot, root, "trust-anchor-remove-confirm");
        assertThat(AccessibilityAudit.unnamedFocusableNodes(root)).isEmpty();

        robot.type(KeyCode.ESCAPE); // やめる
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confirmPane.isVisible()).isFalse();
        assertThat(onStore()).as("nothing removed").isEqualTo(1);

        tabTo(robot, remove);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        Button confirm = robot.lookup("#confirmRemoveButton").queryAs(Button.class);
        tabTo(robot, confirm);
        robot.type(KeyCode.SPACE); // 削除する
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#message").startsWith("信頼点を削除しました"));
        assertThat(confirmPane.isVisible()).isFalse();
        assertThat(onStore()).isZero();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.viewModel().anchors().isEmpty());
    }

    /** With {@code -Dmadoguchi.screenshots=DIR}: the trust anchors window as a PNG. */
    private static void shoot(FxRobot robot, Node root, String name) throws Exception {
        String dir = System.getProperty("madoguchi.screenshots");
        if (dir == null) {
            return;
        }
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = root.getScene().snapshot(null));
        javafx.scene.image.PixelReader pixels = shot[0].getPixelReader();
        java.awt.image.BufferedImage png = new java.awt.image.BufferedImage((int) shot[0].getWidth(),
                (int) shot[0].getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        javax.imageio.ImageIO.write(png, "png", Files.createDirectories(Path.of(dir)).resolve(name + ".png").toFile());
    }

    private static int onStore() {
        return ResidenceTrustSettings.anchors(fixture.store.store().orElseThrow().settings()).size();
    }

    private static void tabTo(FxRobot robot, Node target) {
        for (int i = 0; i < 12 && !target.isFocused(); i++) {
            robot.type(KeyCode.TAB);
        }
        assertThat(target.isFocused()).as(target.getId() + " reached with Tab").isTrue();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
