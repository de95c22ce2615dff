package dev.switchboard.rehearsal;

import dev.switchboard.config.scenario.BackendPhase;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The scenario's backends: which phase each is in at a point of virtual time, and what it answers then. Time only
 * moves forward, so each backend keeps a cursor into its phases instead of searching them.
 */
final class SimulatedBackends {

    /** One backend's phases and the cursor at the last asked time. */
    private static final class Script {
        final BackendPhase[] phases;
        int cursor;

        Script(List<BackendPhase> phases) {
            this.phases = phases.toArray(BackendPhase[]::new);
        }

        BackendPhase at(long nanos) {
            while (cursor < phases.length && endsBefore(phases[cursor], nanos)) {
                cursor++;
            }
            if (cursor < phases.length && phases[cursor].from().toNanos() <= nanos) {
                return phases[cursor];
            }
            return BackendPhase.HEALTHY;
        }

        private static boolean endsBefore(BackendPhase phase, long nanos) {
            return phase.until() != null && phase.until().toNanos() <= nanos;
        }
    }

    private final Map<String, Script> scripts = new HashMap<>();
    private final RandomGenerator random;

    /** @param random decides which requests an {@code errorRate} fails */
    SimulatedBackends(Map<String, List<BackendPhase>> phases, RandomGenerator random) {
        phases.forEach((id, list) -> scripts.put(id, new Script(list)));
        this.random = random;
    }

    /** The phase {@code backendId} is in at {@code nanos}; a backend without phases is always healthy. */
    BackendPhase phase(String backendId, long nanos) {
        Script script = scripts.get(backendId);
        return script == null ? BackendPhase.HEALTHY : script.at(nanos);
    }

    /** The status of one answered request in {@code phase}: the error status for its errorRate share. */
    int status(BackendPhase phase) {
        return phase.errorRate() > 0 && random.nextDouble() < phase.errorRate() ? phase.errorStatus() : phase.status();
    }

    /** The Retry-After header the backend sends with {@code status} in {@code phase}, or null. */
    static String retryAfter(BackendPhase phase, int status) {
        Duration d = phase.retryAfter();
        return d == null || status < 400 ? null : Long.toString(d.toSeconds());
    }
}
