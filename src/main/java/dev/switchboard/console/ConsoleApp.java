package dev.switchboard.console;

import dev.switchboard.console.view.MainWindow;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application. Started only by {@link ConsoleLauncher}, which hands over the already running session:
 * JavaFX instantiates this class itself, so the session travels through a static field.
 */
public final class ConsoleApp extends Application {

    private static volatile ConsoleSession session;
    private MainWindow window;

    static void prepare(ConsoleSession s) {
        session = s;
    }

    @Override
    public void start(Stage stage) {
        window = MainWindow.open(stage, session);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        session.close();
    }
}
