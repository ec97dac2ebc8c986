package dev.madoguchi.app.shelter.present;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/**
 * Keeps the control that has the keyboard visible (200 % text on a small screen): after the focus moves to a node
 * under {@code root}, or {@code root} grows or shrinks (a message appears above the field), the nearest scroll pane
 * around the focused node scrolls just enough to show it, once, after the next layout. Scrolling with the mouse is
 * left alone. Also makes list lines wrap instead of running off to the right.
 */
public final class FocusScroll {

    private final Node root;
    private boolean pending;

    private FocusScroll(Node root) {
        this.root = root;
    }

    public static void follow(Node root) {
        FocusScroll follower = new FocusScroll(root);
        Runnable afterLayout = follower::afterLayout;
        root.layoutBoundsProperty().addListener((obs, was, now) -> {
            if (was.getHeight() != now.getHeight()) {
                follower.pending = true;
            }
        });
        javafx.beans.value.ChangeListener<Node> moved = (obs, was, now) -> follower.pending = true;
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.focusOwnerProperty().removeListener(moved);
                old.removePostLayoutPulseListener(afterLayout);
            }
            if (scene != null) {
                scene.focusOwnerProperty().addListener(moved);
                scene.addPostLayoutPulseListener(afterLayout);
            }
        });
    }

    private void afterLayout() {
        if (!pending) {
            return;
        }
        pending = false;
        Scene scene = root.getScene();
        Node focused = scene == null ? null : scene.getFocusOwner();
        if (focused != null && inside(focused, root)) {
            reveal(focused);
        }
    }

    /** The list's lines wrap at its width instead of running off to the right (200 % text). */
    public static void wrapLines(javafx.scene.control.ListView<String> list) {
        list.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
            {
                prefWidthProperty().bind(view.widthProperty().subtract(24));
                setMaxWidth(javafx.scene.control.Control.USE_PREF_SIZE);
                setWrapText(true);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
    }

    private static boolean inside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static void reveal(Node node) {
        Parent p = node.getParent();
        while (p != null && !(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        if (!(p instanceof ScrollPane scroll) || scroll.getContent() == null) {
            return;
        }
        Node content = scroll.getContent();
        double shown = scroll.getViewportBounds().getHeight();
        double extra = content.getLayoutBounds().getHeight() - shown;
        if (extra <= 0) {
            return;
        }
        Bounds b = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double top = (scroll.getVvalue() - scroll.getVmin()) / (scroll.getVmax() - scroll.getVmin()) * extra;
        double to = b.getMinY() < top ? b.getMinY() : b.getMaxY() > top + shown ? b.getMaxY() - shown : top;
        if (to != top) {
            scroll.setVvalue(scroll.getVmin() + Math.max(0, Math.min(1, to / extra))
                    * (scroll.getVmax() - scroll.getVmin()));
        }
    }
}
