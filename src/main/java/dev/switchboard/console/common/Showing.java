package dev.switchboard.console.common;

import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Whether a node is on screen: in a showing window with it and every ancestor visible. A hidden tab's content stays in
 * the scene graph but invisible, so views use this to skip work nobody can see and to catch up when shown.
 */
public final class Showing {

    private Showing() {
    }

    public static boolean isShowing(Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null || !node.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs {@code shown} whenever {@code node} may have come on screen: its or an ancestor's visibility changed, or it
     * joined a scene. Ancestors are watched as they are when the node joins a scene (views do not move between parents).
     */
    public static void whenShown(Node node, Runnable shown) {
        InvalidationListener check = o -> {
            if (isShowing(node)) {
                shown.run();
            }
        };
        boolean[] watching = {false};
        node.sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null && !watching[0]) {
                watching[0] = true;
                for (Parent p = node.getParent(); p != null; p = p.getParent()) {
                    p.visibleProperty().addListener(check);
                }
            }
            check.invalidated(null);
        });
        node.visibleProperty().addListener(check);
    }
}
