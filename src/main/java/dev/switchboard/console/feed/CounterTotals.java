package dev.switchboard.console.feed;

import dev.switchboard.config.ErrorReason;
import dev.switchboard.gateway.stats.BackendTotals;
import java.util.Map;

/**
 * A backend's counters since its gateway started, as read at {@code atMillis} on the gateway's own clock. They only
 * grow, so rates come from the difference of two readings over the gateway's time between them: the console's
 * arrival times (bursty after a reconnect) never enter a rate.
 *
 * @param serverErrors     5xx answers plus failures without an answer, as a client would count them
 * @param connectionErrors connect failures and resets ({@code BackendConnectionFailure}, {@code ConnectionReset})
 */
public record CounterTotals(long atMillis, long requests, long serverErrors, long connectionErrors, long timeouts,
                            long retries) {

    public static CounterTotals of(long atMillis, BackendTotals t) {
        Map<String, Long> errors = t.errors();
        long transport = errors.values().stream().mapToLong(Long::longValue).sum();
        return new CounterTotals(atMillis, t.requests(), t.s5xx() + transport,
                count(errors, ErrorReason.BackendConnectionFailure) + count(errors, ErrorReason.ConnectionReset),
                count(errors, ErrorReason.Timeout), t.retries());
    }

    private static long count(Map<String, Long> errors, ErrorReason reason) {
        return errors.getOrDefault(reason.name(), 0L);
    }
}
