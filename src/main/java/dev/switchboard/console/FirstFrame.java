package dev.switchboard.console;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * Reports when a window's first frame after a change was painted, in milliseconds since the JVM started: the
 * launch benchmark (src/bench/run-console-launch-bench.sh) reads these lines. With
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
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                String line = String.format(Locale.ROOT, "console %s painted %d ms after JVM start", what, ms);
                LOG.log(System.Logger.Level.INFO, line);
                if (Boolean.getBoolean(PROPERTY)) {
                    System.out.println(line);
                    System.out.flush();
                }
            }
        }.start();
    }
}
