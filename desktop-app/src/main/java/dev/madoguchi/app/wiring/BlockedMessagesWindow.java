package dev.madoguchi.app.wiring;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.outbox.BlockedMessagesService;
import dev.madoguchi.app.outbox.BlockedMessagesView;
import dev.madoguchi.app.outbox.BlockedMessagesViewModel;
import dev.madoguchi.app.task.TaskRunner;
import java.time.ZoneId;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The blocked-messages screen's window over the main window: one at a time, a second call brings it forward. */
public final class BlockedMessagesWindow {

    private final TaskRunner tasks;
    private final BlockedMessagesService blocked;
    private Stage stage;

    public BlockedMessagesWindow(TaskRunner tasks, BlockedMessagesService blocked) {
        this.tasks = tasks;
        this.blocked = blocked;
    }

    /** Opens the screen over {@code owner}, in the owner's text size. */
    public void show(Messages messages, Window owner) {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            stage.requestFocus();
            return;
        }
        BlockedMessagesViewModel viewModel = new BlockedMessagesViewModel(messages, tasks, blocked,
                ZoneId.systemDefault());
        Parent root = new ViewLoader(messages.bundle())
                .with(BlockedMessagesView.class, () -> new BlockedMessagesView(viewModel))
                .loadStyled(BlockedMessagesView.class);
        if (owner != null && owner.getScene() != null) {
            root.styleProperty().bind(owner.getScene().getRoot().styleProperty()); // the main window's text size
        }
        stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(messages.get("status.blocked.title"));
        stage.setScene(new Scene(root, 760, 560));
        stage.show();
        viewModel.refresh();
    }
}
