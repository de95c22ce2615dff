package dev.switchboard.gateway.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ErrorReason;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request path's recorder: exact counts per interval, percentiles, and no allocation while recording. */
class BackendStatsTest {

    @Test
    void intervalsHoldWhatHappenedSinceTheLastCutAndTotalsKeepEverything() {
        TrafficStats traffic = new TrafficStats();
        BackendStats a = traffic.backend("a");
        assertThat(traffic.backend("a")).isSameAs(a);
        for (int i = 1; i <= 100; i++) {
            a.started();
            a.responded(i <= 90 ? 200 : 503, i * 1_000_000L);
        }
        a.started();
        a.failed(ErrorReason.Timeout, 5_000_000L);
        a.started();
        a.retried();
        a.bytes(4096);
        BackendInterval first = a.cutInterval();
        assertThat(first.requests()).isEqualTo(101);
        assertThat(first.s2xx()).isEqualTo(90);
        assertThat(first.s5xx()).isEqualTo(10);
        assertThat(first.errors()).isEqualTo(Map.of("Timeout", 1L));
        assertThat(first.inFlight()).isEqualTo(1);
        assertThat(first.bytes()).isEqualTo(4096);
        assertThat(first.p50Ms()).isBetween(49.0, 51.0);
        assertThat(first.p99Ms()).isBetween(98.0, 100.1);
        assertThat(first.maxMs()).isBetween(99.9, 100.1);
        assertThat(first.retries()).isEqualTo(1);
        assertThat(first.totals()).isEqualTo(new BackendTotals(101, 90, 0, 0, 10, Map.of("Timeout", 1L), 1, 4096));

        a.abandoned();
        BackendInterval second = a.cutInterval();
        assertThat(second.requests()).isZero();
        assertThat(second.p99Ms()).isZero();
        assertThat(second.inFlight()).isZero();
        assertThat(second.retries()).isZero();
        assertThat(second.totals()).as("totals only grow").isEqualTo(first.totals());
        assertThat(a.totals().requests()).isEqualTo(101);
        assertThat(a.latencySinceStart().getTotalCount()).isEqualTo(101);
    }

    @Test
    void recordingDoesNotAllocate() {
        TrafficStats traffic = new TrafficStats();
        BackendStats stats = traffic.backend("a");
        for (int i = 0; i < 20_000; i++) {
            record(traffic, stats, i);
        }
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 200_000; i++) {
            record(traffic, stats, i);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated by 200k recorded attempts").isLessThan(10_000);
    }

    private static void record(TrafficStats traffic, BackendStats stats, int i) {
        traffic.picked("pool", "a");
        traffic.backend("a").started();
        stats.responded(200, 1_000_000L + (i % 1000) * 1000L);
        stats.bytes(100);
    }
}
