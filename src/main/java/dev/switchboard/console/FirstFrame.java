package dev.switchboard.console;

import java.time.Instant;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * Reports when a window's first frame after a change was painted, in milliseconds since the process started (what
 * an operator waits from launching it; from {@link ProcessHandle}, as the packaged runtime has no java.management):
 * the launch benchmark (src/bench/run-console-launch-bench.sh) reads these lines. With
 * {@code -Dswitchboard.report-first-frame=true} they go to standard output, else only to the log.
 */
final class FirstFrame {

    static final String PROPERTY = "switchboard.report-first-frame";
    private static final System.Logger LOG = System.getLogger(FirstFrame.class.getName());

    private FirstFrame() {
    }

    /**
     * Call on the FX thread right after the scene changed. A pulse renders after its animation timers run, so the
     * second pulse from now comes after the first one that painted the change.
     */
    static void report(String what) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                long started = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
                String line = started < 0 ? "console " + what + " painted (process start time unknown)"
                        : String.format(Locale.ROOT, "console %s painted %d ms after process start", what,
                                System.currentTimeMillis() - started);
                LOG.log(System.Logger.Level.INFO, line);
                if (Boolean.getBoolean(PROPERTY)) {
                    System.out.println(line);
                    System.out.flush();
                }
            }
        }.start();
    }
}
