package dev.switchboard.gateway;

import dev.switchboard.config.HostPort;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.DnsConfig;
import dev.switchboard.config.GatewaySettings;
import dev.switchboard.dns.TrafficProfiles;
import dev.switchboard.dns.server.DnsResponder;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.Ticker;
import dev.switchboard.netty.Transports;
import dev.switchboard.notify.Notifier;
import dev.switchboard.gateway.stats.TrafficStats;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway: one HTTP/1.1 listener proxying to the backends of a {@link GatewayConfig}.
 *
 * <p>With a {@code dns} section it also answers DNS for its traffic profiles and monitors their endpoints.
 *
 * <p>{@link #applyConfig} swaps routes, backends, policies and traffic profiles atomically; a request keeps the config
 * it started with. The listener addresses and event-loop count are fixed at start. {@link #close(Duration)} stops accepting,
 * lets in-flight requests finish within the drain time, then closes everything.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /** How often the traffic profiles' monitors look for due probes; intervals are honoured to this precision. */
    private static final Duration MONITOR_TICK = Duration.ofMillis(100);

    private final EventLoopGroup group;
    private final Channel listener;
    private final ChannelGroup clients;
    private final GatewayRuntime runtime;
    private final Engine engine;
    private final TrafficProfiles profiles;
    private final Notifier notifier;
    private HealthProber prober;
    private DnsResponder dns;
    private ScheduledFuture<?> monitors;
    private boolean closed;
    private volatile ConfigSourceStatus configSource;
    private final List<Consumer<ConfigSourceStatus>> configSourceListeners = new CopyOnWriteArrayList<>();

    private Gateway(EventLoopGroup group, Channel listener, ChannelGroup clients, GatewayRuntime runtime, TrafficProfiles profiles,
                    Notifier notifier) {
        this.group = group;
        this.listener = listener;
        this.clients = clients;
        this.runtime = runtime;
        this.engine = runtime.engine();
        this.profiles = profiles;
        this.notifier = notifier;
    }

    /** Starts on the config's listen address. */
    public static Gateway start(GatewayConfig config) {
        return start(config, HostPort.parse(config.gateway().listen()).socketAddress());
    }

    /** Starts on {@code listen} instead of the config's address (port 0 picks a free port). */
    public static Gateway start(GatewayConfig config, InetSocketAddress listen) {
        Objects.requireNonNull(config, "config");
        GatewaySettings settings = config.gateway();
        int threads = settings.eventLoops() > 0 ? settings.eventLoops() : Runtime.getRuntime().availableProcessors();
        SslContext ssl = settings.tls() == null ? null : ListenerSsl.context(settings.tls());
        // ThreadLocalRandom.current() is safe to share: it always draws from the calling thread's state.
        GatewayRuntime runtime;
        try {
            runtime = new GatewayRuntime(new Engine(config, Ticker.system(), ThreadLocalRandom.current()), ssl == null ? "http" : "https",
                    settings.accessLog());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the access log " + settings.accessLog().path() + ": " + e.getMessage(), e);
        }
        EventLoopGroup group = Transports.eventLoopGroup(threads, "gateway-" + settings.id());
        ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        try {
            Channel listener = Transports.bind(Transports.readFromRing(new ServerBootstrap())
                    .group(group)
                    .channel(Transports.serverChannelClass())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.ALLOCATOR, GatewayRuntime.ALLOCATOR)
                    .childHandler(new GatewayChannelInitializer(runtime, settings.maxHeaderSize(), clients, ssl)),
                    listen);
            TrafficProfiles profiles = new TrafficProfiles(Ticker.system(), ThreadLocalRandom.current());
            profiles.apply(config);
            DnsResponder dns = config.dns() == null ? null
                    : DnsResponder.start(HostPort.parse(config.dns().listen()).socketAddress(), profiles, threads);
            Notifier notifier = Notifier.start(settings.id(), runtime.engine(), config.notifications());
            runtime.engine().addListener(notifier);
            profiles.addListener(notifier);
            Gateway gateway = new Gateway(group, listener, clients, runtime, profiles, notifier);
            gateway.dns = dns;
            gateway.prober = HealthProber.start(config, group, runtime);
            EndpointProbes probes = new EndpointProbes(group, runtime);
            gateway.monitors = group.next().scheduleAtFixedRate(() -> runMonitors(profiles, probes), 0, MONITOR_TICK.toMillis(),
                    TimeUnit.MILLISECONDS);
            LOG.info("gateway '{}' listening on {}://{} ({} event loops, {} transport)", settings.id(), runtime.scheme(),
                    format(gateway.address()), threads, Transports.selected().label());
            return gateway;
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            runtime.closeAccessLog();
            throw e;
        }
    }

    /** Starts the traffic profiles' due probes; a failure must not end the schedule, which would stop monitoring. */
    private static void runMonitors(TrafficProfiles profiles, EndpointProbes probes) {
        try {
            profiles.runDueProbes(probes);
        } catch (RuntimeException e) {
            LOG.error("traffic profile monitors failed", e);
        }
    }

    /** The bound listener address (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    /** The config new requests use. */
    public GatewayConfig config() {
        return engine.config();
    }

    /** The balancing engine: breaker and pool state, snapshots and runtime overrides. */
    public Engine engine() {
        return engine;
    }

    /**
     * The traffic profiles: DNS answers, endpoint monitor status and the operator's DNS fail-over actions. A console
     * reads {@link TrafficProfiles#snapshot()} and listens with {@link TrafficProfiles#addListener}.
     */
    public TrafficProfiles trafficProfiles() {
        return profiles;
    }

    /** Where the DNS responder listens (UDP and TCP), or null when the config has no {@code dns} section. */
    public InetSocketAddress dnsAddress() {
        return dns == null ? null : dns.address();
    }

    /** The webhook targets of the config's {@code notifications}: their counters, dead letters, and events to send. */
    public Notifier notifications() {
        return notifier;
    }

    /** Per-backend traffic counters, for telemetry and metrics. */
    public TrafficStats stats() {
        return runtime.stats();
    }

    /** The remote config source (a fleet) and whether it is reachable; null for a gateway that reads a file. */
    public ConfigSourceStatus configSource() {
        return configSource;
    }

    /** Set by whatever feeds this gateway its config from elsewhere (a fleet), whenever its reachability changes. */
    public void reportConfigSource(ConfigSourceStatus status) {
        configSource = status;
        for (Consumer<ConfigSourceStatus> l : configSourceListeners) {
            try {
                l.accept(status);
            } catch (RuntimeException e) {
                LOG.warn("config source listener failed", e);
            }
        }
    }

    /** Told of every {@link #reportConfigSource} (telemetry streams it to consoles). */
    public void addConfigSourceListener(Consumer<ConfigSourceStatus> listener) {
        configSourceListeners.add(listener);
    }

    /** Requests between head and end of response right now. */
    public int inFlightRequests() {
        return runtime.inFlight().count();
    }

    /**
     * Switches to {@code next} for every request that starts from now on; requests in flight finish with the config
     * they started with. Breaker and balancing state of backends that still exist is kept.
     */
    public synchronized void applyConfig(GatewayConfig next) {
        Objects.requireNonNull(next, "next");
        if (closed) {
            throw new IllegalStateException("gateway is closed");
        }
        GatewayConfig previous = engine.config();
        if (!previous.gateway().listen().equals(next.gateway().listen()) || previous.gateway().eventLoops() != next.gateway().eventLoops()
                || previous.gateway().maxHeaderSize() != next.gateway().maxHeaderSize()
                || !Objects.equals(previous.gateway().tls(), next.gateway().tls())
                || !Objects.equals(previous.gateway().accessLog(), next.gateway().accessLog())) {
            LOG.warn("listen address, event loops, maxHeaderSize, tls and the access log apply at the next start only; keeping {}",
                    format(address()));
        }
        if (!Objects.equals(listenOf(previous.dns()), listenOf(next.dns()))) {
            LOG.warn("the dns listener (started, stopped or moved) changes at the next start only; keeping {}",
                    dns == null ? "none" : format(dns.address()));
        }
        // Targets first, so one the new config adds hears that its config was applied.
        notifier.apply(next.notifications());
        engine.applyConfig(next);
        profiles.apply(next);
        prober.stop();
        prober = HealthProber.start(next, group, runtime);
        LOG.info("gateway '{}' applied a new config: {} apis, {} backends", next.gateway().id(), next.apis().size(), next.backends().size());
    }

    /**
     * Stops accepting, waits up to {@code drain} for in-flight requests, then closes all connections and threads.
     *
     * @return true when every in-flight request finished within the drain time
     */
    public synchronized boolean close(Duration drain) {
        if (closed) {
            return true;
        }
        closed = true;
        prober.stop();
        monitors.cancel(false);
        if (dns != null) {
            dns.close();
        }
        runtime.startDraining();
        listener.close().syncUninterruptibly();
        clients.forEach(ch -> ch.eventLoop().execute(() -> {
            ProxyFrontendHandler frontend = ch.pipeline().get(ProxyFrontendHandler.class);
            if (frontend != null) {
                frontend.closeIfIdle();
            }
        }));
        boolean drained;
        try {
            drained = runtime.inFlight().awaitIdle(drain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        if (!drained) {
            LOG.warn("drain time {} passed with {} request(s) in flight; closing them", drain, runtime.inFlight().count());
        }
        clients.close().awaitUninterruptibly();
        runtime.closeConnections(Duration.ofSeconds(1));
        runtime.closeResolver();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        runtime.closeAccessLog();
        notifier.close();
        LOG.info("gateway stopped");
        return drained;
    }

    /** Closes with the config's drain timeout. */
    @Override
    public void close() {
        close(engine.config().gateway().drainTimeout());
    }

    private static String listenOf(DnsConfig dns) {
        return dns == null ? null : dns.listen();
    }

    /** A bound address as host:port, for log lines (the real port when 0 was asked for). */
    public static String format(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
