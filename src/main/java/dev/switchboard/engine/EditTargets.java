package dev.switchboard.engine;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.GatewayConfig;

/** Checks the backend or pool member a runtime edit names, with a message saying what is wrong with it. */
final class EditTargets {

    private EditTargets() {
    }

    /** The single (non-pool) backend {@code backendId} of {@code config}. */
    static BackendConfig single(GatewayConfig config, String backendId) {
        BackendConfig b = config.backend(backendId);
        if (b == null) {
            throw new IllegalArgumentException("unknown backend '" + backendId + "'");
        }
        if (b.isPool()) {
            throw new IllegalArgumentException("'" + backendId + "' is a pool, not a single backend");
        }
        return b;
    }

    /** The member {@code backendId} of the pool {@code poolId} of {@code config}. */
    static RuntimeOverrides.MemberKey member(GatewayConfig config, String poolId, String backendId) {
        BackendConfig pool = config.backend(poolId);
        if (pool == null || !pool.isPool()) {
            throw new IllegalArgumentException("unknown pool '" + poolId + "'");
        }
        RuntimeOverrides.MemberKey key = new RuntimeOverrides.MemberKey(poolId, backendId);
        if (!RuntimeOverrides.isMember(config, key)) {
            throw new IllegalArgumentException("backend '" + backendId + "' is not a member of pool '" + poolId + "'");
        }
        return key;
    }

    /** A weight or priority within its bounds, else an error naming the member. */
    static void inRange(String what, int value, RuntimeOverrides.MemberKey key, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " " + value + " for " + key + " is outside " + min + ".." + max);
        }
    }
}
