package dev.madoguchi.app.setup;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.store.LocalStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Step 7: the municipality's forms folder ({@code *.json} definitions, all loaded and checked now) and its shelter list
 * (.csv or .json, read now, saved into the store when the assistant ends). Both optional. Later:
 * {@code madoguchi form --forms-dir DIR list} and {@code madoguchi shelter import-list FILE}.
 */
public final class FoldersStep extends WizardStep {

    /** Reads a shelter list file (the command line's reader, handed in by the wiring). */
    @FunctionalInterface
    public interface ShelterListReader {
        List<Shelter> read(Path file) throws IOException;
    }


    private final TaskRunner tasks;
    private final ShelterListReader shelterList;
    private final StringProperty formsFolder = new SimpleStringProperty("");
    private final StringProperty shelterFile = new SimpleStringProperty("");
    private Checked checked;

    private record Checked(Path formsFolder, List<Shelter> shelters) {}

    public FoldersStep(Messages messages, TaskRunner tasks, ShelterListReader shelterList) {
        super(messages);
        this.tasks = tasks;
        this.shelterList = shelterList;
    }

    @Override
    public String laterKey() {
        return "setup.later.folders";
    }

    /** Loads the forms and reads the shelter list on the background lane; {@code done} runs when both are fine. */
    public void check(Runnable done) {
        Path forms = BackendStep.path(formsFolder.get());
        Path shelters = BackendStep.path(shelterFile.get());
        checked = null;
        if (forms == null && shelters == null) {
            statusProperty().set(Status.SKIPPED);
            done.run();
            return;
        }
        busyProperty().set(true);
        tasks.submit(Lane.BACKGROUND, "setup: forms and shelters", () -> {
            int formCount = 0;
            if (forms != null) {
                if (!Files.isDirectory(forms)) {
                    throw new SetupException(SetupError.FORMS_FOLDER, "not a folder", null);
                }
                try (var files = Files.list(forms)) {
                    FormCatalog.load(forms); // every definition parsed and checked: a broken one is named now
                    formCount = (int) files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
                } catch (IOException | RuntimeException e) {
                    throw new SetupException(SetupError.FORMS_FOLDER, e.getMessage(), e);
                }
            }
            List<Shelter> read = List.of();
            if (shelters != null) {
                try {
                    read = shelterList.read(shelters);
                } catch (IOException | RuntimeException e) {
                    throw new SetupException(SetupError.SHELTER_LIST, e.getMessage(), e);
                }
            }
            return new Object[] {new Checked(forms, read), formCount};
        }, result -> {
            busyProperty().set(false);
            checked = (Checked) result[0];
            statusProperty().set(Status.DONE);
            say("setup.folders.ok", (Integer) result[1], checked.shelters().size());
            done.run();
        }, failure -> {
            busyProperty().set(false);
            fail(failure);
        });
    }

    /**
     * Records the forms folder beside the store ({@link SetupMarker#FORMS_FOLDER}: the counter and {@code madoguchi
     * form} read it without a sign-in) and saves the shelters into the store (on the store-writer lane).
     */
    void apply(LocalStore store) {
        if (checked == null) {
            return;
        }
        if (checked.formsFolder() != null) {
            try {
                SetupMarker.record(store.directory(), SetupMarker.FORMS_FOLDER,
                        checked.formsFolder().toAbsolutePath().toString());
            } catch (IOException e) {
                throw new SetupException(SetupError.RECORD_FAILED, "cannot record the forms folder: " + e, e);
            }
        }
        checked.shelters().forEach(store.shelter()::saveShelter);
    }

    public StringProperty formsFolderProperty() {
        return formsFolder;
    }

    public StringProperty shelterFileProperty() {
        return shelterFile;
    }
}
