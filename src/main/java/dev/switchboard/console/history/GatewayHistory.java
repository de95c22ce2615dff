package dev.switchboard.console.history;

import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.IntervalStats;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything the charts and the breaker timeline of one gateway draw from, bounded to a fixed window. */
public final class GatewayHistory {

    public static final Duration WINDOW = Duration.ofMinutes(3);
    /** How far back the breaker timeline can look. */
    public static final Duration TIMELINE_WINDOW = Duration.ofHours(1);
    /** One statistics point per second over the window. */
    static final int POINTS = (int) WINDOW.toSeconds();

    private final Map<String, BackendHistory> stats = new LinkedHashMap<>();
    private final Map<String, BreakerHistory> breakers = new LinkedHashMap<>();
    private long statsSequence = -1;
    private long latestMillis;

    /** Takes a frame; returns true when it brought a new statistics interval. */
    public boolean update(GatewayFrame frame) {
        latestMillis = frame.at().toEpochMilli();
        boolean live = frame.live();
        for (BackendFrame b : frame.backends()) {
            if (live) {
                breaker(b.id()).record(latestMillis, b);
            } else {
                breaker(b.id()).recordGap(latestMillis);
            }
        }
        if (frame.statsSequence() == statsSequence) {
            return false;
        }
        statsSequence = frame.statsSequence();
        double seconds = latestMillis / 1000.0;
        for (BackendFrame b : frame.backends()) {
            IntervalStats s = frame.stats().get(b.id());
            stats.computeIfAbsent(b.id(), id -> new BackendHistory(POINTS))
                    .add(seconds, s == null ? new IntervalStats(0, 0, 0, 0, 0, 0, Duration.ofSeconds(1)) : s);
        }
        return true;
    }

    private BreakerHistory breaker(String backendId) {
        return breakers.computeIfAbsent(backendId, id -> new BreakerHistory(TIMELINE_WINDOW.toMillis()));
    }

    public Map<String, BackendHistory> stats() {
        return stats;
    }

    public Map<String, BreakerHistory> breakers() {
        return breakers;
    }

    /** Time of the newest frame, epoch millis: the right edge of the charts. */
    public long latestMillis() {
        return latestMillis;
    }
}
