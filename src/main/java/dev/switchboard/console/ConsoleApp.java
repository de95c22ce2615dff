package dev.switchboard.console;

import dev.switchboard.console.shell.ConsoleAssembly;
import dev.switchboard.console.shell.MainWindow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application. Started only by {@link ConsoleLauncher}, which hands over the already running session:
 * JavaFX instantiates this class itself, so the session travels through a static field.
 */
public final class ConsoleApp extends Application {

    private static volatile ConsoleSession session;
    private static volatile SmokeTest smokeTest;
    private MainWindow window;

    static void prepare(ConsoleSession s, SmokeTest smoke) {
        session = s;
        smokeTest = smoke;
    }

    @Override
    public void start(Stage stage) {
        window = ConsoleAssembly.open(stage, session);
        session.windowOpened(window);
        if (smokeTest != null) {
            smokeTest.windowShown(stage, Platform::exit);
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        session.close();
    }
}
