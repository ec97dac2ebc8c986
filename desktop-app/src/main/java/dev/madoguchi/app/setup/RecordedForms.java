package dev.madoguchi.app.setup;

import dev.madoguchi.forms.definition.FormCatalog;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The form definitions of this terminal: the built-in ones and, when the setup recorded a forms folder
 * ({@link SetupMarker#FORMS_FOLDER}), every definition in it (one with a built-in id replaces that form; a new id adds
 * one). Loaded when the recorded folder changes (the assistant ends in the running app) and kept; definitions edited
 * in the folder are read at the next start. A folder that is gone or holds a broken definition is an error
 * ({@code FormDefinitionException}: COUNTER-005 at the counter, the file and line in {@code madoguchi form}) — never the
 * built-in forms instead, which would print another form than the municipality's.
 */
public final class RecordedForms implements Supplier<FormCatalog> {

    private final Path storeDirectory;
    private Optional<Path> loadedFrom;
    private FormCatalog catalog;

    /** @param storeDirectory the data directory's store, beside which the setup's file is */
    public RecordedForms(Path storeDirectory) {
        this.storeDirectory = storeDirectory;
    }

    @Override
    public synchronized FormCatalog get() {
        Optional<Path> folder = SetupMarker.formsFolder(storeDirectory);
        if (catalog == null || !folder.equals(loadedFrom)) {
            catalog = FormCatalog.load(folder.orElse(null)); // throws for a broken definition: nothing is kept
            loadedFrom = folder;
        }
        return catalog;
    }
}
