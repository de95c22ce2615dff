package dev.switchboard.console.feed;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.breaker.ForceAction;
import java.util.List;
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

    /** Drops one runtime override (as listed in the frame's overrides): the config's value applies again. */
    CompletableFuture<Void> clearOverride(OverrideFrame override);

    /** Drops every runtime override. */
    CompletableFuture<Void> clearOverrides();

    /**
     * Checks {@code next} without applying it: the same version check as {@link #applyConfig}, and the runtime overrides
     * that would keep shadowing its values (with {@code configValue} from {@code next}).
     */
    CompletableFuture<List<OverrideFrame>> overridesStillWinning(GatewayConfig next, long expectedVersion);

    // DNS operator actions on traffic profiles (docs/dns.md). Each completes with what the profile answers
    // afterwards, empty for NXDOMAIN, or fails with the gateway's reason (unknown names, fail-over without
    // priority routing, a disabled fail-over target).

    /** Takes the endpoint out of every answer and stops probing it. */
    CompletableFuture<List<String>> disableEndpoint(String profile, String endpoint);

    /** Puts the endpoint back; a monitored profile probes it afresh. */
    CompletableFuture<List<String>> enableEndpoint(String profile, String endpoint);

    /** Promotes the endpoint above every priority while it serves (priority routing only). */
    CompletableFuture<List<String>> failOverTo(String profile, String endpoint);

    /** The configured priorities apply again. */
    CompletableFuture<List<String>> clearFailover(String profile);

    record VersionedConfig(GatewayConfig config, long version) {
    }
}
