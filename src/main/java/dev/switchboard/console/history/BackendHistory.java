package dev.switchboard.console.history;

import dev.switchboard.console.feed.IntervalStats;
import java.time.Duration;

/**
 * One backend's statistics over the last hour: 1 s points for the last {@link #FINE} and 10 s points beyond, built
 * from counter deltas (see {@link CounterBaseline}), plus the newest intervals for the traffic split and status bar.
 */
public final class BackendHistory {

    public static final Duration FINE = Duration.ofMinutes(5);
    public static final Duration KEPT = Duration.ofHours(1);
    /** Newest intervals kept as they came, for readers of "the last few intervals". */
    static final int RECENT = 60;

    private final StatsTier fine = new StatsTier(1_000, (int) FINE.toSeconds());
    private final StatsTier coarse = new StatsTier(10_000, (int) (KEPT.toSeconds() / 10));
    private final CounterBaseline baseline = new CounterBaseline();
    private final SeriesBuffer rate = new SeriesBuffer(RECENT);
    private final SeriesBuffer requests = new SeriesBuffer(RECENT);
    // Requests and gateway seconds not yet in rate(): a rate spans at least a second, so a late stats tick followed
    // by a catch-up one (milliseconds apart on a loaded gateway) cannot divide a few requests by a millisecond.
    private long pendingRequests;
    private double pendingSeconds;
    private long newestMillis = Long.MIN_VALUE;

    /** Takes the newest interval; {@code frameMillis} is when the frame was taken, for gateways without totals. */
    void add(IntervalStats stats, long frameMillis) {
        StatsSample s = baseline.next(stats, frameMillis);
        newestMillis = s.atMillis();
        fine.add(s);
        coarse.add(s);
        requests.add(s.atMillis() / 1000.0, stats.requests());
        pendingRequests += s.requests();
        pendingSeconds += s.seconds();
        if (pendingSeconds >= 1) {
            rate.add(s.atMillis() / 1000.0, pendingRequests / pendingSeconds);
            pendingRequests = 0;
            pendingSeconds = 0;
        }
    }

    /** The backend had no statistics in a frame (a reconnect's snapshot): the next reading starts a new baseline. */
    void interrupt() {
        baseline.reset();
        pendingRequests = 0;
        pendingSeconds = 0;
    }

    /**
     * One metric from {@code fromMillis} to {@code toMillis} (the gateway's clock): 1 s points when the range starts
     * within the last {@link #FINE} before {@code toMillis}, else 10 s points; gaps are NaN.
     */
    public SeriesPoints series(Metric metric, long fromMillis, long toMillis) {
        StatsTier tier = toMillis - fromMillis <= fine.spanMillis() ? fine : coarse;
        return tier.series(metric, fromMillis, toMillis);
    }

    /** When its newest interval ended, epoch millis on the gateway's clock. */
    long newestMillis() {
        return newestMillis;
    }

    /** Requests per second from counter deltas, one point per second or more of the gateway's time. */
    public SeriesBuffer rate() {
        return rate;
    }

    /** Requests per interval, as the gateway counted them. */
    public SeriesBuffer requests() {
        return requests;
    }
}
