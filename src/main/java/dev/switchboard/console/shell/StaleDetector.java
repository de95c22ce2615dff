package dev.switchboard.console.shell;

import dev.switchboard.console.common.DurationText;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.IntervalStats;
import dev.switchboard.telemetry.client.ConnectionState;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Notices a gateway whose statistics stopped while its connection still looks up (a hung gateway, a stalled
 * network): after {@link #PERIODS} stats periods without a new interval, and never sooner than
 * {@link #MIN_SILENCE}, its frames are shown as STALE so no view keeps presenting old numbers as live.
 */
final class StaleDetector {

    static final int PERIODS = 3;
    /** The UI takes frames every 200 ms and may lag under load; shorter silences are not evidence of anything. */
    static final Duration MIN_SILENCE = Duration.ofMillis(1_500);

    /** The newest statistics interval a gateway sent, when it arrived, and whether the gateway was live. */
    private record Seen(long sequence, long atMillis, long periodMillis, boolean live) {
    }

    private final Map<String, Seen> seen = new HashMap<>();
    private final Clock clock;

    StaleDetector(Clock clock) {
        this.clock = clock;
    }

    /** {@code frame} as it should be shown now: marked STALE when its statistics are overdue. */
    GatewayFrame check(GatewayFrame frame) {
        long now = clock.millis();
        Seen last = seen.get(frame.gatewayId());
        // A new interval, or a connection that just came (back) up, restarts the wait for the next one. The frame's
        // time is when its feed took it (the console's clock), so a UI that is slow to apply it is not counted.
        if (last == null || last.sequence() != frame.statsSequence() || frame.live() && !last.live()) {
            long arrived = Math.min(now, frame.at().toEpochMilli());
            seen.put(frame.gatewayId(), new Seen(frame.statsSequence(), arrived, periodMillis(frame), frame.live()));
            return frame;
        }
        if (!frame.live()) {
            seen.put(frame.gatewayId(), new Seen(last.sequence(), last.atMillis(), last.periodMillis(), false));
            return frame;
        }
        long silent = now - last.atMillis();
        long limit = Math.max(MIN_SILENCE.toMillis(), PERIODS * last.periodMillis());
        return silent <= limit ? frame : frame.withConnection(ConnectionState.STALE,
                "no statistics for " + DurationText.of(Duration.ofMillis(silent)) + " (expected every "
                        + DurationText.of(Duration.ofMillis(last.periodMillis())) + ")");
    }

    void forget(String gatewayId) {
        seen.remove(gatewayId);
    }

    private static long periodMillis(GatewayFrame frame) {
        return frame.stats().values().stream().findFirst().map(IntervalStats::interval).map(Duration::toMillis)
                .filter(ms -> ms > 0).orElse(MIN_SILENCE.toMillis());
    }
}
