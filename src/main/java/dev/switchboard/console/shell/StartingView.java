package dev.switchboard.console.shell;

import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * What the window shows while the embedded demo starts behind it: the window is up at once (where and how the
 * operator left it), so starting the gateway, the simulated backends and the DNS responder never delays it.
 */
public final class StartingView {

    static final String TEXT = "Starting the embedded gateway, its simulated backends and its DNS responder\u2026";

    private StartingView() {
    }

    /** Shows {@code stage} with the starting state; the main window replaces its scene once the session runs. */
    public static void show(Stage stage, Optional<PreferencesStore> preferences) {
        Label starting = new Label(TEXT);
        starting.setId("starting");
        ProgressIndicator progress = new ProgressIndicator();
        VBox root = new VBox(12, progress, starting);
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().addAll("pane", "starting");
        Scene scene = new Scene(root, 1000, 720);
        Themes.apply(scene, preferences.map(p -> p.load().dark()).orElse(false));
        preferences.ifPresent(p -> WindowHabits.place(stage, p));
        stage.setTitle(MainWindow.TITLE + " \u2014 starting\u2026");
        stage.setScene(scene);
        stage.show();
    }
}
