package dev.switchboard.bench;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.telemetry.client.ConnectionState;
import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.feed.FeedListener;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.GatewayFeed;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.IntervalStats;
import dev.switchboard.console.feed.MemberFrame;
import dev.switchboard.console.feed.OverrideFrame;
import dev.switchboard.console.feed.PoolFrame;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.engine.breaker.ForceAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A gateway that exists only as a stream of frames: {@code backends} backends in pools of ten, a new frame with fresh
 * statistics {@code updatesPerSecond} times a second, and now and then a breaker that trips and recovers.
 */
final class SyntheticGatewayFeed implements GatewayFeed, GatewayControl {

    private static final int POOL_SIZE = 10;

    private final String id;
    private final int backends;
    private final int updatesPerSecond;
    private final SplittableRandom random;
    private final ScheduledExecutorService thread;
    private final BreakerState[] breakers;
    private long sequence;

    SyntheticGatewayFeed(String id, int backends, int updatesPerSecond, long seed) {
        this.id = id;
        this.backends = backends;
        this.updatesPerSecond = updatesPerSecond;
        this.random = new SplittableRandom(seed);
        this.breakers = new BreakerState[backends];
        java.util.Arrays.fill(breakers, BreakerState.CLOSED);
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("synthetic-" + id).factory());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void start(FeedListener listener) {
        long period = 1000 / updatesPerSecond;
        thread.scheduleAtFixedRate(() -> publish(listener), 0, period, TimeUnit.MILLISECONDS);
    }

    private void publish(FeedListener listener) {
        sequence++;
        Instant now = Instant.now();
        List<BackendFrame> backendFrames = new ArrayList<>(backends);
        Map<String, IntervalStats> stats = new HashMap<>();
        for (int b = 0; b < backends; b++) {
            if (random.nextInt(2_000) == 0) {
                BreakerState next = breakers[b] == BreakerState.CLOSED ? BreakerState.OPEN : BreakerState.CLOSED;
                listener.event(new ConsoleEvent(now, id, name(b), EventKind.BREAKER, next == BreakerState.OPEN,
                        "breaker " + breakers[b] + " -> " + next + ": synthetic"));
                breakers[b] = next;
            }
            boolean open = breakers[b] == BreakerState.OPEN;
            backendFrames.add(new BackendFrame(name(b), AdminState.ENABLED,
                    open ? Availability.UNAVAILABLE_BREAKER : Availability.AVAILABLE, open ? "breaker open" : "available",
                    breakers[b], open ? Duration.ofSeconds(10) : null, List.of()));
            long requests = open ? 0 : 50 + random.nextInt(50);
            stats.put(name(b), new IntervalStats(requests, 0, random.nextInt(3), 5 + random.nextDouble(5),
                    20 + random.nextDouble(10), 50 + random.nextDouble(50), Duration.ofMillis(1000 / updatesPerSecond)));
        }
        List<PoolFrame> pools = new ArrayList<>();
        for (int p = 0; p * POOL_SIZE < backends; p++) {
            List<MemberFrame> members = new ArrayList<>();
            for (int b = p * POOL_SIZE; b < Math.min(backends, (p + 1) * POOL_SIZE); b++) {
                members.add(new MemberFrame(name(b), 50, 1 + b % 2, backendFrames.get(b).availability(), backendFrames.get(b).reason()));
            }
            pools.add(new PoolFrame("pool-" + p, members));
        }
        listener.frame(new GatewayFrame(id, id, ConnectionState.LIVE, "synthetic", 1, "hash", now, backendFrames, pools,
                sequence, stats, List.of()));
    }

    private static String name(int b) {
        return "backend-" + b;
    }

    @Override
    public GatewayControl control() {
        return this;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    @Override
    public CompletableFuture<Void> setWeight(String poolId, String backendId, int weight) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> setPriority(String poolId, String backendId, int priority) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> setAdminState(String backendId, AdminState state) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> forceBreaker(String backendId, ForceAction action) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<VersionedConfig> config() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("a synthetic gateway has no config"));
    }

    @Override
    public CompletableFuture<List<OverrideFrame>> overridesStillWinning(GatewayConfig next, long expectedVersion) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("a synthetic gateway has no config"));
    }

    @Override
    public CompletableFuture<Void> clearOverride(OverrideFrame override) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("a synthetic gateway has no overrides"));
    }

    @Override
    public CompletableFuture<Void> clearOverrides() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("a synthetic gateway has no overrides"));
    }

    @Override
    public CompletableFuture<Long> applyConfig(GatewayConfig next, long expectedVersion) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("a synthetic gateway has no config"));
    }

    @Override
    public CompletableFuture<List<String>> disableEndpoint(String profile, String endpoint) {
        return noProfiles();
    }

    @Override
    public CompletableFuture<List<String>> enableEndpoint(String profile, String endpoint) {
        return noProfiles();
    }

    @Override
    public CompletableFuture<List<String>> failOverTo(String profile, String endpoint) {
        return noProfiles();
    }

    @Override
    public CompletableFuture<List<String>> clearFailover(String profile) {
        return noProfiles();
    }

    private static CompletableFuture<List<String>> noProfiles() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("a synthetic gateway has no traffic profiles"));
    }
}
