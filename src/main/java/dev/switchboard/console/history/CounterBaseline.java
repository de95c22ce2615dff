package dev.switchboard.console.history;

import dev.switchboard.console.feed.CounterTotals;
import dev.switchboard.console.feed.IntervalStats;

/**
 * Turns one backend's cumulative counters into deltas. The first reading after a (re)connect, after a gap or after
 * the gateway restarted (counters went down) only sets the baseline, so no rate ever spans a disconnect and a
 * connect never draws a spike. Gateways that send no totals fall back to the interval's own counts.
 */
final class CounterBaseline {

    /** Readings further apart than this are not joined into one rate: the chart shows the gap instead. */
    static final long MAX_GAP_MILLIS = 10_000;

    private CounterTotals last;

    /** Forgets the baseline: the next reading starts a new one. */
    void reset() {
        last = null;
    }

    StatsSample next(IntervalStats s, long frameMillis) {
        CounterTotals t = s.totals();
        if (t == null) {
            last = null;
            return sample(frameMillis, s.interval().toNanos() / 1e9, s.requests(), s.serverErrors(), 0, 0, 0, s);
        }
        CounterTotals before = last;
        last = t;
        boolean joined = before != null && t.atMillis() > before.atMillis()
                && t.atMillis() - before.atMillis() <= MAX_GAP_MILLIS && t.requests() >= before.requests()
                && t.serverErrors() >= before.serverErrors() && t.retries() >= before.retries();
        if (!joined) {
            return sample(t.atMillis(), 0, 0, 0, 0, 0, 0, s);
        }
        return sample(t.atMillis(), (t.atMillis() - before.atMillis()) / 1000.0, t.requests() - before.requests(),
                t.serverErrors() - before.serverErrors(), t.connectionErrors() - before.connectionErrors(),
                t.timeouts() - before.timeouts(), t.retries() - before.retries(), s);
    }

    private static StatsSample sample(long at, double seconds, long requests, long serverErrors, long connectionErrors,
                                      long timeouts, long retries, IntervalStats s) {
        return new StatsSample(at, seconds, requests, serverErrors, connectionErrors, timeouts, retries, s.sampled(),
                s.requests(), s.p50Millis(), s.p99Millis());
    }
}
