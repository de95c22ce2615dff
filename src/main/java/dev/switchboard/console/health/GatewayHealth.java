package dev.switchboard.console.health;

import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.IntervalStats;
import dev.switchboard.console.feed.MemberFrame;
import dev.switchboard.console.feed.PoolFrame;
import dev.switchboard.console.history.SeriesBuffer;
import dev.switchboard.telemetry.client.ConnectionState;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One gateway's backends as numbers, health and state age, kept per gateway (not per view) so switching the shown
 * gateway loses no baseline. Takes every frame of its gateway on the FX thread; numbers move once per stats interval.
 */
public final class GatewayHealth {

    static final Duration SPARKLINE = Duration.ofSeconds(60);
    /** Enough points for a minute at the shortest stats period (250 ms). */
    private static final int SPARK_POINTS = 240;

    private final Map<String, Tracked> backends = new HashMap<>();
    private long statsSequence = -1;

    /** One backend's running state between frames. */
    private static final class Tracked {
        final CounterDeltas deltas = new CounterDeltas();
        final SeriesBuffer rates = new SeriesBuffer(SPARK_POINTS);
        BackendNumbers numbers = BackendNumbers.UNKNOWN;
        String state;
        long stateSince;
        boolean stateChangeSeen;
        long problemSince = -1;
        BackendStatus status;
    }

    public void update(GatewayFrame frame) {
        long at = frame.at().toEpochMilli();
        boolean live = frame.connection() == ConnectionState.LIVE || frame.connection() == ConnectionState.LIVE_IDLE;
        boolean newInterval = frame.statsSequence() != statsSequence;
        statsSequence = frame.statsSequence();
        Map<String, Duration> timeouts = timeouts(frame);
        for (BackendFrame b : frame.backends()) {
            Tracked t = backends.computeIfAbsent(b.id(), id -> new Tracked());
            if (!live) {
                t.deltas.reset();
            }
            String state = b.availability() + "/" + b.breaker() + "/" + b.adminState();
            boolean changed = t.state == null || !t.state.equals(state);
            if (changed) {
                t.stateChangeSeen = t.state != null;
                t.state = state;
                t.stateSince = at;
            } else if (!newInterval) {
                // Nothing new to show: the same status object keeps bound views from redrawing.
                continue;
            }
            if (live && newInterval) {
                IntervalStats stats = frame.stats().get(b.id());
                t.numbers = stats == null ? BackendNumbers.UNKNOWN : t.deltas.next(stats);
                t.rates.add(at, t.numbers.perSecond());
            }
            t.status = status(b, t, at, timeouts.get(b.id()));
        }
    }

    /** Each pool member's timeout, the tightest where a backend is in several pools. */
    private static Map<String, Duration> timeouts(GatewayFrame frame) {
        Map<String, Duration> timeouts = new HashMap<>();
        for (PoolFrame pool : frame.pools()) {
            for (MemberFrame m : pool.members()) {
                if (m.timeout() != null) {
                    timeouts.merge(m.backendId(), m.timeout(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                }
            }
        }
        return timeouts;
    }

    private static BackendStatus status(BackendFrame b, Tracked t, long at, Duration timeout) {
        BackendHealth.Verdict verdict = BackendHealth.classify(t.numbers, b.adminState(), b.availability(), timeout);
        String notice = "";
        if (verdict.level().problem()) {
            t.problemSince = t.problemSince < 0 ? at : t.problemSince;
            notice = b.id() + ": " + verdict.problem() + " for " + (at - t.problemSince) / 1000 + " s"
                    + (b.rules().isEmpty() ? ", no breaker rule" : "");
        } else {
            t.problemSince = -1;
        }
        return new BackendStatus(b.id(), t.numbers, verdict, notice, t.stateSince, t.stateChangeSeen);
    }

    /**
     * Requests per second over the minute up to {@code at}, oldest first, NaN where not known. Built on demand, for
     * the cards on screen only: for every backend on every frame it was most of the console's garbage.
     */
    public double[] sparkline(String backendId, long at) {
        Tracked t = backends.get(backendId);
        if (t == null) {
            return new double[0];
        }
        SeriesBuffer rates = t.rates;
        double from = at - SPARKLINE.toMillis();
        double[] kept = new double[rates.size()];
        int[] n = {0};
        rates.forEach((time, value) -> {
            if (time >= from) {
                kept[n[0]++] = value;
            }
        });
        return java.util.Arrays.copyOf(kept, n[0]);
    }

    /** The backend's latest status, or an unknown one before its first frame. */
    public BackendStatus status(String backendId) {
        Tracked t = backends.get(backendId);
        return t == null || t.status == null ? BackendStatus.unknown(backendId) : t.status;
    }
}
