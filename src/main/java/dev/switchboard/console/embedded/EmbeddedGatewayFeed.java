package dev.switchboard.console.embedded;

import dev.switchboard.console.feed.FeedListener;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.GatewayFeed;
import dev.switchboard.console.feed.IntervalStats;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.EngineListener;
import dev.switchboard.gateway.Gateway;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Feed over a gateway running in this process: engine snapshots every {@link #SAMPLE_PERIOD} and right after every
 * engine event, statistics cut every {@link #STATS_INTERVAL}, engine events as they happen.
 */
public final class EmbeddedGatewayFeed implements GatewayFeed {

    private static final System.Logger LOG = System.getLogger(EmbeddedGatewayFeed.class.getName());
    static final Duration SAMPLE_PERIOD = Duration.ofMillis(250);
    static final Duration STATS_INTERVAL = Duration.ofSeconds(1);

    private final String id;
    private final Gateway gateway;
    private final BackendStatsRecorder stats;
    private final ScheduledExecutorService sampler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("embedded-sampler").factory());
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("embedded-control").factory());
    private final GatewayControl control;
    private EngineListener engineListener;
    // Touched by the sampler thread only.
    private long statsSequence;
    private Map<String, IntervalStats> lastStats = Map.of();
    private long nextStatsCut;

    /**
     * @param stats per-backend statistics of the traffic this gateway serves (the console cannot see other clients'
     *              requests of an embedded gateway)
     */
    public EmbeddedGatewayFeed(String id, Gateway gateway, BackendStatsRecorder stats) {
        this.id = id;
        this.gateway = gateway;
        this.stats = stats;
        this.control = new EmbeddedGatewayControl(id, gateway, worker);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized void start(FeedListener listener) {
        Engine engine = gateway.engine();
        engineListener = e -> {
            EngineEvents.toConsole(id, e).ifPresent(listener::event);
            // A state change is worth a frame now rather than at the next tick (runs under the engine's lock:
            // only enqueue).
            sampler.execute(() -> sample(listener));
        };
        engine.addListener(engineListener);
        nextStatsCut = System.nanoTime() + STATS_INTERVAL.toNanos();
        sampler.scheduleAtFixedRate(() -> sample(listener), 0, SAMPLE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sample(FeedListener listener) {
        try {
            publish(listener);
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep sampling.
            LOG.log(System.Logger.Level.WARNING, "sampling gateway '" + id + "' failed", e);
        }
    }

    private void publish(FeedListener listener) {
        long now = System.nanoTime();
        if (now >= nextStatsCut) {
            lastStats = stats.drain(STATS_INTERVAL);
            statsSequence++;
            nextStatsCut += STATS_INTERVAL.toNanos();
        }
        listener.frame(SnapshotFrames.frame(id, gateway.config().gateway().id(), gateway.engine().snapshot(),
                statsSequence, lastStats));
    }

    @Override
    public GatewayControl control() {
        return control;
    }

    @Override
    public synchronized void close() {
        if (engineListener != null) {
            gateway.engine().removeListener(engineListener);
        }
        sampler.shutdownNow();
        worker.shutdownNow();
    }
}
