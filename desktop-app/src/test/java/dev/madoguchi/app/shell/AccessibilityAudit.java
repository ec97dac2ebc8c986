package dev.madoguchi.app.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Label;

/**
 * Walks a scene graph and lists every node a keyboard user can reach (focus traversable, visible, enabled) that a
 * screen reader could not name (no accessible text, no text of its own, no label pointing at it), and every label
 * whose text is cut off.
 */
public final class AccessibilityAudit {

    private AccessibilityAudit() {}

    /** Descriptions of the unnamed focusable nodes; empty when the screen passes. */
    public static List<String> unnamedFocusableNodes(Node root) {
        List<Label> labels = new ArrayList<>();
        collectLabels(root, labels);
        List<String> problems = new ArrayList<>();
        walk(root, labels, problems);
        return problems;
    }

    /** Labels whose text is shown cut off (with an ellipsis) because it does not fit. */
    public static List<String> clippedLabels(Node root) {
        List<Label> labels = new ArrayList<>();
        collectLabels(root, labels);
        List<String> clipped = new ArrayList<>();
        for (Label label : labels) {
            if (!shown(label) || label.getText() == null || label.getText().isEmpty() || wholeTextKept(label)) {
                continue;
            }
            Node shown = label.lookup(".text");
            if (shown instanceof javafx.scene.text.Text text && !text.getText().equals(label.getText())
                    && text.getText().replace("\n", "").endsWith(label.getEllipsisString())) {
                clipped.add(label.getId() == null ? label.getText() : label.getId());
            }
        }
        return clipped;
    }

    /** A status item may be cut on purpose (at most half the status bar) and keeps its whole text for screen readers. */
    private static boolean wholeTextKept(Label label) {
        return label.getStyleClass().contains("status-item") && label.getText().equals(label.getAccessibleText());
    }

    /** Visible itself and inside visible parents (a hidden panel's labels are laid out at no size). */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void walk(Node node, List<Label> labels, List<String> problems) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (node.isFocusTraversable() && !named(node, labels)) {
            problems.add(node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, labels, problems);
            }
        }
    }

    private static boolean named(Node node, List<Label> labels) {
        if (hasText(node.getAccessibleText())) {
            return true;
        }
        if (node instanceof Labeled labeled && hasText(labeled.getText())) {
            return true;
        }
        // a text field's prompt text is not a name (it disappears while typing): it needs a label
        return labels.stream().anyMatch(l -> l.getLabelFor() == node && hasText(l.getText()));
    }

    private static void collectLabels(Node node, List<Label> labels) {
        if (node instanceof Label label) {
            labels.add(label);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectLabels(child, labels);
            }
        }
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
