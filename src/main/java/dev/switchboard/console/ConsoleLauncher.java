package dev.switchboard.console;

import java.io.PrintWriter;
import dev.switchboard.console.shell.PreferencesStore;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.application.Application;

/** Starts the console from the command line; the class the CLI calls, so the CLI never extends Application. */
public final class ConsoleLauncher {

    /** Exit code when the embedded gateway or the remembered gateways cannot be set up (e.g. the port is taken). */
    public static final int CANNOT_START = 2;
    /** Exit code when no window can be opened. */
    public static final int NO_DISPLAY = 3;

    private ConsoleLauncher() {
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (" + root.getMessage() + ")";
    }

    /**
     * Checks for a display, shows the window, and starts the session behind it; then runs the window until it closes.
     *
     * @param preferences where the window's habits are remembered; null remembers nothing
     * @return the exit code
     */
    public static int run(Supplier<ConsoleSession> session, PreferencesStore preferences, PrintWriter err) {
        return run(session, preferences, err, null);
    }

    /**
     * As {@link #run(Supplier, PreferencesStore, PrintWriter)}; with a smoke test, the window quits by itself once
     * drawn and the exit code is the smoke test's.
     */
    public static int run(Supplier<ConsoleSession> session, PreferencesStore preferences, PrintWriter err,
                          SmokeTest smokeTest) {
        if (smokeTest != null) {
            smokeTest.startTimer();
        }
        Optional<String> missing = DisplayCheck.missing(System.getProperty("os.name"), System.getenv(),
                System.getProperties());
        if (missing.isPresent()) {
            err.println(missing.get());
            err.flush();
            return NO_DISPLAY;
        }
        AtomicBoolean cannotStart = new AtomicBoolean();
        ConsoleApp.prepare(session, preferences, smokeTest, e -> {
            cannotStart.set(true);
            err.println("The console could not start its gateways: " + rootMessage(e));
            err.flush();
        });
        try {
            Application.launch(ConsoleApp.class);
            if (cannotStart.get()) {
                return CANNOT_START;
            }
            return smokeTest == null ? 0 : smokeTest.exitCode();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            Optional<String> explained = DisplayCheck.explain(e);
            if (explained.isEmpty() && smokeTest != null) {
                smokeTest.failed(e);
                return smokeTest.exitCode();
            }
            if (explained.isEmpty()) {
                throw e;
            }
            err.println(explained.get());
            err.flush();
            return NO_DISPLAY;
        }
    }
}
