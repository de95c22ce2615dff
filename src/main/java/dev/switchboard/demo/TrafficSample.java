package dev.switchboard.demo;

import java.util.Map;

/**
 * One interval of generated traffic.
 *
 * @param byStatusClass answers by status class: index 2 holds 2xx, 5 holds 5xx
 * @param byBackend     answers by the backend the gateway reported (diagnostics header), "?" when absent
 * @param failed        requests with no answer (connect failure, timeout)
 * @param skipped       requests not sent because too many were outstanding
 * @param meanMicros    mean latency of the answered requests
 */
public record TrafficSample(long[] byStatusClass, Map<String, Long> byBackend, long failed, long skipped, long meanMicros) {

    public TrafficSample {
        byStatusClass = byStatusClass.clone();
        byBackend = Map.copyOf(byBackend);
    }

    public long answered() {
        long sum = 0;
        for (long n : byStatusClass) {
            sum += n;
        }
        return sum;
    }

    public long statusClass(int hundreds) {
        return byStatusClass[hundreds];
    }
}
