package dev.switchboard.sim;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counts of simulated (non-control) requests received and responses sent per status. */
public final class SimCounters {

    private final LongAdder requests = new LongAdder();
    private final ConcurrentHashMap<Integer, LongAdder> responses = new ConcurrentHashMap<>();

    void requestReceived() {
        requests.increment();
    }

    void responseSent(int status) {
        responses.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** Requests received, including ones that were hung and never answered. */
    public long requests() {
        return requests.sum();
    }

    /** Responses sent with {@code status}. */
    public long responses(int status) {
        LongAdder count = responses.get(status);
        return count == null ? 0 : count.sum();
    }

    /** A sorted snapshot of responses sent per status. */
    public Map<Integer, Long> responsesByStatus() {
        Map<Integer, Long> snapshot = new TreeMap<>();
        responses.forEach((status, count) -> snapshot.put(status, count.sum()));
        return snapshot;
    }

    void reset() {
        requests.reset();
        responses.clear();
    }
}
