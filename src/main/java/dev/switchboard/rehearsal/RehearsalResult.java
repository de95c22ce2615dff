package dev.switchboard.rehearsal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What a rehearsal measured. Deterministic for a config, scenario, seed and mode.
 *
 * @param apim                 true when rehearsed with APIM's semantics
 * @param seed                 the seed of every random choice
 * @param duration             the scenario's duration (requests still in flight at its end are finished)
 * @param requests             client requests sent
 * @param clientStatus         status the client got -> requests
 * @param attempts             attempts made for a request -> requests
 * @param backendHits          backend id -> attempts it received, every single backend of the config in config order
 * @param firstRequestAttempts attempts of the first request; null when the scenario sent none
 * @param firstFailoverAt      first attempt away from where healthy traffic goes (see docs/rehearsal.md); null if none
 * @param allShiftedAt         when the last backend of the preferred group became unavailable; null if never
 * @param poolExhausted        requests answered by the gateway because no backend was available
 * @param poolExhaustedRetryAfter of those, how many carried a Retry-After header
 * @param transitions          breaker transitions in time order
 * @param availability         availability changes (breaker, probe, admin) in time order
 * @param hitsPerSecond        per second of the run, attempts per backend in {@code backendHits} order
 * @param apimAdjustments      what APIM semantics changed in the config; empty otherwise
 */
public record RehearsalResult(
        boolean apim,
        long seed,
        Duration duration,
        long requests,
        SortedMap<Integer, Long> clientStatus,
        SortedMap<Integer, Long> attempts,
        Map<String, Long> backendHits,
        Integer firstRequestAttempts,
        Duration firstFailoverAt,
        Duration allShiftedAt,
        long poolExhausted,
        long poolExhaustedRetryAfter,
        List<Change> transitions,
        List<Change> availability,
        List<long[]> hitsPerSecond,
        List<String> apimAdjustments) {

    /**
     * One state change of a backend.
     *
     * @param at      time from the start of the rehearsal
     * @param backend the backend id
     * @param from    state before
     * @param to      state after
     * @param reason  the engine's explanation
     */
    public record Change(Duration at, String backend, String from, String to, String reason) {
    }

    public List<String> backendIds() {
        return List.copyOf(backendHits.keySet());
    }

    /** Client responses with status 500 or above. */
    public long serverErrors() {
        return clientStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
    }
}
