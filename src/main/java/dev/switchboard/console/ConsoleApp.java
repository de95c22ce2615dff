package dev.switchboard.console;

import dev.switchboard.console.shell.MainWindow;
import dev.switchboard.console.shell.PreferencesStore;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application. Started only by {@link ConsoleLauncher}: JavaFX instantiates this class itself, so what it
 * runs travels through static fields. The window shows at once; the session starts behind it ({@link ConsoleStartup}).
 */
public final class ConsoleApp extends Application {

    private static volatile Supplier<ConsoleSession> sessions;
    private static volatile PreferencesStore preferences;
    private static volatile SmokeTest smokeTest;
    private static volatile Consumer<Exception> cannotStart;
    private boolean stopped;
    private MainWindow window;

    static void prepare(Supplier<ConsoleSession> s, PreferencesStore store, SmokeTest smoke,
                        Consumer<Exception> onFailure) {
        sessions = s;
        preferences = store;
        smokeTest = smoke;
        cannotStart = onFailure;
    }

    @Override
    public void start(Stage stage) {
        ConsoleStartup.begin(stage, sessions, preferences, () -> !stopped, opened -> {
            window = opened;
            if (smokeTest != null) {
                smokeTest.windowShown(stage, Platform::exit);
            }
        }, e -> {
            cannotStart.accept(e);
            Platform.exit();
        });
    }

    @Override
    public void stop() {
        stopped = true;
        if (window != null) {
            window.close();
            window.session().close();
        }
    }
}
