package dev.switchboard.console;

import dev.switchboard.console.shell.ConsoleAssembly;
import dev.switchboard.console.shell.MainWindow;
import dev.switchboard.console.shell.PreferencesStore;
import dev.switchboard.console.shell.StartingView;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Window first, session behind it: shows the window in its starting state at once, starts the session (the embedded
 * demo's gateway, simulated backends and DNS responder, the remembered gateways) on its own thread, then opens the
 * main window in the same stage. FX thread for {@link #begin}; the callbacks run on the FX thread too, except
 * {@code failed}, which runs on the starting thread.
 */
final class ConsoleStartup {

    private ConsoleStartup() {
    }

    /**
     * @param preferences where the window's habits are remembered; null remembers nothing
     * @param keepGoing   asked on the FX thread once the session runs: false (the window was closed meanwhile) closes it
     */
    static void begin(Stage stage, Supplier<ConsoleSession> sessions, PreferencesStore preferences,
                      Supplier<Boolean> keepGoing, Consumer<MainWindow> opened, Consumer<Exception> failed) {
        StartingView.show(stage, Optional.ofNullable(preferences));
        FirstFrame.report("window (starting)");
        Thread.ofPlatform().daemon().name("console-start").start(() -> {
            try {
                ConsoleSession started = sessions.get();
                Platform.runLater(() -> {
                    if (!keepGoing.get()) {
                        started.close();
                        return;
                    }
                    ConsoleSession session = preferences == null ? started : started.preferring(preferences);
                    MainWindow window = ConsoleAssembly.open(stage, session);
                    FirstFrame.report("main window");
                    session.windowOpened(window);
                    opened.accept(window);
                });
            } catch (Exception e) {
                // Exception, not RuntimeException: Netty rethrows a failed bind as an undeclared checked exception.
                failed.accept(e);
            }
        });
    }
}
