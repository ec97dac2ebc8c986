package dev.madoguchi.app.volunteer;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;

/** The small pieces the volunteer views share: wrapped labels, text read as shown, nodes that take no room hidden. */
public final class VolunteerNodes {

    private VolunteerNodes() {
    }

    /** A label that wraps and never shrinks below its text (200 % text stays readable). */
    public static Label wrap(String text, String... styles) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Control.USE_PREF_SIZE);
        l.getStyleClass().addAll(styles);
        return l;
    }

    /** The label shows the text and a screen reader reads the same; it takes no room while empty. */
    public static void bindText(Label label, ObservableValue<String> text) {
        label.textProperty().bind(text);
        label.accessibleTextProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /** The node is shown, and takes room, only while {@code shown} is true. */
    public static void showWhen(Node node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }
}
