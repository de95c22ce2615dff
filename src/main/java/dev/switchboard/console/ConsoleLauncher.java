package dev.switchboard.console;

import java.io.PrintWriter;
import java.util.Optional;
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
     * Checks for a display, starts the session, then runs the window until it closes.
     *
     * @return the exit code
     */
    public static int run(Supplier<ConsoleSession> session, PrintWriter err) {
        return run(session, err, null);
    }

    /**
     * As {@link #run(Supplier, PrintWriter)}; with a smoke test, the window quits by itself once drawn and the exit
     * code is the smoke test's.
     */
    public static int run(Supplier<ConsoleSession> session, PrintWriter err, SmokeTest smokeTest) {
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
        ConsoleSession started;
        try {
            started = session.get();
        } catch (Exception e) {
            // Exception, not RuntimeException: Netty rethrows a failed bind as an undeclared checked exception.
            err.println("The console could not start its gateways: " + rootMessage(e));
            err.flush();
            return CANNOT_START;
        }
        ConsoleApp.prepare(started, smokeTest);
        try {
            Application.launch(ConsoleApp.class);
            return smokeTest == null ? 0 : smokeTest.exitCode();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            started.close();
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
