package dev.switchboard.console.feed;

import dev.switchboard.gateway.stats.BackendInterval;
import java.time.Duration;

/**
 * What one backend served during one statistics interval.
 *
 * @param detail what the backend cards show beyond this; {@link IntervalDetail#NONE} when the feed has none
 */
public record IntervalStats(long requests, long clientErrors, long serverErrors,
                            double p50Millis, double p90Millis, double p99Millis, Duration interval,
                            IntervalDetail detail) {

    /** Stats without the cards' detail. */
    public IntervalStats(long requests, long clientErrors, long serverErrors,
                         double p50Millis, double p90Millis, double p99Millis, Duration interval) {
        this(requests, clientErrors, serverErrors, p50Millis, p90Millis, p99Millis, interval, IntervalDetail.NONE);
    }

    /**
     * A gateway's own interval as its telemetry reports it; transport failures (no response at all) count as server
     * errors, as a client would see them.
     */
    public static IntervalStats of(BackendInterval i, Duration interval) {
        long transportFailures = i.errors().values().stream().mapToLong(Long::longValue).sum();
        return new IntervalStats(i.requests(), i.s4xx(), i.s5xx() + transportFailures, i.p50Ms(), i.p90Ms(), i.p99Ms(),
                interval, IntervalDetail.of(i));
    }

    public double perSecond() {
        return interval.isZero() ? 0 : requests * 1e9 / interval.toNanos();
    }

    /** Fraction of requests answered 5xx, 0 when there were none. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) serverErrors / requests;
    }
}
