package dev.switchboard.console;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Application;

/** Starts the console from the command line; the class the CLI calls, so the CLI never extends Application. */
public final class ConsoleLauncher {

    /** Exit code when no window can be opened. */
    public static final int NO_DISPLAY = 3;

    private ConsoleLauncher() {
    }

    /**
     * Checks for a display, starts the session, then runs the window until it closes.
     *
     * @return the exit code
     */
    public static int run(Supplier<ConsoleSession> session, PrintWriter err) {
        Optional<String> missing = DisplayCheck.missing(System.getProperty("os.name"), System.getenv(),
                System.getProperties());
        if (missing.isPresent()) {
            err.println(missing.get());
            err.flush();
            return NO_DISPLAY;
        }
        ConsoleSession started = session.get();
        ConsoleApp.prepare(started);
        try {
            Application.launch(ConsoleApp.class);
            return 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            started.close();
            Optional<String> explained = DisplayCheck.explain(e);
            if (explained.isEmpty()) {
                throw e;
            }
            err.println(explained.get());
            err.flush();
            return NO_DISPLAY;
        }
    }
}
