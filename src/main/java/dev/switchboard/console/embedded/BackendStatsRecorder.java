package dev.switchboard.console.embedded;

import dev.switchboard.console.feed.IntervalStats;
import dev.switchboard.demo.TrafficObserver;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Per-backend request counts, status classes and latency percentiles of the embedded traffic, collected from the
 * traffic generator's answers and cut into intervals by {@link #drain}.
 */
public final class BackendStatsRecorder implements TrafficObserver {

    private static final long MAX_TRACKED_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final Map<String, Counters> byBackend = new ConcurrentHashMap<>();

    @Override
    public void answered(String backend, int status, long nanos) {
        byBackend.computeIfAbsent(backend, b -> new Counters()).record(status, nanos);
    }

    /** The interval since the previous call, per backend that has ever answered (zero counts included). */
    public Map<String, IntervalStats> drain(Duration interval) {
        Map<String, IntervalStats> out = new HashMap<>();
        byBackend.forEach((backend, counters) -> out.put(backend, counters.drain(interval)));
        return out;
    }

    private static final class Counters {
        private final LongAdder requests = new LongAdder();
        private final LongAdder clientErrors = new LongAdder();
        private final LongAdder serverErrors = new LongAdder();
        private final Recorder latency = new Recorder(MAX_TRACKED_NANOS, 2);
        private Histogram recycled;

        void record(int status, long nanos) {
            requests.increment();
            if (status >= 500) {
                serverErrors.increment();
            } else if (status >= 400) {
                clientErrors.increment();
            }
            latency.recordValue(Math.min(nanos, MAX_TRACKED_NANOS));
        }

        // Called from the one sampling thread only, so the recycled histogram needs no lock.
        IntervalStats drain(Duration interval) {
            recycled = latency.getIntervalHistogram(recycled);
            return new IntervalStats(requests.sumThenReset(), clientErrors.sumThenReset(), serverErrors.sumThenReset(),
                    millis(recycled, 50), millis(recycled, 90), millis(recycled, 99), interval);
        }

        private static double millis(Histogram h, double percentile) {
            return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e6;
        }
    }
}
