package dev.switchboard.console.embedded;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.EffectiveTimeouts;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.feed.ConsoleEvents;
import dev.switchboard.console.feed.FeedListener;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.GatewayFeed;
import dev.switchboard.console.feed.IntervalStats;
import dev.switchboard.dns.ProfileListener;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.EngineListener;
import dev.switchboard.gateway.Gateway;
import java.net.InetSocketAddress;
import dev.switchboard.notify.DeadLetter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Feed over a gateway running in this process: engine and traffic-profile snapshots every {@link #SAMPLE_PERIOD} and
 * right after every engine or profile event, the gateway's own per-backend statistics cut every
 * {@link #STATS_INTERVAL}, engine and profile events as they happen (worded as a remote gateway's telemetry has them).
 */
public final class EmbeddedGatewayFeed implements GatewayFeed {

    private static final System.Logger LOG = System.getLogger(EmbeddedGatewayFeed.class.getName());
    static final Duration SAMPLE_PERIOD = Duration.ofMillis(250);
    static final Duration STATS_INTERVAL = Duration.ofSeconds(1);

    private final String id;
    private final Gateway gateway;
    private final ScheduledExecutorService sampler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("embedded-sampler").factory());
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("embedded-control").factory());
    private final GatewayControl control;
    private final EmbeddedOverrides overrides = new EmbeddedOverrides();
    private EngineListener engineListener;
    private ProfileListener profileListener;
    private Consumer<DeadLetter> deadLetterListener;
    /** Where the control's operator records go; set by {@link #start}. */
    private volatile FeedListener eventSink;
    // Touched by the sampler thread only.
    private long statsSequence;
    /** The route timeouts of the config last sampled, worked out again only when the config changes. */
    private GatewayConfig timeoutsOf;
    private EffectiveTimeouts timeouts;
    private Map<String, IntervalStats> lastStats = Map.of();
    private long nextStatsCut;
    private long lastStatsCut;

    public EmbeddedGatewayFeed(String id, Gateway gateway) {
        this.id = id;
        this.gateway = gateway;
        this.control = new EmbeddedGatewayControl(id, gateway, worker, event -> {
            FeedListener l = eventSink;
            if (l != null) {
                l.event(event);
            }
        }, overrides);
    }

    @Override
    public String dnsResponder() {
        InetSocketAddress address = gateway.dnsAddress();
        return address == null ? "none (the config has no dns section)"
                : address.getHostString() + ":" + address.getPort();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized void start(FeedListener listener) {
        eventSink = listener;
        Engine engine = gateway.engine();
        engineListener = e -> {
            EngineEvents.toConsole(id, e).ifPresent(listener::event);
            // A state change is worth a frame now rather than at the next tick (runs under the engine's lock:
            // only enqueue).
            sampler.execute(() -> sample(listener));
        };
        engine.addListener(engineListener);
        profileListener = e -> {
            listener.event(ProfileEvents.toConsole(id, e));
            sampler.execute(() -> sample(listener));
        };
        gateway.trafficProfiles().addListener(profileListener);
        deadLetterListener = d -> listener.event(ConsoleEvents.notificationFailed(d.at(), id, d.target(), d.eventType(), d.attempts(),
                d.reason(), d.lastError()));
        gateway.notifications().onDeadLetter(deadLetterListener);
        lastStatsCut = System.nanoTime();
        nextStatsCut = lastStatsCut + STATS_INTERVAL.toNanos();
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
            lastStats = cutStats(Duration.ofNanos(now - lastStatsCut));
            lastStatsCut = now;
            statsSequence++;
            nextStatsCut += STATS_INTERVAL.toNanos();
        }
        Engine engine = gateway.engine();
        GatewayConfig config = gateway.config();
        if (config != timeoutsOf) {
            timeouts = EffectiveTimeouts.of(config);
            timeoutsOf = config;
        }
        listener.frame(SnapshotFrames.frame(id, config.gateway().id(), engine.snapshot(), timeouts,
                statsSequence, lastStats, gateway.trafficProfiles().snapshot(),
                overrides.of(engine.overrides(), engine.config())));
    }

    /**
     * The gateway's counters of every single backend since the previous cut: what any client sent through it, the
     * numbers its telemetry would report. Intervals may be cut by one reader only; the console's embedded gateway
     * runs no admin listener, so this sampler is that reader.
     */
    private Map<String, IntervalStats> cutStats(Duration interval) {
        Map<String, IntervalStats> cut = new HashMap<>();
        long at = System.currentTimeMillis();
        for (BackendConfig backend : gateway.config().backends().values()) {
            if (!backend.isPool()) {
                cut.put(backend.id(), IntervalStats.of(gateway.stats().backend(backend.id()).cutInterval(), interval, at));
            }
        }
        return cut;
    }

    @Override
    public GatewayControl control() {
        return control;
    }

    @Override
    public synchronized void close() {
        if (engineListener != null) {
            gateway.engine().removeListener(engineListener);
            gateway.trafficProfiles().removeListener(profileListener);
            gateway.notifications().removeDeadLetterListener(deadLetterListener);
        }
        sampler.shutdownNow();
        worker.shutdownNow();
    }
}
