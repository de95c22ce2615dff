package dev.switchboard.gateway;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;
import java.util.concurrent.TimeUnit;

/**
 * Calls {@code onStall} once when no body byte moved for {@code limitNanos}. Bodies move in many small parts, so
 * {@link #progress()} only notes the time; the single timer re-arms itself for the rest of the window instead of
 * being rescheduled per part. Reads the executor's {@link Ticker}; only the executor's thread may call it.
 */
final class StallGuard {

    private final EventExecutor executor;
    private final Ticker ticker;
    private final long limitNanos;
    private final Runnable onStall;
    private final Runnable check = this::check;
    private long lastProgress;
    private ScheduledFuture<?> timer;

    StallGuard(EventExecutor executor, long limitNanos, Runnable onStall) {
        this.executor = executor;
        this.ticker = executor.ticker();
        this.limitNanos = limitNanos;
        this.onStall = onStall;
    }

    /** Starts watching; the window starts now. */
    void start() {
        lastProgress = ticker.nanoTime();
        timer = executor.schedule(check, limitNanos, TimeUnit.NANOSECONDS);
    }

    void progress() {
        lastProgress = ticker.nanoTime();
    }

    void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void check() {
        if (timer == null) {
            return;
        }
        long idle = ticker.nanoTime() - lastProgress;
        if (idle >= limitNanos) {
            timer = null;
            onStall.run();
        } else {
            timer = executor.schedule(check, limitNanos - idle, TimeUnit.NANOSECONDS);
        }
    }
}
