package dev.madoguchi.app.shelter;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;

/**
 * The system's file dialog for the shelter tabs' 参照… buttons (views only): it starts at the file in the field next to
 * it, and the file chosen is put into that field, where it can also be typed. The view models take the field's
 * {@link Path}.
 */
public final class FileChoice {

    private FileChoice() {
    }

    /**
     * Opens the dialog ({@code save}: a file to write) and puts the chosen file into {@code field}.
     *
     * @param patterns the file name patterns offered, e.g. {@code *.csv}
     */
    public static void into(TextField field, boolean save, String title, String description, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        Path now = path(field);
        if (now != null) {
            Path parent = now.toAbsolutePath().getParent();
            if (parent != null && Files.isDirectory(parent)) {
                chooser.setInitialDirectory(parent.toFile());
            }
            chooser.setInitialFileName(now.getFileName().toString());
        }
        Node owner = field;
        File chosen = save ? chooser.showSaveDialog(owner.getScene().getWindow())
                : chooser.showOpenDialog(owner.getScene().getWindow());
        if (chosen != null) {
            field.setText(chosen.getAbsolutePath());
        }
        field.requestFocus();
    }

    /** The field's file, or {@code null} when it is empty or not a possible path. */
    public static Path path(TextField field) {
        String text = field.getText() == null ? "" : field.getText().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }
}
