package dev.switchboard.gateway.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Traffic counters of one gateway: {@link BackendStats} per backend and picks per pool member. Lookups of known
 * ids are plain map reads, so the request path does not allocate.
 */
public final class TrafficStats {

    private final Map<String, BackendStats> backends = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> picks = new ConcurrentHashMap<>();
    private final LongAdder accessLogDropped = new LongAdder();

    /** The counters of {@code backendId}, created on first use. */
    public BackendStats backend(String backendId) {
        BackendStats stats = backends.get(backendId);
        return stats != null ? stats : backends.computeIfAbsent(backendId, BackendStats::new);
    }

    /** A pool picked one of its members. */
    public void picked(String poolId, String backendId) {
        Map<String, LongAdder> members = picks.get(poolId);
        if (members == null) {
            members = picks.computeIfAbsent(poolId, id -> new ConcurrentHashMap<>());
        }
        LongAdder count = members.get(backendId);
        if (count == null) {
            count = members.computeIfAbsent(backendId, id -> new LongAdder());
        }
        count.increment();
    }

    /** Picks so far by pool, then member. */
    public Map<String, Map<String, Long>> picks() {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        picks.forEach((pool, members) -> {
            Map<String, Long> counts = new TreeMap<>();
            members.forEach((member, n) -> counts.put(member, n.sum()));
            copy.put(pool, counts);
        });
        return copy;
    }

    /** Every backend that has counters. */
    public List<BackendStats> backends() {
        return new ArrayList<>(backends.values());
    }

    /** An access-log line was dropped: the log's queue was full (or the log had stopped). */
    public void accessLogLineDropped() {
        accessLogDropped.increment();
    }

    /** Access-log lines were lost: the file could not be written. */
    public void accessLogLinesLost(int lines) {
        accessLogDropped.add(lines);
    }

    /** Access-log lines dropped since the gateway started. */
    public long accessLogDropped() {
        return accessLogDropped.sum();
    }
}
