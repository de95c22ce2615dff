package dev.switchboard.console.health;

import dev.switchboard.console.feed.CounterTotals;
import dev.switchboard.console.feed.IntervalDetail;
import dev.switchboard.console.feed.IntervalStats;

/**
 * One backend's numbers from the difference between two samples of the gateway's counters since it started. The
 * first sample after a (re)connect, and one whose counters went down (the gateway restarted), only set the baseline,
 * so a connect never reads a gateway's whole life as one interval. Rates divide by the time between the two readings
 * on the gateway's clock, never by when they reached the console: a late message followed by a prompt one is no
 * spike. Feeds without totals fall back to the interval.
 */
final class CounterDeltas {

    private CounterTotals previous;

    BackendNumbers next(IntervalStats stats) {
        IntervalDetail d = stats.detail();
        CounterTotals now = stats.totals();
        double p50 = stats.requests() == 0 ? Double.NaN : stats.p50Millis();
        double p99 = stats.requests() == 0 ? Double.NaN : stats.p99Millis();
        if (now == null) {
            return new BackendNumbers(stats.perSecond(), stats.requests(), percent(d.s2xx(), stats.requests()),
                    percent(stats.clientErrors(), stats.requests()),
                    percent(stats.serverErrors() - d.connectionErrors() - d.timeouts(), stats.requests()),
                    d.connectionErrors(), d.timeouts(), d.retries(), d.inFlight(), p50, p99);
        }
        CounterTotals before = previous;
        previous = now;
        if (before == null || now.requests() < before.requests() || now.atMillis() <= before.atMillis()) {
            return new BackendNumbers(Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, d.inFlight(), p50, p99);
        }
        long requests = now.requests() - before.requests();
        return new BackendNumbers(requests * 1000.0 / (now.atMillis() - before.atMillis()), requests,
                percent(now.s2xx() - before.s2xx(), requests), percent(now.clientErrors() - before.clientErrors(), requests),
                percent(now.s5xx() - before.s5xx(), requests),
                now.connectionErrors() - before.connectionErrors(), now.timeouts() - before.timeouts(),
                now.retries() - before.retries(), d.inFlight(), p50, p99);
    }

    /** Forgets the baseline: the next sample starts a new one (the connection was lost). */
    void reset() {
        previous = null;
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? Double.NaN : part * 100.0 / whole;
    }
}
