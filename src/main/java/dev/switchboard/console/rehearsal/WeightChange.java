package dev.switchboard.console.rehearsal;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.PoolConfig;
import dev.switchboard.config.PoolMember;
import java.util.LinkedHashMap;
import java.util.Map;

/** A pool card's weight change as a config, so it can be rehearsed before it is applied. */
public final class WeightChange {

    private WeightChange() {
    }

    /** The config with one pool member's weight replaced; everything else as it was. */
    public static GatewayConfig apply(GatewayConfig config, String poolId, String backendId, int weight) {
        BackendConfig pool = config.backend(poolId);
        if (pool == null || !pool.isPool()) {
            throw new IllegalArgumentException("no pool " + poolId + " in the config");
        }
        PoolConfig p = pool.pool();
        PoolConfig changed = new PoolConfig(p.services().stream()
                .map(m -> m.backendId().equals(backendId) ? new PoolMember(m.backendId(), weight, m.priority()) : m)
                .toList(), p.sessionAffinity(), p.whenAllUnavailable(), p.overprovisioningFactor(), p.balancer(),
                p.spillWhenSlow());
        Map<String, BackendConfig> backends = new LinkedHashMap<>(config.backends());
        backends.put(poolId, new BackendConfig(pool.id(), pool.type(), pool.url(), pool.description(),
                pool.circuitBreaker(), changed, pool.healthProbe(), pool.slowStart(), pool.tls(), pool.credentials(),
                pool.breakerScope()));
        return config.withBackends(backends);
    }
}
