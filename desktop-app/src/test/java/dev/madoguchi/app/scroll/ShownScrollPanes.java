package dev.madoguchi.app.scroll;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.stage.Window;

/**
 * The scroll panes the view tests check for {@link UncachedViewport}: every node of the class {@code ScrollPane}
 * itself (not a control that merely carries the style class) under a root or in the shown windows. Call on the
 * JavaFX thread.
 */
public final class ShownScrollPanes {

    private ShownScrollPanes() {
    }

    /** The scroll panes under {@code root}, {@code root} included. */
    public static List<ScrollPane> under(Parent root) {
        List<ScrollPane> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    /** The scroll panes of every window that is showing (the main window, the resident's window, the small windows). */
    public static List<ScrollPane> inShownWindows() {
        List<ScrollPane> found = new ArrayList<>();
        Window.getWindows().stream().filter(Window::isShowing).filter(w -> w.getScene() != null)
                .forEach(w -> collect(w.getScene().getRoot(), found));
        return found;
    }

    /** The ids of the scroll panes that still draw through the node cache (empty when {@link UncachedViewport} works). */
    public static List<String> cached(List<ScrollPane> panes) {
        return panes.stream().filter(UncachedViewport::cached)
                .map(p -> p.getId() == null ? p.getStyleClass().toString() : "#" + p.getId()).toList();
    }

    private static void collect(Node node, List<ScrollPane> found) {
        if (node.getClass() == ScrollPane.class && !found.contains(node)) {
            found.add((ScrollPane) node);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, found));
        }
    }
}
