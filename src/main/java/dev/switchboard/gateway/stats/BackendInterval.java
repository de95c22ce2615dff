package dev.switchboard.gateway.stats;

import dev.switchboard.config.ErrorReason;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one backend did in one stats interval; latencies in milliseconds (0 when there were no requests). This is the
 * {@code backends[]} item of a {@code stats} message.
 *
 * @param errors   failures by reason name, only reasons that occurred
 * @param inFlight attempts waiting for a response head at the end of the interval
 * @param bytes    response body bytes passed on to clients
 */
public record BackendInterval(String id, long requests, long s2xx, long s3xx, long s4xx, long s5xx, Map<String, Long> errors,
                              double p50Ms, double p90Ms, double p99Ms, double maxMs, long inFlight, long bytes) {

    public BackendInterval {
        errors = Map.copyOf(errors);
    }

    static BackendInterval of(String id, StatsTotals delta, Histogram latencyMicros, long inFlight) {
        Map<String, Long> errors = new LinkedHashMap<>();
        for (Map.Entry<ErrorReason, Long> e : delta.errorsByReason().entrySet()) {
            errors.put(e.getKey().name(), e.getValue());
        }
        boolean empty = latencyMicros.getTotalCount() == 0;
        return new BackendInterval(id, delta.requests(), delta.statusClass(2), delta.statusClass(3), delta.statusClass(4),
                delta.statusClass(5), errors,
                empty ? 0 : millis(latencyMicros.getValueAtPercentile(50)),
                empty ? 0 : millis(latencyMicros.getValueAtPercentile(90)),
                empty ? 0 : millis(latencyMicros.getValueAtPercentile(99)),
                empty ? 0 : millis(latencyMicros.getMaxValue()), inFlight, delta.bytes());
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
