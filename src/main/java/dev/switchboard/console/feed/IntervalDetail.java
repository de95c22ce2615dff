package dev.switchboard.console.feed;

import dev.switchboard.gateway.stats.BackendInterval;
import java.util.Map;

/**
 * What a backend card shows beyond requests and latency: one interval's 2xx answers, failures without a response,
 * retries and attempts in flight.
 *
 * @param connectionErrors failures without a response other than timeouts (refused, reset, invalid response)
 */
public record IntervalDetail(long s2xx, long connectionErrors, long timeouts, long retries, long inFlight) {

    /** What a feed without the detail (a synthetic or older one) reports: nothing known beyond the interval. */
    public static final IntervalDetail NONE = new IntervalDetail(0, 0, 0, 0, 0);

    static IntervalDetail of(BackendInterval i) {
        return new IntervalDetail(i.s2xx(), connectionErrors(i.errors()), timeouts(i.errors()), i.retries(), i.inFlight());
    }

    static long timeouts(Map<String, Long> errors) {
        return errors.getOrDefault("Timeout", 0L);
    }

    static long connectionErrors(Map<String, Long> errors) {
        return errors.values().stream().mapToLong(Long::longValue).sum() - timeouts(errors);
    }
}
