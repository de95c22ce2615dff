package dev.switchboard.console.feed;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.breaker.ForceAction;
import java.util.concurrent.CompletableFuture;

/**
 * Commands to one gateway. Every method returns at once; the future completes, off the FX thread, when the
 * gateway acknowledged or refused the command.
 */
public interface GatewayControl {

    CompletableFuture<Void> setWeight(String poolId, String backendId, int weight);

    CompletableFuture<Void> setPriority(String poolId, String backendId, int priority);

    CompletableFuture<Void> setAdminState(String backendId, AdminState state);

    CompletableFuture<Void> forceBreaker(String backendId, ForceAction action);

    /** The config the gateway runs now, with the version it had when read. */
    CompletableFuture<VersionedConfig> config();

    /**
     * Applies {@code next} unless the gateway moved past {@code expectedVersion} meanwhile; then the future fails
     * with {@link StaleVersionException} and nothing changes.
     *
     * @return the gateway's new version
     */
    CompletableFuture<Long> applyConfig(GatewayConfig next, long expectedVersion);

    record VersionedConfig(GatewayConfig config, long version) {
    }
}
