package dev.switchboard.console;

import dev.switchboard.console.shell.ConsoleAssembly;
import dev.switchboard.console.shell.MainWindow;
import dev.switchboard.console.shell.PreferencesStore;
import dev.switchboard.console.shell.StartingView;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application. Started only by {@link ConsoleLauncher}: JavaFX instantiates this class itself, so what it
 * runs travels through static fields. The window shows at once in a starting state; the session (the embedded demo's
 * gateway, simulated backends and DNS responder, the remembered gateways) starts behind it on its own thread.
 */
public final class ConsoleApp extends Application {

    private static volatile Supplier<ConsoleSession> sessions;
    private static volatile PreferencesStore preferences;
    private static volatile SmokeTest smokeTest;
    private static volatile Startup startup;
    private volatile ConsoleSession session;
    private volatile boolean stopped;
    private MainWindow window;

    /** Reports a session that could not start; the launcher turns it into an exit code. */
    interface Startup {
        void failed(Exception e);
    }

    static void prepare(Supplier<ConsoleSession> s, PreferencesStore store, SmokeTest smoke, Startup onFailure) {
        sessions = s;
        preferences = store;
        smokeTest = smoke;
        startup = onFailure;
    }

    @Override
    public void start(Stage stage) {
        StartingView.show(stage, Optional.ofNullable(preferences));
        FirstFrame.report("window (starting)");
        Thread.ofPlatform().daemon().name("console-start").start(() -> {
            try {
                ConsoleSession started = sessions.get();
                Platform.runLater(() -> opened(stage, started));
            } catch (Exception e) {
                // Exception, not RuntimeException: Netty rethrows a failed bind as an undeclared checked exception.
                startup.failed(e);
                Platform.exit();
            }
        });
    }

    private void opened(Stage stage, ConsoleSession started) {
        if (stopped) {
            started.close();
            return;
        }
        session = preferences == null ? started : started.preferring(preferences);
        window = ConsoleAssembly.open(stage, session);
        FirstFrame.report("main window");
        session.windowOpened(window);
        if (smokeTest != null) {
            smokeTest.windowShown(stage, Platform::exit);
        }
    }

    @Override
    public void stop() {
        stopped = true;
        if (window != null) {
            window.close();
        }
        if (session != null) {
            session.close();
        }
    }
}
