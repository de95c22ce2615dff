package dev.switchboard.console.feed;

import dev.switchboard.gateway.stats.BackendInterval;
import dev.switchboard.gateway.stats.BackendTotals;
import java.util.Map;

/**
 * What a backend card shows beyond requests and latency: one interval's 2xx answers, failures without a response,
 * retries and attempts in flight, and the gateway's counters since it started (for rates from counter deltas).
 *
 * @param connectionErrors failures without a response other than timeouts (refused, reset, invalid response)
 * @param totals           since the gateway started; null when the gateway does not send them
 */
public record IntervalDetail(long s2xx, long connectionErrors, long timeouts, long retries, long inFlight,
                             CounterTotals totals) {

    /** What a feed without the detail (a synthetic or older one) reports: nothing known beyond the interval. */
    public static final IntervalDetail NONE = new IntervalDetail(0, 0, 0, 0, 0, null);

    /**
     * Counters since the gateway started; they only grow, so going down means the gateway restarted.
     *
     * @param serverErrors 5xx answers only (failures without a response are counted apart)
     */
    public record CounterTotals(long requests, long s2xx, long clientErrors, long serverErrors, long connectionErrors,
                                long timeouts, long retries) {

        static CounterTotals of(BackendTotals t) {
            return t == null ? null : new CounterTotals(t.requests(), t.s2xx(), t.s4xx(), t.s5xx(),
                    IntervalDetail.connectionErrors(t.errors()), IntervalDetail.timeouts(t.errors()), t.retries());
        }
    }

    static IntervalDetail of(BackendInterval i) {
        return new IntervalDetail(i.s2xx(), connectionErrors(i.errors()), timeouts(i.errors()), i.retries(), i.inFlight(),
                CounterTotals.of(i.totals()));
    }

    private static long timeouts(Map<String, Long> errors) {
        return errors.getOrDefault("Timeout", 0L);
    }

    private static long connectionErrors(Map<String, Long> errors) {
        return errors.values().stream().mapToLong(Long::longValue).sum() - timeouts(errors);
    }
}
