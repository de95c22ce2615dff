package dev.switchboard.console.history;

import dev.switchboard.console.feed.IntervalStats;

/** One backend's recent statistics, one point per interval, for the charts. */
public final class BackendHistory {

    private final SeriesBuffer rate;
    private final SeriesBuffer requests;
    private final SeriesBuffer p50;
    private final SeriesBuffer p99;
    private final SeriesBuffer errorRate;

    BackendHistory(int capacity) {
        rate = new SeriesBuffer(capacity);
        requests = new SeriesBuffer(capacity);
        p50 = new SeriesBuffer(capacity);
        p99 = new SeriesBuffer(capacity);
        errorRate = new SeriesBuffer(capacity);
    }

    void add(double time, IntervalStats stats) {
        rate.add(time, stats.perSecond());
        requests.add(time, stats.requests());
        p50.add(time, stats.p50Millis());
        p99.add(time, stats.p99Millis());
        errorRate.add(time, stats.errorRate() * 100);
    }

    public SeriesBuffer rate() {
        return rate;
    }

    public SeriesBuffer requests() {
        return requests;
    }

    public SeriesBuffer p50() {
        return p50;
    }

    public SeriesBuffer p99() {
        return p99;
    }

    /** Percent of requests answered 5xx. */
    public SeriesBuffer errorRate() {
        return errorRate;
    }
}
