package dev.switchboard.console.feed;

import dev.switchboard.gateway.stats.BackendInterval;
import java.time.Duration;

/**
 * What one backend served during one statistics interval.
 *
 * @param totals the backend's counters since its gateway started, read at the end of this interval; null from
 *               gateways that do not send them
 */
public record IntervalStats(long requests, long clientErrors, long serverErrors,
                            double p50Millis, double p90Millis, double p99Millis, Duration interval,
                            CounterTotals totals) {

    /** An interval without counter totals. */
    public IntervalStats(long requests, long clientErrors, long serverErrors, double p50Millis, double p90Millis,
                         double p99Millis, Duration interval) {
        this(requests, clientErrors, serverErrors, p50Millis, p90Millis, p99Millis, interval, null);
    }

    /**
     * A gateway's own interval as its telemetry reports it; transport failures (no response at all) count as server
     * errors, as a client would see them.
     *
     * @param atMillis when the gateway cut the interval, on its clock
     */
    public static IntervalStats of(BackendInterval i, Duration interval, long atMillis) {
        long transportFailures = i.errors().values().stream().mapToLong(Long::longValue).sum();
        return new IntervalStats(i.requests(), i.s4xx(), i.s5xx() + transportFailures, i.p50Ms(), i.p90Ms(), i.p99Ms(),
                interval, i.totals() == null ? null : CounterTotals.of(atMillis, i.totals()));
    }

    public double perSecond() {
        return interval.isZero() ? 0 : requests * 1e9 / interval.toNanos();
    }

    /** Fraction of requests answered 5xx, 0 when there were none. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) serverErrors / requests;
    }

    /** Whether the interval had a sample: without one its percentiles mean "no data", never 0 ms. */
    public boolean sampled() {
        return requests > 0;
    }
}
