package dev.switchboard.console.embedded;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.ConsoleEvents;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.OverrideFrame;
import dev.switchboard.console.feed.StaleVersionException;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.RuntimeOverrides;
import dev.switchboard.engine.breaker.ForceAction;
import dev.switchboard.dns.ProfileSnapshot;
import dev.switchboard.dns.TrafficProfiles;
import dev.switchboard.gateway.Gateway;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Commands to the in-process gateway, run one at a time on a worker so the FX thread never takes the engine lock. */
final class EmbeddedGatewayControl implements GatewayControl {

    /** Who the operator records of DNS actions name: the in-process console has no token. */
    static final String OPERATOR = "console";

    private final String gatewayId;
    private final Gateway gateway;
    private final Engine engine;
    private final ExecutorService worker;
    private final Consumer<ConsoleEvent> operatorLog;
    private final EmbeddedOverrides overrides;

    /**
     * @param operatorLog receives a record of each applied DNS action, as the control channel's audit has it (the
     *                    engine reports backend changes itself)
     */
    EmbeddedGatewayControl(String gatewayId, Gateway gateway, ExecutorService worker, Consumer<ConsoleEvent> operatorLog,
                           EmbeddedOverrides overrides) {
        this.gatewayId = gatewayId;
        this.gateway = gateway;
        this.engine = gateway.engine();
        this.worker = worker;
        this.operatorLog = operatorLog;
        this.overrides = overrides;
    }

    @Override
    public CompletableFuture<Void> setWeight(String poolId, String backendId, int weight) {
        return CompletableFuture.runAsync(() -> {
            engine.setWeight(poolId, backendId, weight);
            overrides.recordSet(RuntimeOverrides.Kind.WEIGHT, poolId, backendId, Integer.toString(weight));
        }, worker);
    }

    @Override
    public CompletableFuture<Void> setPriority(String poolId, String backendId, int priority) {
        return CompletableFuture.runAsync(() -> {
            engine.setPriority(poolId, backendId, priority);
            overrides.recordSet(RuntimeOverrides.Kind.PRIORITY, poolId, backendId, Integer.toString(priority));
        }, worker);
    }

    @Override
    public CompletableFuture<Void> setAdminState(String backendId, AdminState state) {
        return CompletableFuture.runAsync(() -> {
            engine.setAdminState(backendId, state);
            overrides.recordSet(RuntimeOverrides.Kind.ADMIN_STATE, null, backendId, state.name());
        }, worker);
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

    /** Audited like the control channel's {@code clearOverride}: before the override, after the config's value. */
    @Override
    public CompletableFuture<Void> clearOverride(OverrideFrame override) {
        return CompletableFuture.runAsync(() -> {
            engine.clearOverride(RuntimeOverrides.Kind.ofJsonName(override.kind()), override.pool(), override.backend());
            operatorLog.accept(ConsoleEvents.operatorAction(Instant.now(), gatewayId, OPERATOR, "clearOverride",
                    override.target(), override.kind() + " " + override.value(),
                    override.kind() + " " + override.configValue() + " (config)", engine.version()));
        }, worker);
    }

    @Override
    public CompletableFuture<Void> clearOverrides() {
        return CompletableFuture.runAsync(() -> {
            String before = engine.overrides().entries().stream().map(e -> e + " " + e.value())
                    .collect(Collectors.joining(", "));
            engine.clearOverrides();
            operatorLog.accept(ConsoleEvents.operatorAction(Instant.now(), gatewayId, OPERATOR, "clearOverrides",
                    "overrides", before.isEmpty() ? "none" : before, "none", engine.version()));
        }, worker);
    }

    @Override
    public CompletableFuture<List<OverrideFrame>> overridesStillWinning(GatewayConfig next, long expectedVersion) {
        return CompletableFuture.supplyAsync(() -> {
            long actual = engine.version();
            if (actual != expectedVersion) {
                throw new StaleVersionException(gatewayId, expectedVersion, actual);
            }
            return overrides.of(engine.overrides().retainExisting(next), next);
        }, worker);
    }

    @Override
    public CompletableFuture<List<String>> disableEndpoint(String profile, String endpoint) {
        return dns("dns.disableEndpoint", profile, profile + "/" + endpoint, p -> p.disableEndpoint(profile, endpoint));
    }

    @Override
    public CompletableFuture<List<String>> enableEndpoint(String profile, String endpoint) {
        return dns("dns.enableEndpoint", profile, profile + "/" + endpoint, p -> p.enableEndpoint(profile, endpoint));
    }

    @Override
    public CompletableFuture<List<String>> failOverTo(String profile, String endpoint) {
        return dns("dns.failOverTo", profile, profile + "/" + endpoint, p -> p.failOverTo(profile, endpoint));
    }

    @Override
    public CompletableFuture<List<String>> clearFailover(String profile) {
        return dns("dns.clearFailover", profile, profile, p -> p.clearFailover(profile));
    }

    /** Applies a DNS action and records it like the control channel's audit does (its command type as action). */
    private CompletableFuture<List<String>> dns(String action, String profile, String target,
                                                Function<TrafficProfiles, ProfileSnapshot> change) {
        return CompletableFuture.supplyAsync(() -> {
            TrafficProfiles profiles = gateway.trafficProfiles();
            ProfileSnapshot before = profiles.snapshot(profile);
            ProfileSnapshot after = change.apply(profiles);
            operatorLog.accept(ConsoleEvents.operatorAction(Instant.now(), gatewayId, OPERATOR, action, target,
                    before.describeAnswer(), after.describeAnswer(), engine.version()));
            return after.exists() ? after.answer() : List.<String>of();
        }, worker);
    }
}
