package dev.switchboard.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The deadline one attempt against a pool or backend gets: per route (api, or a rule of one) the smaller of its
 * per-try and total timeouts, and across the routes that reach the target the tightest. A backend is reached directly
 * or through any pool it is a member of. Built once per config: the console reads it per frame.
 */
public final class EffectiveTimeouts {

    private final Map<String, Duration> byRouteTarget = new HashMap<>();
    private final Map<String, Duration> byBackend = new HashMap<>();

    private EffectiveTimeouts(GatewayConfig config) {
        for (ApiConfig api : config.apis()) {
            Duration deadline = min(api.timeouts().perTry(), api.timeouts().total());
            tighten(byRouteTarget, api.backendId(), deadline);
            api.rules().forEach(rule -> tighten(byRouteTarget, rule.backendId(), deadline));
        }
        byRouteTarget.forEach((target, deadline) -> {
            BackendConfig backend = config.backends().get(target);
            if (backend != null && backend.isPool()) {
                backend.pool().services().forEach(m -> tighten(byBackend, m.backendId(), deadline));
            } else {
                tighten(byBackend, target, deadline);
            }
        });
    }

    public static EffectiveTimeouts of(GatewayConfig config) {
        return new EffectiveTimeouts(config);
    }

    /** The tightest deadline of the routes naming this pool; null when no route does. */
    public Duration ofPool(String poolId) {
        return byRouteTarget.get(poolId);
    }

    /** The tightest deadline an attempt against this backend gets, directly or through a pool; null when unrouted. */
    public Duration ofBackend(String backendId) {
        return byBackend.get(backendId);
    }

    private static void tighten(Map<String, Duration> deadlines, String target, Duration deadline) {
        if (target != null) {
            deadlines.merge(target, deadline, EffectiveTimeouts::min);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
