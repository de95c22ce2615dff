package dev.switchboard.rehearsal;

import dev.switchboard.engine.Availability;
import dev.switchboard.engine.AvailabilityChange;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.EngineListener;
import dev.switchboard.engine.breaker.BreakerTransition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts what happens in a rehearsal: client outcomes, attempts per backend and per second, and the engine's
 * breaker and availability events stamped with virtual time.
 */
final class RehearsalRecorder implements EngineListener {

    private static final long SECOND = 1_000_000_000L;

    private final VirtualTime time;
    private final Map<String, Integer> index = new HashMap<>();
    private final long[] hits;
    private final List<long[]> perSecond = new ArrayList<>();
    private final Set<String> preferred;
    private final Map<String, Availability> preferredAvailability;
    private final TreeMap<Integer, Long> clientStatus = new TreeMap<>();
    private final TreeMap<Integer, Long> attemptCounts = new TreeMap<>();
    private final List<RehearsalResult.Change> transitions = new ArrayList<>();
    private final List<RehearsalResult.Change> availability = new ArrayList<>();
    private long requests;
    private Integer firstRequestAttempts;
    private Duration firstFailoverAt;
    private Duration allShiftedAt;
    private long poolExhausted;
    private long poolExhaustedRetryAfter;

    /**
     * @param backendIds every single backend, in the order reported
     * @param preferred  availability at the start of the backends healthy traffic goes to (the best priority group
     *                   of the first forwarded request kind's target)
     */
    RehearsalRecorder(VirtualTime time, List<String> backendIds, Map<String, Availability> preferred) {
        this.time = time;
        for (String id : backendIds) {
            index.put(id, index.size());
        }
        this.hits = new long[backendIds.size()];
        this.preferred = Set.copyOf(preferred.keySet());
        this.preferredAvailability = new HashMap<>(preferred);
    }

    /** An attempt goes to {@code backendId}; {@code previous} is the request's previous attempt's backend or null. */
    void attempt(String backendId, String previous) {
        int i = index.get(backendId);
        hits[i]++;
        long second = time.nanos() / SECOND;
        while (perSecond.size() <= second) {
            perSecond.add(new long[hits.length]);
        }
        perSecond.get((int) second)[i]++;
        if (firstFailoverAt == null && (!preferred.contains(backendId) || previous != null && !previous.equals(backendId))) {
            firstFailoverAt = now();
        }
    }

    void poolExhausted(boolean withRetryAfter) {
        poolExhausted++;
        if (withRetryAfter) {
            poolExhaustedRetryAfter++;
        }
    }

    void finished(int status, int attempts, boolean first) {
        requests++;
        clientStatus.merge(status, 1L, Long::sum);
        attemptCounts.merge(attempts, 1L, Long::sum);
        if (first) {
            firstRequestAttempts = attempts;
        }
    }

    @Override
    public void onEvent(EngineEvent event) {
        if (event instanceof BreakerTransition t) {
            transitions.add(new RehearsalResult.Change(now(), t.backendId(), t.from().name(), t.to().name(), t.reason()));
        } else if (event instanceof AvailabilityChange c) {
            availability.add(new RehearsalResult.Change(now(), c.backendId(), c.from().name(), c.to().name(), c.reason()));
            if (preferred.contains(c.backendId())) {
                preferredAvailability.put(c.backendId(), c.to());
                if (allShiftedAt == null && preferredAvailability.values().stream().noneMatch(Availability::pickable)) {
                    allShiftedAt = now();
                }
            }
        }
    }

    RehearsalResult result(boolean apim, long seed, Duration duration, List<String> adjustments) {
        Map<String, Long> byBackend = new LinkedHashMap<>();
        index.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> byBackend.put(e.getKey(), hits[e.getValue()]));
        return new RehearsalResult(apim, seed, duration, requests, clientStatus, attemptCounts, byBackend,
                firstRequestAttempts, firstFailoverAt, allShiftedAt, poolExhausted, poolExhaustedRetryAfter,
                transitions, availability, perSecond, adjustments);
    }

    private Duration now() {
        return Duration.ofNanos(time.nanos());
    }
}
