package dev.switchboard.console.feed;

import java.time.Instant;

/**
 * A runtime override as a gateway reported it: an operator's value that wins over the config file's until cleared.
 *
 * @param kind        {@code weight}, {@code priority} or {@code adminState} (the wire's names, docs/telemetry.md)
 * @param pool        the pool of a weight or priority; null for an admin state (per backend)
 * @param value       the override's value as text ({@code 50}, {@code DRAIN})
 * @param configValue the config's value it shadows ({@code ENABLED} for admin states); null when the config no
 *                    longer has the member
 * @param setBy       who set it; null when the gateway does not know
 * @param setAt       when it was set; null when the gateway does not know
 */
public record OverrideFrame(String kind, String pool, String backend, String value, String configValue, String setBy,
                            Instant setAt) {

    public static final String WEIGHT = "weight";
    public static final String PRIORITY = "priority";
    public static final String ADMIN_STATE = "adminState";

    /** Whether this overrides {@code kind} of {@code backend} in {@code poolId} (admin states hold in every pool). */
    public boolean covers(String overrideKind, String poolId, String backendId) {
        return kind.equals(overrideKind) && backend.equals(backendId) && (pool == null || pool.equals(poolId));
    }

    /** {@code pool/b} or {@code b}: what it overrides, as the audit log names it. */
    public String target() {
        return pool == null ? backend : pool + "/" + backend;
    }

    /** "override: 50, config says 20". */
    public String describe() {
        return "override: " + value + (configValue == null ? ", not in the config" : ", config says " + configValue);
    }
}
