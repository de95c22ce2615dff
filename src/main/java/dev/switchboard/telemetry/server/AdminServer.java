package dev.switchboard.telemetry.server;

import dev.switchboard.config.HostPort;
import dev.switchboard.config.AdminConfig;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.netty.Transports;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway's admin listener: telemetry stream ({@code /telemetry}), {@code /metrics}, {@code /api/state},
 * {@code /api/config} and {@code /healthz} on one port. Also restores saved runtime overrides at start and keeps the
 * audit log. See docs/telemetry.md.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    /** Audit records replayed into the recent-events ring at start, so a console sees what operators did before. */
    private static final int AUDIT_REPLAY = 50;
    /** A console's kernel send buffer; small, so a console that stops reading is noticed after kilobytes, not megabytes. */
    private static final int SEND_BUFFER = 64 * 1024;

    private final EventLoopGroup group;
    private final Channel listener;
    private final TelemetryHub hub;
    private final ControlPlane control;
    private final TelemetrySocketServer sockets;
    private final ExecutorService worker;
    private final AuditLog audit;

    private AdminServer(EventLoopGroup group, Channel listener, TelemetryHub hub, ControlPlane control, TelemetrySocketServer sockets,
                        ExecutorService worker, AuditLog audit) {
        this.group = group;
        this.listener = listener;
        this.hub = hub;
        this.control = control;
        this.sockets = sockets;
        this.worker = worker;
        this.audit = audit;
    }

    /**
     * Restores saved overrides, then starts listening on {@code admin.listen()}.
     *
     * @param configFile the gateway's config file: the audit log and the overrides file live beside it
     */
    public static AdminServer start(Gateway gateway, AdminConfig admin, Path configFile) {
        return start(gateway, admin, configFile, TelemetryLimits.DEFAULTS);
    }

    public static AdminServer start(Gateway gateway, AdminConfig admin, Path configFile, TelemetryLimits limits) {
        return start(gateway, admin, configFile, configFile.toAbsolutePath().getParent(), limits);
    }

    /**
     * As {@link #start(Gateway, AdminConfig, Path)}, with the overrides file and a relative (or the default) audit log
     * in {@code stateDir} instead of beside the config: a service's config directory is read-only.
     */
    public static AdminServer start(Gateway gateway, AdminConfig admin, Path configFile, Path stateDir, TelemetryLimits limits) {
        Path dir = configFile.toAbsolutePath().getParent();
        AuditLog audit = new AuditLog(stateDir.toAbsolutePath().resolve(admin.auditLog() == null ? "switchboard-audit.jsonl" : admin.auditLog()));
        OverrideStore overrides = new OverrideStore(configFile, stateDir);
        List<TelemetryEvent> history;
        OverrideViews overrideViews = new OverrideViews();
        try {
            int restored = overrides.restore(gateway.engine());
            if (restored > 0) {
                LOG.info("re-applied {} runtime override(s) from {}", restored, overrides.file());
            }
            List<TelemetryEvent.OperatorAction> past = audit.read();
            past.forEach(overrideViews::record);
            history = List.copyOf(past.subList(Math.max(0, past.size() - AUDIT_REPLAY), past.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the overrides file or the audit log", e);
        }
        TelemetryHub hub = new TelemetryHub(gateway, admin.statsPeriod(), limits, overrideViews);
        ControlPlane control = new ControlPlane(gateway, audit, overrides, overrideViews, hub);
        gateway.engine().addListener(control);
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("admin-http").factory());
        EventLoopGroup group = AdminTransport.eventLoopGroup("admin-" + gateway.config().gateway().id());
        SslContext tls = admin.tls() == null ? null : AdminTlsContext.load(admin.tls(), dir);
        ConsoleLinks links = new ConsoleLinks();
        CommandBudgets budgets = new CommandBudgets(limits);
        TelemetrySocketServer sockets = new TelemetrySocketServer(hub, control, limits, budgets, secret, links);
        try {
            sockets.startAndWait();
            TelemetryBridge bridge = new TelemetryBridge(new InetSocketAddress("127.0.0.1", sockets.getPort()), secret, links);
            Authenticator auth = new Authenticator(admin);
            HistoryEndpoints historyEndpoints = new HistoryEndpoints(gateway.config().gateway().id(), hub, audit);
            Channel listener = Transports.bind(new ServerBootstrap()
                    .group(group)
                    .channel(AdminTransport.SERVER_CHANNEL)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.SO_SNDBUF, SEND_BUFFER)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            if (tls != null) {
                                ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                            }
                            // Timers and the token check come before the aggregator: nothing is buffered for a client
                            // that is not authenticated, or for longer than a request may take.
                            ch.pipeline().addLast(new HttpServerCodec(), new AdminHttpTimers(), new AdminGate(auth, admin.allowedOrigins()),
                                    new HttpObjectAggregator(limits.maxMessageBytes()),
                                    new AdminHttpHandler(gateway, hub, control, budgets, bridge, historyEndpoints, worker));
                        }
                    }), HostPort.parse(admin.listen()).socketAddress());
            hub.start(List.copyOf(history));
            gateway.addConfigSourceListener(source -> hub.publish(new TelemetryEvent.ConfigSource(source.since().toEpochMilli(), source.source(),
                    source.connected(), source.detail())));
            AdminServer server = new AdminServer(group, listener, hub, control, sockets, worker, audit);
            LOG.info("admin listener on {}://{} (telemetry {}://…:{}/telemetry, stats every {} ms, audit log {})", tls == null ? "http" : "https",
                    Gateway.format(server.address()), tls == null ? "ws" : "wss", server.port(), admin.statsPeriod().toMillis(), audit.file());
            return server;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("interrupted while starting the admin listener", e);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    /** Consoles connected to the stream now. */
    public int consoles() {
        return hub.consoles();
    }

    /** Where operator changes are recorded. */
    public Path auditLog() {
        return audit.file();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        hub.close();
        control.close();
        try {
            sockets.stop(1000, "gateway shutting down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdown();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
