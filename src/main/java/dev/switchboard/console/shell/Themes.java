package dev.switchboard.console.shell;

import javafx.scene.Scene;

/** Light and dark themes: one base stylesheet, the dark one layered on top. */
final class Themes {

    static final String BASE = "/styles/console.css";
    static final String DARK = "/styles/dark.css";
    static final String STALENESS = "/styles/staleness.css";
    static final String NOTIFICATIONS = "/styles/notifications.css";

    private Themes() {
    }

    static void apply(Scene scene, boolean dark) {
        scene.getStylesheets().setAll(Themes.class.getResource(BASE).toExternalForm(),
                Themes.class.getResource(STALENESS).toExternalForm(),
                Themes.class.getResource(NOTIFICATIONS).toExternalForm());
        if (dark) {
            scene.getStylesheets().add(Themes.class.getResource(DARK).toExternalForm());
        }
    }
}
