package dev.switchboard.console.embedded;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.StaleVersionException;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.breaker.ForceAction;
import dev.switchboard.gateway.Gateway;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** Commands to the in-process gateway, run one at a time on a worker so the FX thread never takes the engine lock. */
final class EmbeddedGatewayControl implements GatewayControl {

    private final String gatewayId;
    private final Gateway gateway;
    private final Engine engine;
    private final ExecutorService worker;

    EmbeddedGatewayControl(String gatewayId, Gateway gateway, ExecutorService worker) {
        this.gatewayId = gatewayId;
        this.gateway = gateway;
        this.engine = gateway.engine();
        this.worker = worker;
    }

    @Override
    public CompletableFuture<Void> setWeight(String poolId, String backendId, int weight) {
        return CompletableFuture.runAsync(() -> engine.setWeight(poolId, backendId, weight), worker);
    }

    @Override
    public CompletableFuture<Void> setPriority(String poolId, String backendId, int priority) {
        return CompletableFuture.runAsync(() -> engine.setPriority(poolId, backendId, priority), worker);
    }

    @Override
    public CompletableFuture<Void> setAdminState(String backendId, AdminState state) {
        return CompletableFuture.runAsync(() -> engine.setAdminState(backendId, state), worker);
    }

    @Override
    public CompletableFuture<Void> forceBreaker(String backendId, ForceAction action) {
        return CompletableFuture.runAsync(() -> engine.forceBreaker(backendId, action), worker);
    }

    @Override
    public CompletableFuture<VersionedConfig> config() {
        // Config and version are read together on the worker, which is the only writer, so they match.
        return CompletableFuture.supplyAsync(() -> new VersionedConfig(engine.config(), engine.version()), worker);
    }

    @Override
    public CompletableFuture<Long> applyConfig(GatewayConfig next, long expectedVersion) {
        return CompletableFuture.supplyAsync(() -> {
            long actual = engine.version();
            if (actual != expectedVersion) {
                throw new StaleVersionException(gatewayId, expectedVersion, actual);
            }
            gateway.applyConfig(next);
            return engine.version();
        }, worker);
    }
}
