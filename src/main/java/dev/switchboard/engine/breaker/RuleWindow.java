package dev.switchboard.engine.breaker;

import dev.switchboard.config.BreakerRule;
import dev.switchboard.config.ErrorReason;
import dev.switchboard.config.FailureCondition;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sliding window of one breaker rule in virtual time: a ring of {@link #BUCKETS} buckets, each covering
 * interval/BUCKETS, holding requests, failures and failures per status/reason (for the trip reason). A bucket is
 * reused once its epoch is a full interval old, so old failures expire with a granularity of one bucket.
 * Not thread-safe: the owning {@link CircuitBreaker} serialises access.
 */
final class RuleWindow {

    static final int BUCKETS = 10;

    private final BreakerRule rule;
    private final long bucketNanos;
    private final long[] epochs = new long[BUCKETS];
    private final long[] requests = new long[BUCKETS];
    private final long[] failures = new long[BUCKETS];
    @SuppressWarnings("unchecked")
    private final Map<String, Integer>[] failuresByCause = new Map[BUCKETS];

    RuleWindow(BreakerRule rule) {
        this.rule = rule;
        this.bucketNanos = Math.max(1, rule.failureCondition().interval().toNanos() / BUCKETS);
        for (int i = 0; i < BUCKETS; i++) {
            failuresByCause[i] = new TreeMap<>();
        }
        clear();
    }

    BreakerRule rule() {
        return rule;
    }

    /** True when this outcome is a failure for this rule: an error reason it lists, or a status in its ranges. */
    boolean isFailure(int status, ErrorReason reason) {
        FailureCondition c = rule.failureCondition();
        return reason != null ? c.errorReasons().contains(reason) : c.isFailureStatus(status);
    }

    void record(long nowNanos, boolean failed, String cause) {
        int i = bucket(nowNanos);
        requests[i]++;
        if (failed) {
            failures[i]++;
            failuresByCause[i].merge(cause, 1, Integer::sum);
        }
    }

    /** True when the window now holds enough failures to trip the rule. */
    boolean tripped(long nowNanos) {
        FailureCondition c = rule.failureCondition();
        long f = sum(failures, nowNanos);
        if (c.count() != null) {
            return f >= c.count();
        }
        long r = sum(requests, nowNanos);
        return r >= c.minimumRequests() && r > 0 && f * 100 >= (long) c.percentage() * r;
    }

    RuleCounters counters(long nowNanos) {
        return new RuleCounters(rule.name(), sum(failures, nowNanos), sum(requests, nowNanos),
                rule.failureCondition().interval());
    }

    /** E.g. "3 failures in PT15S (503 x3)" or "60% failures (6 of 10 requests) in PT15S (503 x6)". */
    String describe(long nowNanos) {
        FailureCondition c = rule.failureCondition();
        long f = sum(failures, nowNanos);
        long r = sum(requests, nowNanos);
        String amount = c.count() != null ? f + " failures"
                : (r == 0 ? 0 : f * 100 / r) + "% failures (" + f + " of " + r + " requests)";
        return amount + " in " + c.interval() + " (" + causes(nowNanos) + ")";
    }

    void clear() {
        java.util.Arrays.fill(epochs, Long.MIN_VALUE);
        java.util.Arrays.fill(requests, 0);
        java.util.Arrays.fill(failures, 0);
        for (Map<String, Integer> m : failuresByCause) {
            m.clear();
        }
    }

    private String causes(long nowNanos) {
        Map<String, Integer> total = new TreeMap<>();
        long epoch = Math.floorDiv(nowNanos, bucketNanos);
        for (int i = 0; i < BUCKETS; i++) {
            if (live(epochs[i], epoch)) {
                failuresByCause[i].forEach((k, v) -> total.merge(k, v, Integer::sum));
            }
        }
        StringBuilder sb = new StringBuilder();
        total.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(" x").append(v));
        return sb.toString();
    }

    private int bucket(long nowNanos) {
        long epoch = Math.floorDiv(nowNanos, bucketNanos);
        int i = (int) Math.floorMod(epoch, BUCKETS);
        if (epochs[i] != epoch) {
            epochs[i] = epoch;
            requests[i] = 0;
            failures[i] = 0;
            failuresByCause[i].clear();
        }
        return i;
    }

    private long sum(long[] counts, long nowNanos) {
        long epoch = Math.floorDiv(nowNanos, bucketNanos);
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (live(epochs[i], epoch)) {
                total += counts[i];
            }
        }
        return total;
    }

    private static boolean live(long bucketEpoch, long nowEpoch) {
        return bucketEpoch != Long.MIN_VALUE && bucketEpoch > nowEpoch - BUCKETS && bucketEpoch <= nowEpoch;
    }
}
