package dev.switchboard.console.common;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.feed.FeedListener;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.GatewayFeed;
import dev.switchboard.console.feed.OverrideFrame;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.breaker.ForceAction;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/** A gateway for view-model tests: records each command as a line, or refuses it with "no!". */
public final class FakeGateway implements GatewayFeed, GatewayControl {

    private final String id;
    private final List<String> commands;
    private final BooleanSupplier refuse;
    /** What DNS actions answer with. */
    public List<String> dnsAnswer = List.of();

    public FakeGateway(String id, List<String> commands, BooleanSupplier refuse) {
        this.id = id;
        this.commands = commands;
        this.refuse = refuse;
    }

    private <T> CompletableFuture<T> record(String command, T result) {
        if (refuse.getAsBoolean()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no!"));
        }
        commands.add(command);
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void start(FeedListener listener) {
    }

    @Override
    public GatewayControl control() {
        return this;
    }

    @Override
    public void close() {
    }

    @Override
    public CompletableFuture<Void> setWeight(String poolId, String backendId, int weight) {
        return record("weight " + poolId + "/" + backendId + " " + weight, null);
    }

    @Override
    public CompletableFuture<Void> setPriority(String poolId, String backendId, int priority) {
        return record("priority " + poolId + "/" + backendId + " " + priority, null);
    }

    @Override
    public CompletableFuture<Void> setAdminState(String backendId, AdminState state) {
        return record("admin " + backendId + " " + state, null);
    }

    @Override
    public CompletableFuture<Void> forceBreaker(String backendId, ForceAction action) {
        return record("force " + backendId + " " + action, null);
    }

    @Override
    public CompletableFuture<VersionedConfig> config() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public CompletableFuture<Long> applyConfig(GatewayConfig next, long expectedVersion) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public CompletableFuture<Void> clearOverride(OverrideFrame override) {
        return record("clear " + override.kind() + " " + override.target(), null);
    }

    @Override
    public CompletableFuture<Void> clearOverrides() {
        return record("clear overrides", null);
    }

    @Override
    public CompletableFuture<List<OverrideFrame>> overridesStillWinning(GatewayConfig next, long expectedVersion) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public CompletableFuture<List<String>> disableEndpoint(String profile, String endpoint) {
        return record("disable " + profile + "/" + endpoint, dnsAnswer);
    }

    @Override
    public CompletableFuture<List<String>> enableEndpoint(String profile, String endpoint) {
        return record("enable " + profile + "/" + endpoint, dnsAnswer);
    }

    @Override
    public CompletableFuture<List<String>> failOverTo(String profile, String endpoint) {
        return record("failover " + profile + "/" + endpoint, dnsAnswer);
    }

    @Override
    public CompletableFuture<List<String>> clearFailover(String profile) {
        return record("clear failover " + profile, dnsAnswer);
    }
}
