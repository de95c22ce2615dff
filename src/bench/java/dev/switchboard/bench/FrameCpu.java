package dev.switchboard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * CPU time the FX thread and the renderer thread spent per frame, from one pulse to the next. Unlike the frame gap it
 * leaves out time either thread waited for a core, so it says how much work a frame is even on a machine busy with
 * other work: a frame whose FX + renderer CPU stays under 16 ms fits on a quiet machine with two cores. Call
 * {@link #pulse()} from an {@code AnimationTimer}, on the FX thread.
 */
final class FrameCpu {

    private static final String RENDERER = "QuantumRenderer-0";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Histogram fx = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    private final Histogram both = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    private long renderer = -1;
    private long lastFx = -1;
    private long lastRenderer;

    void pulse() {
        if (renderer < 0) {
            renderer = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(RENDERER))
                    .mapToLong(Thread::threadId).findFirst().orElse(0);
        }
        long fxNow = threads.getCurrentThreadCpuTime();
        long rendererNow = renderer == 0 ? 0 : Math.max(0, threads.getThreadCpuTime(renderer));
        if (lastFx >= 0) {
            long fxSpent = fxNow - lastFx;
            fx.recordValue(Math.min(fxSpent, fx.getHighestTrackableValue()));
            both.recordValue(Math.min(fxSpent + rendererNow - lastRenderer, both.getHighestTrackableValue()));
        }
        lastFx = fxNow;
        lastRenderer = rendererNow;
    }

    String summary() {
        return String.format("CPU per frame, FX thread: p50 %.1f ms, p99 %.1f ms; FX + renderer: p50 %.1f ms, p99 %.1f ms, "
                        + "frames over 16 ms: %.2f %%", fx.getValueAtPercentile(50) / 1e6, fx.getValueAtPercentile(99) / 1e6,
                both.getValueAtPercentile(50) / 1e6, both.getValueAtPercentile(99) / 1e6,
                100.0 * (both.getTotalCount() - both.getCountBetweenValues(0, TimeUnit.MILLISECONDS.toNanos(16)))
                        / Math.max(1, both.getTotalCount()));
    }
}
