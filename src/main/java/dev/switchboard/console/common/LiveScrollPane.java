package dev.switchboard.console.common;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * A scroll pane over content that changes several times a second. JavaFX's skin caches the viewport as a bitmap,
 * which pays off for still content but re-renders the whole visible area into the cache on every change (in
 * software rendering, Xvfb and remote desktops, most of a frame); without the cache only changed regions repaint.
 */
public final class LiveScrollPane {

    private LiveScrollPane() {
    }

    public static void uncache(ScrollPane scroll) {
        scroll.skinProperty().addListener((obs, was, skin) -> uncacheViewport(scroll));
        uncacheViewport(scroll);
    }

    private static void uncacheViewport(ScrollPane scroll) {
        Node viewport = scroll.lookup(".viewport");
        if (viewport != null) {
            viewport.setCache(false);
        }
    }
}
