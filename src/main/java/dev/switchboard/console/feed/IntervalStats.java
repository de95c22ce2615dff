package dev.switchboard.console.feed;

import java.time.Duration;

/** What one backend served during one statistics interval. */
public record IntervalStats(long requests, long clientErrors, long serverErrors,
                            double p50Millis, double p90Millis, double p99Millis, Duration interval) {

    public double perSecond() {
        return interval.isZero() ? 0 : requests * 1e9 / interval.toNanos();
    }

    /** Fraction of requests answered 5xx, 0 when there were none. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) serverErrors / requests;
    }
}
