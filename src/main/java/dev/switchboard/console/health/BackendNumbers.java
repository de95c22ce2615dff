package dev.switchboard.console.health;

/**
 * A backend's numbers as its card shows them, HAProxy stats style. Rates and percentages come from counter deltas
 * over {@code seconds}; NaN means "not known yet" (the first sample after a (re)connect only sets the baseline) or
 * "no sample" (latencies of an interval without completed requests), never zero.
 *
 * @param requests         attempts with an outcome since the previous sample
 * @param connectionErrors failures without a response other than timeouts, since the previous sample
 * @param inFlight         attempts waiting for a response head now
 */
public record BackendNumbers(double perSecond, long requests, double percent2xx, double percent4xx, double percent5xx,
                             long connectionErrors, long timeouts, long retries, long inFlight,
                             double p50Millis, double p99Millis) {

    /** Before any sample. */
    public static final BackendNumbers UNKNOWN = new BackendNumbers(Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN,
            0, 0, 0, 0, Double.NaN, Double.NaN);

    /** Percent of attempts that failed: 5xx answers, timeouts and connection errors; NaN without attempts. */
    public double failurePercent() {
        if (requests == 0) {
            return Double.NaN;
        }
        double failures = percent5xx / 100 * requests + timeouts + connectionErrors;
        return Math.min(100, failures * 100 / requests);
    }

    public boolean known() {
        return !Double.isNaN(perSecond);
    }
}
