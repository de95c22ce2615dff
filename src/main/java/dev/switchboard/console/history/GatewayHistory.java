package dev.switchboard.console.history;

import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.IntervalStats;
import dev.switchboard.telemetry.client.ConnectionState;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything the charts and the breaker timeline of one gateway draw from. It belongs to the console's gateway entry,
 * not to a connection, so it survives reconnects; statistics reach back {@link BackendHistory#KEPT}.
 */
public final class GatewayHistory {

    /** How far back the breaker timeline can look (its zoom goes from 5 min to this). */
    public static final Duration TIMELINE_WINDOW = Duration.ofHours(1);

    private final Map<String, BackendHistory> stats = new LinkedHashMap<>();
    private final Map<String, BreakerHistory> breakers = new LinkedHashMap<>();
    private long statsSequence = -1;
    private long latestMillis;
    private long latestStatsMillis;
    private boolean seeded;

    /** Takes a frame; returns true when it brought a new statistics interval. */
    public boolean update(GatewayFrame frame) {
        latestMillis = frame.at().toEpochMilli();
        boolean live = frame.live();
        Set<String> present = live ? backendIds(frame) : Set.of();
        if (live) {
            endRemoved(present);
        }
        for (BackendFrame b : frame.backends()) {
            if (live) {
                BreakerHistory breaker = breaker(b.id());
                if (breaker.inGap()) {
                    breaker.fillGap(RingSeed.segments(frame.transitions(), b, latestMillis), latestMillis);
                }
                breaker.record(latestMillis, b);
            } else {
                breaker(b.id()).recordGap(latestMillis);
            }
        }
        seedOnce(frame);
        if (frame.connection() == ConnectionState.DISCONNECTED || frame.connection() == ConnectionState.CONNECTING) {
            stats.values().forEach(BackendHistory::interrupt);
        }
        if (frame.statsSequence() == statsSequence) {
            return false;
        }
        statsSequence = frame.statsSequence();
        for (BackendFrame b : frame.backends()) {
            BackendHistory h = stats.computeIfAbsent(b.id(), id -> new BackendHistory());
            IntervalStats s = frame.stats().get(b.id());
            if (s == null) {
                h.interrupt();
            } else {
                h.add(s, latestMillis);
                latestStatsMillis = Math.max(latestStatsMillis,
                        s.totals() == null ? latestMillis : s.totals().atMillis());
            }
        }
        if (live) {
            // A removed backend's past stays drawn while a chart can reach it; after that it would only take memory.
            stats.entrySet().removeIf(e -> !present.contains(e.getKey())
                    && e.getValue().newestMillis() < latestStatsMillis - BackendHistory.KEPT.toMillis());
        }
        return true;
    }

    /**
     * Ends the rows of backends a live frame no longer has (a reload removed them) rather than drawing their last state
     * on, and drops a row once it has been gone longer than the timeline reaches back.
     */
    private void endRemoved(Set<String> present) {
        breakers.entrySet().removeIf(e -> !present.contains(e.getKey())
                && e.getValue().removedBefore(latestMillis - TIMELINE_WINDOW.toMillis()));
        breakers.forEach((id, h) -> {
            if (!present.contains(id)) {
                h.recordRemoved(latestMillis);
            }
        });
    }

    private static Set<String> backendIds(GatewayFrame frame) {
        Set<String> ids = new HashSet<>();
        frame.backends().forEach(b -> ids.add(b.id()));
        return ids;
    }

    // Only the first live frame: later ones (reconnects) find their ring's past already drawn, live or seeded.
    private void seedOnce(GatewayFrame frame) {
        if (seeded || !frame.live()) {
            return;
        }
        seeded = true;
        for (BackendFrame b : frame.backends()) {
            breaker(b.id()).seed(RingSeed.segments(frame.transitions(), b, latestMillis));
        }
    }

    private BreakerHistory breaker(String backendId) {
        return breakers.computeIfAbsent(backendId, id -> new BreakerHistory(TIMELINE_WINDOW.toMillis()));
    }

    public Map<String, BackendHistory> stats() {
        return stats;
    }

    /**
     * Requests per second the backends of {@code frame} answered in their latest interval: only the backends the
     * gateway has now, for the history keeps a removed one's last rate.
     */
    public double answeredPerSecond(GatewayFrame frame) {
        double total = 0;
        for (BackendFrame b : frame.backends()) {
            BackendHistory h = stats.get(b.id());
            total += h == null ? 0 : h.rate().last();
        }
        return total;
    }

    public Map<String, BreakerHistory> breakers() {
        return breakers;
    }

    /** Time of the newest frame, epoch millis (the console's clock): the right edge of the timeline. */
    public long latestMillis() {
        return latestMillis;
    }

    /** Time of the newest statistics, epoch millis on the gateway's clock: the right edge of the charts. */
    public long latestStatsMillis() {
        return latestStatsMillis;
    }
}
