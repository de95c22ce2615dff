package dev.switchboard.engine;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.engine.routing.Router;
import java.util.Map;

/**
 * Everything a pick reads, published as one volatile reference and replaced whole on every change, so a pick
 * sees one consistent version and requests in flight keep their handles.
 *
 * @param nextDeadlineNanos earliest time a status changes by itself (trip end, ramp step); Long.MAX_VALUE when
 *                          none, which lets picks skip reading the clock
 */
record LiveState(GatewayConfig config, RuntimeOverrides overrides, long version, String hash,
                 Map<String, BackendStatus> statuses, Map<String, PoolBalancer> targets, Router router,
                 long nextDeadlineNanos) {
}
