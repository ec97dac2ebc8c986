package dev.madoguchi.app.scroll;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Keeps a scroll pane's viewport out of JavaFX's node cache. JavaFX's scroll pane skin marks its viewport (the node
 * that holds the content, style class {@code viewport}) as cached: the content is first drawn into an offscreen image
 * of the viewport's size and that image is then drawn into the window. On the software renderer (Linux without a GPU,
 * ADR 0017) those images are Java int arrays kept in the effects' image pool for as long as anything draws: one per
 * viewport size, 5–6 MB each for a full-window pane at 1600 × 1200 (24 MB of heap in a shelter session), and every
 * change of the content is drawn twice. The application's screens (the counter, the shelter's tabs, the volunteer's
 * screen, the resident's windows and the smaller windows) hold forms and lists that change more often than they
 * scroll, so the cache saves little there: every scroll pane of the application uses this, and the content is drawn
 * straight into the window. What is shown does not change. docs/performance.md, "Shelter mode" and "Counter".
 */
public final class UncachedViewport {

    private UncachedViewport() {}

    /** Turns the viewport cache of {@code pane} off now and whenever its skin (re)makes the viewport or caches it. */
    public static void keep(ScrollPane pane) {
        pane.skinProperty().addListener((obs, was, now) -> uncache(pane));
        uncache(pane);
    }

    private static void uncache(ScrollPane pane) {
        for (Node child : pane.getChildrenUnmodifiable()) {
            if (child.getStyleClass().contains("viewport")) {
                child.setCache(false);
                if (!child.getProperties().containsKey(UncachedViewport.class)) {
                    child.getProperties().put(UncachedViewport.class, Boolean.TRUE);
                    child.cacheProperty().addListener((obs, was, now) -> {
                        if (now) {
                            child.setCache(false);
                        }
                    });
                }
            }
        }
    }

    /** Whether the viewport of {@code pane} (once it has a skin) is drawn through the node cache (for tests). */
    public static boolean cached(ScrollPane pane) {
        return pane.getChildrenUnmodifiable().stream().anyMatch(c -> c.getStyleClass().contains("viewport")
                && c.isCache());
    }
}
