package dev.switchboard.config.binding;

import dev.switchboard.config.scenario.BackendPhase;
import java.time.Duration;
import java.util.List;

/** One phase of a simulated backend: from, until and the sim-backend's behaviour fields. */
final class BackendPhaseBinder implements Binder<BackendPhase> {

    private static final int MAX_LATENCY_MS = 3_600_000;

    @Override
    public List<String> fields() {
        return List.of("from", "until", "status", "latencyMs", "refuse", "hang", "retryAfter", "errorRate", "errorStatus");
    }

    @Override
    public BackendPhase bind(FieldReader in) {
        Duration from = in.nonNegativeDuration("from");
        if (from == null && !in.has("from")) {
            in.missing("from");
        }
        Duration until = in.positiveDuration("until");
        if (from != null && until != null && until.compareTo(from) <= 0) {
            in.problem("until", "must be after from (" + from + "), found " + until);
        }
        boolean refuse = in.bool("refuse", false);
        boolean hang = in.bool("hang", false);
        if (refuse && hang) {
            in.problem("hang", "a backend that refuses connections cannot also hang; choose refuse or hang");
        }
        Duration retryAfter = in.nonNegativeDuration("retryAfter");
        if (retryAfter != null && retryAfter.getNano() != 0) {
            in.problem("retryAfter", "Retry-After is sent in whole seconds, found " + retryAfter);
        }
        Double errorRate = in.number("errorRate", 0);
        if (errorRate != null && errorRate > 1) {
            in.problem("errorRate", "must be a fraction between 0 and 1, found " + errorRate);
        }
        return new BackendPhase(from, until, in.integer("status", 200, 599, 200),
                Duration.ofMillis(in.integer("latencyMs", 0, MAX_LATENCY_MS, 0)), refuse, hang, retryAfter,
                errorRate == null ? 0 : errorRate, in.integer("errorStatus", 200, 599, BackendPhase.DEFAULT_ERROR_STATUS));
    }
}
