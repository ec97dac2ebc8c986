package dev.madoguchi.app.volunteer.welcome;

import dev.madoguchi.app.volunteer.CheckUpStep;
import dev.madoguchi.app.volunteer.VolunteerNodes;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The welcome's controller: binds to {@link WelcomeViewModel}; no I/O, no decisions. */
public final class WelcomeView {

    private final WelcomeViewModel viewModel;

    @FXML private VBox welcomeRoot;
    @FXML private Label welcomeHeading;
    @FXML private Label readerLabel;
    @FXML private Label checkingLabel;
    @FXML private Button retryButton;

    public WelcomeView(WelcomeViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        var step = viewModel.session().stepProperty();
        VolunteerNodes.showWhen(welcomeRoot, step.isNotEqualTo(CheckUpStep.RESULT));
        VolunteerNodes.bindText(readerLabel, Bindings.when(viewModel.readerFoundProperty()).then("")
                .otherwise(viewModel.session().messages().get("volunteer.noReader")));
        VolunteerNodes.showWhen(checkingLabel, step.isEqualTo(CheckUpStep.CHECKING));
        VolunteerNodes.showWhen(retryButton, step.isEqualTo(CheckUpStep.NOT_READ));
        retryButton.disableProperty().bind(viewModel.session().busyProperty());
    }

    /** Where the keyboard starts at this step: 再読み取り when a card was not read, else nothing to press. */
    public Node focusTarget(CheckUpStep step) {
        return step == CheckUpStep.NOT_READ ? retryButton : null;
    }

    @FXML
    private void retry() {
        viewModel.retry();
    }
}
