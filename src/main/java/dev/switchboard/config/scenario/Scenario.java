package dev.switchboard.config.scenario;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rehearsal scenario (format: docs/rehearsal.md): a stream of client requests and, per backend, how it behaves
 * over time. Immutable.
 *
 * @param duration how long the rehearsal runs, in virtual time
 * @param seed     seeds every random choice (request kinds, error rates, retry jitter), so a run repeats exactly
 * @param region   the gateway's region (APIM's {@code context.Deployment.Region}); null keeps the config's
 * @param rate     client requests per second, evenly spaced
 * @param requests the request kinds, each drawn with its weight's share
 * @param backends phases per backend id, in time order; a backend or a time without a phase answers 200 at once
 */
public record Scenario(Duration duration, long seed, String region, double rate, List<RequestKind> requests,
                       Map<String, List<BackendPhase>> backends) {

    public static final long DEFAULT_SEED = 1;

    public Scenario {
        requests = List.copyOf(requests);
        Map<String, List<BackendPhase>> copy = new LinkedHashMap<>();
        backends.forEach((id, phases) -> copy.put(id, List.copyOf(phases)));
        backends = Collections.unmodifiableMap(copy);
    }

    /** Number of client requests the stream sends within the duration. */
    public long requestCount() {
        return (long) Math.ceil(duration.toNanos() / 1e9 * rate - 1e-9);
    }

    /** This scenario with another seed (the command line's {@code --seed} wins over the file). */
    public Scenario withSeed(long newSeed) {
        return new Scenario(duration, newSeed, region, rate, requests, backends);
    }
}
