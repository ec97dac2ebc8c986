package dev.madoguchi.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.AppConfig;
import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.CompositionRoot;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.shell.AccessibilityAudit;
import dev.madoguchi.app.store.StoreService;
import dev.madoguchi.app.task.ExecutorTaskRunner;
import dev.madoguchi.backend.BackendConfig;
import dev.madoguchi.backend.ReferenceBackend;
import dev.madoguchi.backend.submission.Resource;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.cases.CaseStatus;
import dev.madoguchi.store.outbox.OutboxMessage;
import dev.madoguchi.sync.SyncSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window (real composition root, demo store, sync lane) against a real reference backend on loopback,
 * headless (Monocle): the backend refuses a case (409: it already holds that id with another body), the status bar
 * offers the blocked messages, and a person retries and then discards it from the screen.
 */
@ExtendWith(ApplicationExtension.class)
class BlockedMessagesScreenTest {

    @TempDir
    Path dataDir;

    private ReferenceBackend backend;
    private ExecutorTaskRunner tasks;
    private CompositionRoot root;
    private UUID messageId;
    private UUID caseId;
    private boolean closed;

    @Start
    void start(Stage stage) throws Exception {
        backend = ReferenceBackend.start(BackendConfig.forTests(BackendConfig.h2FileUrl(dataDir.resolve("backend"))));
        String token = backend.terminals().register("T-UI").value();
        // the demo store as the app will open it, with the backend configured and one case waiting
        StoreService prepare = new StoreService(new AppPaths(dataDir).storeDirectory(), DemoEnvironment.standard());
        try (prepare) {
            prepare.open();
            LocalStore store = prepare.store().orElseThrow();
            new SyncSettings(store.settings()).configure(backend.baseUri(), token, null, null);
            caseId = store.cases().open("R1", "転入", "{\"note\":\"窓口\"}", null);
            OutboxMessage m = store.outbox().peekDue(1_000).stream() // the demo shelters' events wait too
                    .filter(o -> o.aggregateType().equals(dev.madoguchi.store.cases.CaseRepository.AGGREGATE))
                    .findFirst().orElseThrow();
            messageId = m.id();
            // the backend already holds this id with another body: the app's message will be refused with a 409
            String other = "{\"aggregateId\":\"" + m.aggregateId() + "\",\"sequence\":1,\"kind\":\"case.opened\","
                    + "\"terminalId\":\"T-UI\",\"recordedAt\":\"2026-12-01T00:00:00Z\",\"payload\":{\"other\":1}}";
            HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    backend.baseUri().resolve("api/v1/applications/" + m.id()))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(other)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).isEqualTo(201);
        }
        tasks = new ExecutorTaskRunner(Platform::runLater);
        root = new CompositionRoot(new AppConfig(new AppPaths(dataDir), Language.JAPANESE, 100, true), tasks);
        root.showMainWindow(stage);
    }

    @AfterEach
    void stop() {
        if (!closed) {
            tasks.close();
            root.close();
        }
        backend.close();
    }

    @Test
    void aRefusedCaseIsShownWithItsProblemRetriedAndDiscardedFromTheScreen(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visible(robot, "#blockedLink"));
        Hyperlink link = robot.lookup("#blockedLink").queryAs(Hyperlink.class);
        assertThat(link.getText()).isEqualTo("止まっている送信 1 件を見る…");
        assertThat(link.isFocusTraversable()).as("reachable by Tab").isTrue();
        assertThat(AccessibilityAudit.unnamedFocusableNodes(robot.lookup("#root").query())).isEmpty();

        // keyboard: focus the link and press Enter
        robot.interact(link::requestFocus);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shown(robot));
        Node screen = robot.lookup("#blockedRoot").query();
        assertThat(AccessibilityAudit.unnamedFocusableNodes(screen)).isEmpty();
        String detail = robot.lookup("#blockedRoot #detail").queryAs(Label.class).getText();
        assertThat(detail).contains("申請（case.opened）").contains("案件 " + caseId)
                .contains("API-409-IDEMPOTENCY-CONFLICT").contains("送信回数：1").contains(messageId.toString())
                .doesNotContain("窓口\"").doesNotContain("note");

        // 再送: it leaves the list; the next sync pass sends it again and the backend refuses it again
        robot.clickOn("#blockedRoot #retryButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows(robot) == 0);
        assertThat(robot.lookup("#blockedRoot #outcome").queryAs(Label.class).getText()).isEqualTo("次の同期で再送します");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> { // behind the demo shelters' events in the outbox
            if (shown(robot)) {
                return true;
            }
            if (!robot.lookup("#blockedRoot #refreshButton").queryButton().isDisabled()) {
                robot.clickOn("#blockedRoot #refreshButton");
            }
            return false;
        });
        assertThat(robot.lookup("#blockedRoot #detail").queryAs(Label.class).getText()).contains("送信回数：2");

        // 破棄 needs a reason
        robot.clickOn("#blockedRoot #discardButton");
        assertThat(robot.lookup("#blockedRoot #outcome").queryAs(Label.class).getText()).contains("理由を入力してください");
        assertThat(robot.lookup("#blockedRoot #reasonField").query().isFocused()).as("the cursor goes to the reason").isTrue();
        assertThat(rows(robot)).isEqualTo(1);
        robot.clickOn("#blockedRoot #reasonField").write("duplicate of a paper application");
        robot.clickOn("#blockedRoot #discardButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows(robot) == 0);
        assertThat(robot.lookup("#blockedRoot #outcome").queryAs(Label.class).getText()).contains("取り消し");
        // the status bar's link goes away at the next pass
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !visible(robot, "#blockedLink"));
        assertThat(backend.submissions().count(Resource.APPLICATIONS)).as("only the other body").isEqualTo(1);

        // what the store holds once the app has closed it
        robot.clickOn("#blockedRoot #closeButton");
        tasks.close();
        root.close();
        closed = true;
        try (LocalStore store = LocalStore.open(new AppPaths(dataDir).storeDirectory(), DemoEnvironment.DEMO_CLERK,
                DemoEnvironment.DEMO_CLERK_PASSPHRASE.toCharArray(), StoreOptions.defaults())) {
            assertThat(store.outbox().find(messageId).orElseThrow().discardReason())
                    .isEqualTo("duplicate of a paper application");
            assertThat(store.cases().find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.CANCELLED);
            assertThat(store.audit().tail(20)).anyMatch(e -> e.action() == AuditAction.SYNC_RETRY
                    && messageId.toString().equals(e.subject()));
            assertThat(store.audit().tail(20)).anyMatch(e -> e.action() == AuditAction.SYNC_DISCARD
                    && messageId.toString().equals(e.subject()));
            assertThat(store.audit().verify().intact()).isTrue();
        }
    }

    @Test
    void theSyncMenuOpensTheScreenByItsShortcutToo(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visible(robot, "#blockedLink"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B).release(KeyCode.B, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> rows(robot) == 1);
        assertThat(robot.lookup("#blockedRoot #list").queryListView().getItems().get(0).toString())
                .contains("API-409-IDEMPOTENCY-CONFLICT");
    }

    @Test
    void theScreenIsNamedAndUncutInEnglishAtTwiceTheTextSize(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visible(robot, "#blockedLink"));
        robot.interact(() -> {
            root.mainWindow().languageProperty().set(Language.ENGLISH);
            root.mainWindow().fontScalePercentProperty().set(200);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> visible(robot, "#blockedLink"));
        assertThat(robot.lookup("#blockedLink").queryAs(Hyperlink.class).getText()).isEqualTo("View 1 blocked message(s)…");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B).release(KeyCode.B, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shown(robot));
        Node screen = robot.lookup("#blockedRoot").query();
        assertThat(AccessibilityAudit.unnamedFocusableNodes(screen)).isEmpty();
        assertThat(AccessibilityAudit.clippedLabels(screen)).isEmpty();
        assertThat(robot.lookup("#blockedRoot #detail").queryAs(Label.class).getText()).contains("Problem code: API-409-IDEMPOTENCY-CONFLICT");
    }

    /**
     * One blocked message listed and its detail shown, read together on the JavaFX thread. Lookups are scoped to
     * {@code #blockedRoot}: the resident window has a {@code #detail} label of its own: the list's items are
     * replaced before the selection (and so the detail) follows in the same event, and a read from the test thread
     * could fall in between.
     */
    private static boolean shown(FxRobot robot) throws Exception {
        java.util.concurrent.CompletableFuture<Boolean> seen = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> seen.complete(rows(robot) == 1
                && !robot.lookup("#blockedRoot #detail").queryAs(Label.class).getText().isEmpty()));
        return seen.get(5, TimeUnit.SECONDS);
    }

    private static int rows(FxRobot robot) {
        return robot.lookup("#blockedRoot #list").tryQuery().map(n -> ((ListView<?>) n).getItems().size()).orElse(-1);
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }
}
