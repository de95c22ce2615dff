package dev.switchboard.console.history;

import dev.switchboard.console.common.Frames;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.console.feed.CounterTotals;
import dev.switchboard.console.feed.IntervalDetail;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.IntervalStats;
import dev.switchboard.telemetry.client.ConnectionState;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The history in the gateway's own time: frames carry gateway timestamps, so no clock and no sleep. */
class GatewayHistoryTest {

    private static final long T0 = 1_700_000_000_000L;
    private final GatewayHistory history = new GatewayHistory();
    private long seq;

    @Test
    void aConnectToAGatewayThatServedForMinutesOnlySetsTheBaseline() {
        // 20 req/s for an hour before the console came: the first reading holds 72,000 requests.
        feed(T0, 72_000, 10, 0);
        for (int i = 1; i <= 8; i++) {
            feed(T0 + i * 250L, 72_000 + i * 5L, 10, 0);
        }
        SeriesPoints rate = series(Metric.REQUESTS_PER_SECOND, 5_000);
        assertThat(finite(rate)).isNotEmpty().allSatisfy(v -> assertThat(v).isCloseTo(20, within(0.01)));
        assertThat(history.stats().get("a").rate().size()).isEqualTo(2);
        assertThat(history.stats().get("a").rate().last()).isCloseTo(20, within(0.01));
    }

    @Test
    void aBackendWithoutRequestsIsAGapInLatencyNeverZeroMillis() {
        feed(T0, 100, 10, 0);
        feed(T0 + 1_000, 120, 10, 0);
        feed(T0 + 2_000, 120, 0, 0);   // hung: no completions
        feed(T0 + 3_000, 120, 0, 0);
        SeriesPoints p50 = series(Metric.P50_MILLIS, 4_000);
        SeriesPoints rate = series(Metric.REQUESTS_PER_SECOND, 4_000);
        assertThat(valueAt(p50, T0 + 1_000)).isEqualTo(4.0);
        assertThat(valueAt(p50, T0 + 2_000)).isNaN();
        assertThat(valueAt(p50, T0 + 3_000)).isNaN();
        assertThat(valueAt(rate, T0 + 3_000)).isZero();
    }

    @Test
    void aReconnectAfterAGapStartsANewBaselineAndLeavesAGap() {
        feed(T0, 0, 10, 0);
        feed(T0 + 1_000, 20, 10, 0);
        history.update(frame(T0 + 1_500, ConnectionState.DISCONNECTED, Map.of()));
        // Back 30 s later: 600 requests were served meanwhile; they must not come back as one point.
        feed(T0 + 31_000, 620, 10, 0);
        feed(T0 + 32_000, 640, 10, 0);
        SeriesPoints rate = series(Metric.REQUESTS_PER_SECOND, 33_000);
        assertThat(finite(rate)).containsOnly(20.0);
        assertThat(valueAt(rate, T0 + 15_000)).isNaN();
        assertThat(valueAt(rate, T0 + 31_000)).isNaN();
    }

    @Test
    void countersGoingDownMeanARestartAndStartANewBaseline() {
        feed(T0, 5_000, 10, 0);
        feed(T0 + 1_000, 5_020, 10, 0);
        feed(T0 + 2_000, 7, 10, 0);
        feed(T0 + 3_000, 27, 10, 0);
        assertThat(finite(series(Metric.REQUESTS_PER_SECOND, 4_000))).containsOnly(20.0);
    }

    @Test
    void timeoutsAndConnectionErrorsAreRatesOfTheirOwn() {
        feed(T0, 0, 10, 0);
        feed(T0 + 1_000, 10, 10, 4);
        assertThat(valueAt(series(Metric.TIMEOUTS_PER_SECOND, 2_000), T0 + 1_000)).isEqualTo(4.0);
        assertThat(valueAt(series(Metric.CONNECTION_ERRORS_PER_SECOND, 2_000), T0 + 1_000)).isEqualTo(2.0);
        assertThat(valueAt(series(Metric.SERVER_ERRORS_PER_SECOND, 2_000), T0 + 1_000)).isEqualTo(6.0);
    }

    @Test
    void anHourIsKeptIn10SecondPointsAndTheLast5MinutesIn1SecondPoints() {
        long requests = 0;
        for (long t = 0; t <= 3_700_000; t += 1_000) {
            feed(T0 + t, requests, 10, 0);
            requests += 10;
        }
        long now = T0 + 3_700_000;
        SeriesPoints hour = history.stats().get("a").series(Metric.REQUESTS_PER_SECOND, now - 3_600_000, now);
        SeriesPoints fiveMinutes = history.stats().get("a").series(Metric.REQUESTS_PER_SECOND, now - 300_000, now);
        assertThat(hour.size()).isEqualTo(360);
        assertThat(finite(hour)).hasSizeGreaterThanOrEqualTo(359).allSatisfy(v -> assertThat(v).isCloseTo(10, within(1e-9)));
        assertThat(fiveMinutes.size()).isEqualTo(300);
        assertThat(fiveMinutes.times()[1] - fiveMinutes.times()[0]).isEqualTo(1_000);
        assertThat(finite(fiveMinutes)).hasSize(300);
    }

    @Test
    void theAnsweredRateCountsOnlyTheBackendsTheGatewayHasNow() {
        GatewayFrame last = null;
        for (long s = 0; s <= 3; s++) {
            IntervalStats each = stats(T0 + s * 1000, 20 * s, 20, 0);
            last = frame(T0 + s * 1000, ConnectionState.LIVE, List.of("a", "b"), Map.of("a", each, "b", each));
            history.update(last);
        }
        assertThat(history.answeredPerSecond(last)).isEqualTo(40.0);
        // A reload removes b; a alone goes on answering 20 req/s, and b's history keeps its last rate.
        for (long s = 4; s <= 8; s++) {
            IntervalStats a = stats(T0 + s * 1000, 20 * s, 20, 0);
            last = frame(T0 + s * 1000, ConnectionState.LIVE, List.of("a"), Map.of("a", a));
            history.update(last);
        }
        assertThat(history.stats().get("b").rate().last()).isEqualTo(20.0);
        assertThat(history.answeredPerSecond(last)).isEqualTo(20.0);
    }

    @Test
    void aRemovedBackendsSeriesStaysWhileTheChartsReachItsDataAndIsDroppedAfter() {
        for (long s = 0; s <= 3; s++) {
            IntervalStats each = stats(T0 + s * 1000, 20 * s, 20, 0);
            history.update(frame(T0 + s * 1000, ConnectionState.LIVE, List.of("a", "b"), Map.of("a", each, "b", each)));
        }
        // A reload removes b: its past traffic is still what happened within the charts' hour, so it stays drawn...
        long hour = BackendHistory.KEPT.toMillis();
        for (long at = T0 + 4_000; at <= T0 + 3_000 + hour; at += 60_000) {
            history.update(frame(at, ConnectionState.LIVE, List.of("a"), Map.of("a", stats(at, at - T0, 20, 0))));
        }
        assertThat(history.stats()).containsKeys("a", "b");
        // ...until its newest point is older than any chart reaches: under backend churn it would otherwise stay forever.
        long later = T0 + 3_001 + hour + 60_000;
        history.update(frame(later, ConnectionState.LIVE, List.of("a"), Map.of("a", stats(later, later - T0, 20, 0))));
        assertThat(history.stats()).containsOnlyKeys("a");
    }

    /** One stats reading of backend "a" at gateway time {@code at}: totals so far, an interval p50 if it had requests. */
    private void feed(long at, long totalRequests, long intervalRequests, long timeouts) {
        IntervalStats a = stats(at, totalRequests, intervalRequests, timeouts);
        history.update(frame(at, ConnectionState.LIVE, Map.of("a", a)));
    }

    private static IntervalStats stats(long at, long totalRequests, long intervalRequests, long timeouts) {
        long connectionErrors = timeouts / 2;
        CounterTotals totals = new CounterTotals(at, totalRequests, totalRequests - timeouts - connectionErrors, 0, 0,
                connectionErrors, timeouts, 0);
        return new IntervalStats(intervalRequests, 0, 0, intervalRequests > 0 ? 4 : 0, 0,
                intervalRequests > 0 ? 9 : 0, Duration.ofMillis(250), totals, IntervalDetail.NONE);
    }

    /** A frame of backend "a" alone. */
    private GatewayFrame frame(long at, ConnectionState state, Map<String, IntervalStats> stats) {
        return frame(at, state, List.of("a"), stats);
    }

    private GatewayFrame frame(long at, ConnectionState state, List<String> backends,
                               Map<String, IntervalStats> stats) {
        return new GatewayFrame("gw", "cfg", state, "", 1, "h", java.time.Instant.ofEpochMilli(at),
                backends.stream().map(id -> Frames.backend(id, BreakerState.CLOSED)).toList(), List.of(), ++seq, stats,
                List.of());
    }

    private SeriesPoints series(Metric metric, long spanMillis) {
        return history.stats().get("a").series(metric, T0, T0 + spanMillis);
    }

    private static double valueAt(SeriesPoints p, long at) {
        for (int i = 0; i < p.size(); i++) {
            if (p.times()[i] - 500 <= at && at < p.times()[i] + 500) {
                return p.values()[i];
            }
        }
        throw new AssertionError("no point at " + at);
    }

    private static List<Double> finite(SeriesPoints p) {
        return Arrays.stream(p.values()).filter(Double::isFinite).boxed().toList();
    }
}
