package dev.switchboard.gateway.stats;

import dev.switchboard.config.ErrorReason;
import java.util.concurrent.atomic.LongAdder;

/**
 * Attempt outcomes (responses by status class, failures by reason) as {@link LongAdder}s, safe for every event loop
 * to write at once without locking or allocating. Shared by a backend's counters and its per-API ones.
 */
final class OutcomeCounters {

    private static final ErrorReason[] REASONS = ErrorReason.values();

    private final LongAdder requests = new LongAdder();
    /** Responses by status class: index 1 for 1xx up to 5 for 5xx. */
    private final LongAdder[] byClass = adders(6);
    private final LongAdder[] errors = adders(REASONS.length);

    void responded(int status) {
        requests.increment();
        byClass[Math.clamp(status / 100, 1, 5)].increment();
    }

    void failed(ErrorReason reason) {
        requests.increment();
        errors[reason.ordinal()].increment();
    }

    /** A response cut off after its head was counted: an error, not another request. */
    void failedMidResponse(ErrorReason reason) {
        errors[reason.ordinal()].increment();
    }

    StatsTotals totals(long bytes, long retries) {
        long[] classes = new long[6];
        for (int i = 1; i < classes.length; i++) {
            classes[i] = byClass[i].sum();
        }
        long[] errs = new long[REASONS.length];
        for (int i = 0; i < errs.length; i++) {
            errs[i] = errors[i].sum();
        }
        return new StatsTotals(requests.sum(), classes, errs, bytes, retries);
    }

    private static LongAdder[] adders(int n) {
        LongAdder[] adders = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
