package dev.switchboard.console.feed;

import dev.switchboard.gateway.stats.BackendTotals;
import java.util.Map;

/**
 * A backend's counters since its gateway started, as read at {@code atMillis} on the gateway's own clock. They only
 * grow (going down means the gateway restarted), so rates come from the difference of two readings over the
 * gateway's time between them: the console's arrival times (bursty after a reconnect) never enter a rate. The cards
 * and the charts both read them.
 *
 * @param s5xx             5xx answers only
 * @param connectionErrors failures without an answer other than timeouts (refused, reset, invalid response)
 */
public record CounterTotals(long atMillis, long requests, long s2xx, long clientErrors, long s5xx, long connectionErrors,
                            long timeouts, long retries) {

    public static CounterTotals of(long atMillis, BackendTotals t) {
        Map<String, Long> errors = t.errors();
        return new CounterTotals(atMillis, t.requests(), t.s2xx(), t.s4xx(), t.s5xx(), IntervalDetail.connectionErrors(errors),
                IntervalDetail.timeouts(errors), t.retries());
    }

    /** 5xx answers plus failures without an answer, as a client would count them. */
    public long serverErrors() {
        return s5xx + connectionErrors + timeouts;
    }
}
