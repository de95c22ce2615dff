package dev.switchboard.gateway.stats;

import dev.switchboard.config.ErrorReason;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one backend did in one stats interval; latencies in milliseconds. This is the {@code backends[]} item of a
 * {@code stats} message. With {@code requests == 0} there was no sample: the percentiles are then 0 and mean "no
 * data", never "0 ms" (a hung backend has in-flight attempts and no requests).
 *
 * @param errors   failures by reason name, only reasons that occurred
 * @param retries  attempts in the interval that retried an earlier failed attempt (on this backend, the one retried to)
 * @param inFlight attempts waiting for a response head at the end of the interval
 * @param bytes    response body bytes passed on to clients
 * @param totals   the same counters since the gateway started, for rates from counter deltas; null from older gateways
 */
public record BackendInterval(String id, long requests, long s2xx, long s3xx, long s4xx, long s5xx, Map<String, Long> errors,
                              long retries, double p50Ms, double p90Ms, double p99Ms, double maxMs, long inFlight, long bytes,
                              BackendTotals totals) {

    public BackendInterval {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    static BackendInterval of(String id, StatsTotals delta, StatsTotals sinceStart, Histogram latencyMicros, long inFlight) {
        boolean empty = latencyMicros.getTotalCount() == 0;
        return new BackendInterval(id, delta.requests(), delta.statusClass(2), delta.statusClass(3), delta.statusClass(4),
                delta.statusClass(5), errorNames(delta), delta.retries(),
                empty ? 0 : millis(latencyMicros.getValueAtPercentile(50)),
                empty ? 0 : millis(latencyMicros.getValueAtPercentile(90)),
                empty ? 0 : millis(latencyMicros.getValueAtPercentile(99)),
                empty ? 0 : millis(latencyMicros.getMaxValue()), inFlight, delta.bytes(), BackendTotals.of(sinceStart));
    }

    /** Non-zero error counts by reason name. */
    static Map<String, Long> errorNames(StatsTotals counts) {
        Map<String, Long> errors = new LinkedHashMap<>();
        for (Map.Entry<ErrorReason, Long> e : counts.errorsByReason().entrySet()) {
            errors.put(e.getKey().name(), e.getValue());
        }
        return errors;
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
