package dev.switchboard.gateway;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The clocks of one exchange, all on its event loop and read from the loop's {@link Ticker} (a mock ticker on an
 * {@code EmbeddedChannel} drives them in tests): the total deadline, the current attempt's per-try deadline, the
 * wait before a retry, and the body-stall guard that takes over once the response streams.
 *
 * <p>One wake-up serves the total and the per-try deadline (two timers per request cost measurably), and it is the
 * connection's {@link DeadlineAlarm}, shared with the exchanges before and after this one, so a request usually
 * schedules nothing. It may fire early; it then re-arms itself for whatever is due next.
 */
final class ExchangeTimers {

    /** What the exchange does when a clock runs out; each runs on the event loop. */
    interface Expiry {
        void onTotalTimeout();

        void onPerTryTimeout();

        void onBodyStall();
    }

    private final EventExecutor executor;
    private final Ticker ticker;
    private final Expiry expiry;
    private final DeadlineAlarm alarm;
    private final Runnable onTimer = this::onTimer;
    private long deadline;
    private boolean deadlinesRunning;
    private long perTryDeadline;
    private boolean perTryRunning;
    /** The alarm is set for this exchange, at {@link #armedAt}. */
    private boolean armed;
    private long armedAt;
    private ScheduledFuture<?> retryTimer;
    private StallGuard stallGuard;

    ExchangeTimers(EventExecutor executor, DeadlineAlarm alarm, Expiry expiry) {
        this.executor = executor;
        this.alarm = alarm;
        this.ticker = executor.ticker();
        this.expiry = expiry;
    }

    long now() {
        return ticker.nanoTime();
    }

    /** Starts the total deadline; the first check comes at the first per-try deadline, which usually spares a re-arm. */
    void startTotal(Duration total, Duration perTry) {
        long now = now();
        deadline = now + total.toNanos();
        deadlinesRunning = true;
        arm(now + Math.min(total.toNanos(), perTry.toNanos()));
    }

    /** The request went to a backend: its response head is due within {@code perTry}. */
    void startPerTry(Duration perTry) {
        perTryDeadline = now() + perTry.toNanos();
        perTryRunning = true;
        arm(perTryDeadline);
    }

    /** The attempt got its response head or ended. */
    void stopPerTry() {
        perTryRunning = false;
    }

    /** True when something {@code delay} from now is still before the total deadline. */
    boolean beforeDeadline(Duration delay) {
        return now() + delay.toNanos() - deadline < 0;
    }

    /** The response started: from here only the stall guard bounds the exchange. */
    void stopDeadlines() {
        deadlinesRunning = false;
        perTryRunning = false;
        armed = false;
        alarm.clear(onTimer);
    }

    void scheduleRetry(Duration delay, Runnable task) {
        if (delay.isZero()) {
            executor.execute(task);
        } else {
            retryTimer = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Starts the body-stall guard with the window {@code limit} unless it runs already. */
    void watchBody(Duration limit) {
        if (stallGuard == null) {
            stallGuard = new StallGuard(executor, limit.toNanos(), expiry::onBodyStall);
            stallGuard.start();
        }
    }

    /** A body part moved (either way). */
    void bodyProgress() {
        if (stallGuard != null) {
            stallGuard.progress();
        }
    }

    void stopBodyWatch() {
        if (stallGuard != null) {
            stallGuard.stop();
        }
    }

    /** The response is complete: the deadlines and any pending retry stop; the stall guard may run on. */
    void stopAllButBodyWatch() {
        stopDeadlines();
        cancel(retryTimer);
        retryTimer = null;
    }

    private void arm(long atNanos) {
        if (armed && armedAt - atNanos <= 0) {
            return;
        }
        armed = true;
        armedAt = atNanos;
        alarm.set(onTimer, atNanos);
    }

    private void onTimer() {
        armed = false;
        if (!deadlinesRunning) {
            return;
        }
        long now = now();
        if (now - deadline >= 0) {
            deadlinesRunning = false;
            perTryRunning = false;
            expiry.onTotalTimeout();
            return;
        }
        if (perTryRunning && now - perTryDeadline >= 0) {
            perTryRunning = false;
            expiry.onPerTryTimeout();
        }
        if (deadlinesRunning) {
            arm(perTryRunning && perTryDeadline - deadline < 0 ? perTryDeadline : deadline);
        }
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }
}
