package dev.madoguchi.app.counter;

import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;

/** The small pieces every counter step view uses: wrapped labels, text bound with its accessible text, panels. */
public final class CounterNodes {

    private CounterNodes() {
    }

    /** A label that wraps and never shrinks below its text (200 % text stays readable). */
    public static Label wrap(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Control.USE_PREF_SIZE);
        return l;
    }

    /** The label shows the text and a screen reader reads the same. */
    public static void bindText(Label label, ObservableValue<String> text) {
        label.textProperty().bind(text);
        label.accessibleTextProperty().bind(text);
    }

    /** The label takes no room while it is empty. */
    public static void collapseWhenEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /** Shows the pane of the step (if it is one of these) and hides the others. */
    public static void show(Map<VisitStep, Node> paneOf, VisitStep step) {
        Node shown = paneOf.get(step);
        for (Node pane : paneOf.values()) {
            pane.setVisible(pane == shown);
            pane.setManaged(pane == shown);
        }
    }

    /** The first focusable, visible, enabled node inside {@code parent}, or {@code fallback}. */
    public static Node firstFocusable(Parent parent, Node fallback) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child.isFocusTraversable() && child.isVisible() && !child.isDisabled()) {
                return child;
            }
            if (child instanceof Parent p) {
                Node inner = firstFocusable(p, null);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return fallback;
    }

    /** Whether {@code node} lies inside {@code ancestor} (or is it). */
    public static boolean inside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
