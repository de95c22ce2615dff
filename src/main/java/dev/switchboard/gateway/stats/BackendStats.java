package dev.switchboard.gateway.stats;

import dev.switchboard.config.ErrorReason;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Traffic counters of one backend, written by every event loop that sends it requests. Writers only touch
 * {@link LongAdder}s and a {@link Recorder} (safe for concurrent writers), so recording never allocates or locks.
 * Totals only grow; intervals are cut by {@link #cutInterval} on the single stats thread.
 */
public final class BackendStats {

    /** Latency is recorded in microseconds; three significant digits keep p99 within 0.1%. */
    private static final int SIGNIFICANT_DIGITS = 3;

    private final String backendId;
    private final OutcomeCounters outcomes = new OutcomeCounters();
    /** Per-API views, by API name: bounded by the config's APIs. */
    private final Map<String, ApiAttemptStats> apis = new ConcurrentHashMap<>();
    private final LongAdder inFlight = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final Recorder latency = new Recorder(SIGNIFICANT_DIGITS);

    /** Everything since start, for /metrics; guarded by this. */
    private final Histogram allLatencies = new Histogram(SIGNIFICANT_DIGITS);
    /** The stats thread's state between cuts. */
    private Histogram recycled;
    private StatsTotals previous = StatsTotals.ZERO;

    BackendStats(String backendId) {
        this.backendId = backendId;
    }

    public String backendId() {
        return backendId;
    }

    /** The recorder for attempts of {@code api} on this backend; a plain map read once created. */
    public ApiAttemptStats forApi(String api) {
        ApiAttemptStats stats = apis.get(api);
        return stats != null ? stats : apis.computeIfAbsent(api, name -> new ApiAttemptStats(this));
    }

    /** Outcomes since start by API name, for APIs that sent this backend attempts. */
    public Map<String, StatsTotals> apiTotals() {
        Map<String, StatsTotals> totals = new TreeMap<>();
        apis.forEach((api, stats) -> totals.put(api, stats.totals()));
        return totals;
    }

    /** An attempt on this backend began. */
    public void started() {
        inFlight.increment();
    }

    /** The attempt's response head arrived after {@code nanos}. */
    public void responded(int status, long nanos) {
        inFlight.decrement();
        outcomes.responded(status);
        recordLatency(nanos);
    }

    /** The attempt failed before a response head, after {@code nanos}. */
    public void failed(ErrorReason reason, long nanos) {
        inFlight.decrement();
        outcomes.failed(reason);
        recordLatency(nanos);
    }

    /** The response was cut off after its head was counted: an error, not another request. */
    public void failedMidResponse(ErrorReason reason) {
        outcomes.failedMidResponse(reason);
    }

    /** The attempt ended without an outcome (the client left, or a stale pooled connection was replaced). */
    public void abandoned() {
        inFlight.decrement();
    }

    /** An attempt that retries an earlier failed attempt of the same request was sent to this backend. */
    public void retried() {
        retries.increment();
    }

    /** Response body bytes passed on to the client. */
    public void bytes(long count) {
        bytes.add(count);
    }

    private void recordLatency(long nanos) {
        long micros = Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos));
        latency.recordValue(micros);
    }

    /** The counters since start. */
    public StatsTotals totals() {
        return outcomes.totals(bytes.sum(), retries.sum());
    }

    public long inFlight() {
        return Math.max(0, inFlight.sum());
    }

    /**
     * Ends the current interval: what happened since the previous cut, with its latency percentiles. Call from one
     * thread only.
     */
    public BackendInterval cutInterval() {
        Histogram interval = latency.getIntervalHistogram(recycled);
        synchronized (this) {
            allLatencies.add(interval);
        }
        StatsTotals now = totals();
        StatsTotals delta = now.minus(previous);
        previous = now;
        BackendInterval result = BackendInterval.of(backendId, delta, now, interval, inFlight());
        recycled = interval;
        return result;
    }

    /** A copy of every latency recorded up to the last cut, in microseconds. */
    public synchronized Histogram latencySinceStart() {
        return allLatencies.copy();
    }
}
