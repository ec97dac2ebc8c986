package dev.madoguchi.app.wiring;

import dev.madoguchi.app.cli.ShelterListFile;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.setup.AdministratorStep;
import dev.madoguchi.app.setup.BackendCheck;
import dev.madoguchi.app.setup.BackendStep;
import dev.madoguchi.app.setup.CardReaderStep;
import dev.madoguchi.app.setup.FoldersStep;
import dev.madoguchi.app.setup.MunicipalityStep;
import dev.madoguchi.app.setup.PrinterStep;
import dev.madoguchi.app.setup.RegisterStep;
import dev.madoguchi.app.setup.SetupService;
import dev.madoguchi.app.setup.SetupWizardView;
import dev.madoguchi.app.setup.SetupWizardViewModel;
import dev.madoguchi.app.shell.WindowPlacement;
import dev.madoguchi.app.store.StoreSummary;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.print.FormPrinter;
import dev.madoguchi.store.StoreOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The first-run setup assistant (docs/adr/0031): its step view models on the real services — the setup's store
 * creation and import, the backend check, the print service, the card readers, the shelter-list reader of the command
 * line — and its window. When it ends, {@code onFinished} gets the administrator's sign-in.
 */
public final class SetupWiring {

    static final double WIDTH = 860;
    static final double HEIGHT = 660;

    private final SetupWizardViewModel viewModel;

    public SetupWiring(Messages messages, TaskRunner tasks, Path storeDirectory, StoreOptions options,
            CardReaders readers, SetupWizardViewModel.Completion completion, Consumer<StoreSummary> onFinished) {
        Clock clock = Clock.systemDefaultZone();
        SetupWizardViewModel.Steps steps = new SetupWizardViewModel.Steps(new MunicipalityStep(messages),
                new AdministratorStep(messages),
                new RegisterStep(messages, tasks, new SetupService(storeDirectory, options)),
                new BackendStep(messages, tasks, new BackendCheck()),
                new PrinterStep(messages, tasks, new FormPrinter(), FontFiles.debian(), clock),
                new CardReaderStep(messages, tasks, readers),
                new FoldersStep(messages, tasks, ShelterListFile::read));
        this.viewModel = new SetupWizardViewModel(messages, tasks, steps, completion, onFinished, clock);
    }

    public SetupWizardViewModel viewModel() {
        return viewModel;
    }

    /** Loads the assistant's view. */
    public Parent load(Messages messages) {
        return new ViewLoader(messages.bundle()).with(SetupWizardView.class, () -> new SetupWizardView(viewModel))
                .loadStyled(SetupWizardView.class);
    }

    /** Shows the assistant in {@code stage}, sized for its text size and kept on the primary screen. */
    public void show(Stage stage, Messages messages, int textSizePercent) {
        Parent root = load(messages);
        root.setStyle(WindowPlacement.textSizeStyle(textSizePercent));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double scale = Math.max(1, textSizePercent / 100.0);
        stage.titleProperty().unbind();
        stage.setTitle(messages.get("setup.title"));
        stage.setMaximized(false);
        stage.setScene(new Scene(root, Math.min(WIDTH * scale, screen.getWidth()),
                Math.min(HEIGHT * scale, screen.getHeight())));
        stage.centerOnScreen();
        stage.show();
    }
}
