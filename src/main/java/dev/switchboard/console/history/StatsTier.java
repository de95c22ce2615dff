package dev.switchboard.console.history;

import java.util.Arrays;

/**
 * One resolution of a backend's history: a ring of {@code capacity} buckets of {@code widthMillis} each, aligned on
 * the clock, that samples are summed into. A bucket nothing fell into is a gap, never a zero. Plain arrays, so an
 * hour of 500 backends stays a few tens of megabytes and a query allocates only its result.
 */
final class StatsTier {

    private static final int REQUESTS = 0;
    private static final int SERVER_ERRORS = 1;
    private static final int CONNECTION_ERRORS = 2;
    private static final int TIMEOUTS = 3;
    private static final int RETRIES = 4;
    private static final int SECONDS = 5;
    private static final int LATENCY_WEIGHT = 6;
    private static final int P50_WEIGHTED = 7;
    private static final int P99_MAX = 8;
    private static final int COLUMNS = 9;

    private final long widthMillis;
    private final int capacity;
    private final long[] keys;
    private final double[] cells;

    StatsTier(long widthMillis, int capacity) {
        this.widthMillis = widthMillis;
        this.capacity = capacity;
        keys = new long[capacity];
        Arrays.fill(keys, Long.MIN_VALUE);
        cells = new double[capacity * COLUMNS];
    }

    long widthMillis() {
        return widthMillis;
    }

    /** How far back this tier reaches. */
    long spanMillis() {
        return widthMillis * capacity;
    }

    void add(StatsSample s) {
        long key = Math.floorDiv(s.atMillis(), widthMillis);
        int slot = (int) Math.floorMod(key, (long) capacity);
        int at = slot * COLUMNS;
        if (keys[slot] != key) {
            if (keys[slot] > key) {
                return; // older than anything this slot may still hold
            }
            keys[slot] = key;
            Arrays.fill(cells, at, at + COLUMNS, 0);
        }
        cells[at + REQUESTS] += s.requests();
        cells[at + SERVER_ERRORS] += s.serverErrors();
        cells[at + CONNECTION_ERRORS] += s.connectionErrors();
        cells[at + TIMEOUTS] += s.timeouts();
        cells[at + RETRIES] += s.retries();
        cells[at + SECONDS] += s.seconds();
        if (s.sampled()) {
            cells[at + LATENCY_WEIGHT] += s.sampledRequests();
            cells[at + P50_WEIGHTED] += s.p50Millis() * s.sampledRequests();
            cells[at + P99_MAX] = Math.max(cells[at + P99_MAX], s.p99Millis());
        }
    }

    /**
     * Every bucket from {@code fromMillis} to {@code toMillis}, oldest first, at the bucket's middle; NaN where the
     * bucket holds no data (or no rate, or no latency sample, as the metric needs).
     */
    SeriesPoints series(Metric metric, long fromMillis, long toMillis) {
        long first = Math.floorDiv(fromMillis, widthMillis);
        long last = Math.floorDiv(toMillis, widthMillis);
        first = Math.max(first, last - capacity + 1);
        int n = (int) Math.max(0, last - first + 1);
        double[] times = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            long key = first + i;
            times[i] = key * widthMillis + widthMillis / 2.0;
            int slot = (int) Math.floorMod(key, (long) capacity);
            values[i] = keys[slot] == key ? value(metric, slot * COLUMNS) : Double.NaN;
        }
        return new SeriesPoints(times, values);
    }

    private double value(Metric metric, int at) {
        double seconds = cells[at + SECONDS];
        double weight = cells[at + LATENCY_WEIGHT];
        return switch (metric) {
            case REQUESTS_PER_SECOND -> perSecond(cells[at + REQUESTS], seconds);
            case SERVER_ERRORS_PER_SECOND -> perSecond(cells[at + SERVER_ERRORS], seconds);
            case CONNECTION_ERRORS_PER_SECOND -> perSecond(cells[at + CONNECTION_ERRORS], seconds);
            case TIMEOUTS_PER_SECOND -> perSecond(cells[at + TIMEOUTS], seconds);
            case RETRIES_PER_SECOND -> perSecond(cells[at + RETRIES], seconds);
            case P50_MILLIS -> weight == 0 ? Double.NaN : cells[at + P50_WEIGHTED] / weight;
            case P99_MILLIS -> weight == 0 ? Double.NaN : cells[at + P99_MAX];
        };
    }

    private static double perSecond(double count, double seconds) {
        return seconds == 0 ? Double.NaN : count / seconds;
    }
}
