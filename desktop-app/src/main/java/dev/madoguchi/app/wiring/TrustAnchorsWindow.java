package dev.madoguchi.app.wiring;

import dev.madoguchi.app.counter.trust.TrustAnchorService;
import dev.madoguchi.app.counter.trust.TrustAnchorsView;
import dev.madoguchi.app.counter.trust.TrustAnchorsViewModel;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.TaskRunner;
import java.time.ZoneId;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** ファイル → 在留カードの署名の信頼点 over the main window: one at a time, a second call brings it forward. */
public final class TrustAnchorsWindow {

    private final TaskRunner tasks;
    private final TrustAnchorService service;
    private Stage stage;
    private TrustAnchorsViewModel viewModel;

    public TrustAnchorsWindow(TaskRunner tasks, TrustAnchorService service) {
        this.tasks = tasks;
        this.service = service;
    }

    /** Opens the window over {@code owner}, in the owner's text size, and reads the anchors. */
    public void show(Messages messages, Window owner) {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            stage.requestFocus();
            return;
        }
        viewModel = new TrustAnchorsViewModel(messages, tasks, service, ZoneId.systemDefault());
        TrustAnchorsViewModel made = viewModel;
        Parent root = new ViewLoader(messages.bundle())
                .with(TrustAnchorsView.class, () -> new TrustAnchorsView(made))
                .loadStyled(TrustAnchorsView.class);
        if (owner != null && owner.getScene() != null) {
            root.styleProperty().bind(owner.getScene().getRoot().styleProperty()); // the main window's text size
        }
        stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(messages.get("counter.trust.title"));
        stage.setScene(new Scene(root, 760, 560));
        stage.show();
        viewModel.refresh();
    }

    /** The open window's view model, null before the first one (for tests). */
    public TrustAnchorsViewModel viewModel() {
        return viewModel;
    }
}
