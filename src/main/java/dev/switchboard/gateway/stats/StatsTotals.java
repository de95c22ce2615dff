package dev.switchboard.gateway.stats;

import dev.switchboard.config.ErrorReason;
import java.util.EnumMap;
import java.util.Map;

/**
 * A backend's counters at one moment.
 *
 * @param requests      attempts with an outcome (a response head or a failure)
 * @param byClass       responses by status class, index 1 (1xx) to 5 (5xx)
 * @param errors        failures by {@link ErrorReason} ordinal
 * @param bytes         response body bytes passed on
 * @param retries       attempts that retried an earlier failed attempt of the same request (counted on the backend
 *                      that got the retry; 0 in per-API totals)
 */
public record StatsTotals(long requests, long[] byClass, long[] errors, long bytes, long retries) {

    static final StatsTotals ZERO = new StatsTotals(0, new long[6], new long[ErrorReason.values().length], 0, 0);

    public long statusClass(int hundreds) {
        return byClass[hundreds];
    }

    /** Non-zero error counts by reason. */
    public Map<ErrorReason, Long> errorsByReason() {
        Map<ErrorReason, Long> map = new EnumMap<>(ErrorReason.class);
        for (ErrorReason reason : ErrorReason.values()) {
            if (errors[reason.ordinal()] > 0) {
                map.put(reason, errors[reason.ordinal()]);
            }
        }
        return map;
    }

    StatsTotals minus(StatsTotals earlier) {
        long[] classes = new long[byClass.length];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = byClass[i] - earlier.byClass[i];
        }
        long[] errs = new long[errors.length];
        for (int i = 0; i < errs.length; i++) {
            errs[i] = errors[i] - earlier.errors[i];
        }
        return new StatsTotals(requests - earlier.requests, classes, errs, bytes - earlier.bytes, retries - earlier.retries);
    }
}
