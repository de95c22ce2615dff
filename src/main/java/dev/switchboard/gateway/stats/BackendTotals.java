package dev.switchboard.gateway.stats;

import java.util.Map;

/**
 * A backend's counters since the gateway started, in every {@code stats} message: they only grow, so a console
 * computes rates from the difference of two messages, and a (re)connect only sets the baseline (a gateway restart
 * shows as counters going down). Field meanings as in {@link BackendInterval}.
 */
public record BackendTotals(long requests, long s2xx, long s3xx, long s4xx, long s5xx, Map<String, Long> errors, long retries,
                            long bytes) {

    public BackendTotals {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    static BackendTotals of(StatsTotals t) {
        return new BackendTotals(t.requests(), t.statusClass(2), t.statusClass(3), t.statusClass(4), t.statusClass(5),
                BackendInterval.errorNames(t), t.retries(), t.bytes());
    }
}
