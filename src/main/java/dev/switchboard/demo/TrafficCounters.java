package dev.switchboard.demo;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the traffic generator saw since the last {@link #drain()}: answers by status class and by backend. */
public final class TrafficCounters {

    private final LongAdder[] byStatusClass = newAdders(6);
    private final Map<String, LongAdder> byBackend = new ConcurrentHashMap<>();
    private final LongAdder failed = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();

    void completed(int status, String backend, long nanos) {
        byStatusClass[Math.clamp(status / 100, 0, 5)].increment();
        byBackend.computeIfAbsent(backend, b -> new LongAdder()).increment();
        latencyNanos.add(nanos);
    }

    /** No answer at all: connect failure or client-side timeout. */
    void failed() {
        failed.increment();
    }

    /** Not sent because too many requests were outstanding. */
    void skipped() {
        skipped.increment();
    }

    /** Takes the counts accumulated so far and starts a new interval. */
    public TrafficSample drain() {
        long[] classes = new long[byStatusClass.length];
        long answered = 0;
        for (int i = 0; i < classes.length; i++) {
            classes[i] = byStatusClass[i].sumThenReset();
            answered += classes[i];
        }
        Map<String, Long> backends = new TreeMap<>();
        byBackend.forEach((backend, count) -> {
            long n = count.sumThenReset();
            if (n > 0) {
                backends.put(backend, n);
            }
        });
        long meanMicros = answered == 0 ? 0 : latencyNanos.sumThenReset() / answered / 1000;
        return new TrafficSample(classes, backends, failed.sumThenReset(), skipped.sumThenReset(), meanMicros);
    }

    private static LongAdder[] newAdders(int n) {
        LongAdder[] adders = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
