package dev.switchboard.gateway;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;
import java.util.concurrent.TimeUnit;

/**
 * One scheduled wake-up shared by the exchanges of one client connection, which run one after another. Scheduling
 * and cancelling a timer per request cost ~0.2 µs of the loop's CPU (a task object and two priority-queue passes,
 * run-deadline-cpu-bench.sh); here a new deadline later than the pending wake-up schedules nothing, the wake-up
 * comes early, finds the deadline not yet due and re-arms for it, so a busy keep-alive connection schedules about
 * once per timeout rather than once per request. Only the executor's thread may call it; it reads the executor's
 * {@link Ticker}.
 */
final class DeadlineAlarm {

    private final EventExecutor executor;
    private final Ticker ticker;
    private final Runnable onWake = this::onWake;
    /** Called once {@link #dueAt} passes; null when nothing is due. */
    private Runnable owner;
    private long dueAt;
    private ScheduledFuture<?> wake;
    private long wakeAt;

    DeadlineAlarm(EventExecutor executor) {
        this.executor = executor;
        this.ticker = executor.ticker();
    }

    long now() {
        return ticker.nanoTime();
    }

    /** {@code onDue} runs once at {@code atNanos} (on the ticker's scale), replacing whatever was set before. */
    void set(Runnable onDue, long atNanos) {
        owner = onDue;
        dueAt = atNanos;
        if (wake != null && wakeAt - atNanos <= 0) {
            return;
        }
        if (wake != null) {
            wake.cancel(false);
        }
        schedule(atNanos);
    }

    /** {@code onDue} no longer wants its call; a pending wake-up stays and lapses (or serves the next owner). */
    void clear(Runnable onDue) {
        if (owner == onDue) {
            owner = null;
        }
    }

    /** The connection closed: nothing more is due and the wake-up goes. */
    void stop() {
        owner = null;
        if (wake != null) {
            wake.cancel(false);
            wake = null;
        }
    }

    private void schedule(long atNanos) {
        wakeAt = atNanos;
        wake = executor.schedule(onWake, atNanos - now(), TimeUnit.NANOSECONDS);
    }

    private void onWake() {
        wake = null;
        if (owner == null) {
            return;
        }
        if (now() - dueAt < 0) {
            schedule(dueAt);
            return;
        }
        Runnable due = owner;
        owner = null;
        due.run();
    }
}
