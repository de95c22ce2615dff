package dev.switchboard.cli;

import dev.switchboard.config.HostPort;
import dev.switchboard.config.AccessLogConfig;
import dev.switchboard.config.AdminConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.GatewaySettings;
import dev.switchboard.config.WarmupConfig;
import dev.switchboard.fleet.FleetMember;
import dev.switchboard.fleet.MemberIdentity;
import dev.switchboard.gateway.ConfigWatcher;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.netty.LeakDetection;
import dev.switchboard.telemetry.server.AdminServer;
import dev.switchboard.telemetry.server.TelemetryLimits;
import dev.switchboard.warmup.GatewayWarmup;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard gateway --config FILE}: runs the gateway until SIGTERM/SIGINT, reloading the file when it
 * changes or on SIGHUP, and drains in-flight requests within {@code gateway.drainTimeout} on the way out. Its help is
 * the service's manual: the Debian package's systemd unit runs this command. With {@code --fleet} instead of
 * {@code --config}, the config comes from the fleet's etcd and the gateway registers there (see docs/fleet.md).
 */
@Command(name = "gateway",
        mixinStandardHelpOptions = true,
        description = {
            "Run the load-balancing gateway. The config file is watched and reloaded when it changes, and reloaded on SIGHUP;"
                + " a file with problems is rejected, every problem logged, and the running config kept.",
            "SIGTERM or SIGINT stops it: the listener closes, in-flight requests drain for up to gateway.drainTimeout, exit 0."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by a signal after draining", "1:the config has problems",
                "2:the file or the fleet cannot be read, or the listener cannot start"},
        footerHeading = "%nAs a service (the Debian package):%n",
        // One line each, under 80 columns: picocli would wrap longer ones without indenting them.
        footer = {
            "  The systemd template unit switchboard-gateway@.service runs instance NAME",
            "  as the system user switchboard:",
            "    switchboard gateway --config /etc/switchboard/NAME.json \\",
            "        --state-dir /var/lib/switchboard/NAME",
            "  It is installed, not enabled. Write the config first, starting from the",
            "  sample /etc/switchboard/example.json (format: docs/config.md):",
            "    sudo cp /etc/switchboard/example.json /etc/switchboard/NAME.json",
            "    switchboard validate /etc/switchboard/NAME.json",
            "    sudo systemctl enable --now switchboard-gateway@NAME",
            "    sudo systemctl reload switchboard-gateway@NAME   # validate, then SIGHUP",
            "    sudo systemctl stop switchboard-gateway@NAME     # SIGTERM: drain, exit",
            "    journalctl -u switchboard-gateway@NAME           # its stdout and stderr",
            "  The service may write only /var/lib/switchboard (overrides, audit log)",
            "  and /var/log/switchboard (access logs); the rest is read-only to it.",
            "  Its JVM collects with Parallel GC and a young generation of up to 256 MB",
            "  (JAVA_TOOL_OPTIONS=\"-XX:+UseParallelGC -XX:NewSize=60m -XX:MaxNewSize=256m\"",
            "  in the unit): a lower p99 than the default G1, and one pause a second, not eight."})
public final class GatewayCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayCommand.class);
    /** The bound GatewaySettingsBinder puts on gateway.eventLoops. */
    private static final int MAX_EVENT_LOOPS = 1024;
    /** Sets the warm-up's request count when neither --warmup nor gateway.warmup does (the build's tests set 0). */
    static final String WARMUP_ENV = "SWITCHBOARD_WARMUP";

    @Option(names = "--config", paramLabel = "FILE", description = "gateway config JSON")
    private Path file;

    @Option(names = "--fleet", paramLabel = "etcd://HOST:PORT[,HOST:PORT...]/FLEET",
            description = "follow this fleet's config in etcd and register there, instead of --config")
    private String fleet;

    @Option(names = "--id", paramLabel = "ID", description = "this gateway's id in the fleet (required with --fleet)")
    private String id;

    @Option(names = "--region", paramLabel = "NAME", description = "this gateway's region, instead of gateway.region of the config (APIM's context.Deployment.Region)")
    private String region;

    /** The fleet registration's lease when --lease-ttl is not given. */
    private static final int DEFAULT_LEASE_TTL_SECONDS = 10;

    @Option(names = "--lease-ttl", paramLabel = "SECONDS",
            description = "with --fleet: how long the registration outlives a gateway that died (default " + DEFAULT_LEASE_TTL_SECONDS + ")")
    private Integer leaseTtlSeconds;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "listen here instead of gateway.listen of the config")
    private String listen;

    @Option(names = "--admin", paramLabel = "HOST:PORT",
            description = "admin listener (telemetry, metrics, control) here instead of admin.listen of the config")
    private String admin;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "keep runtime overrides (FILE.overrides.json) and a relative or the default audit log here, created if missing;"
                    + " default: the config file's directory (with --fleet: the working directory)")
    private Path stateDir;

    @Option(names = "--access-log", paramLabel = "FILE|-",
            description = "write the access log to FILE, or - for standard output, instead of gateway.accessLog.path of the config")
    private String accessLog;

    @Option(names = "--event-loops", paramLabel = "N",
            description = "event-loop threads, instead of gateway.eventLoops of the config (0: one per core; 0-1024)")
    private Integer eventLoops;

    @Option(names = "--warmup", paramLabel = "N",
            description = "before listening, pre-warm the proxy path with N requests through a throwaway in-process gateway and backends,"
                    + " instead of gateway.warmup.requests of the config (0: off; default " + WarmupConfig.DEFAULT_REQUESTS
                    + ", at most gateway.warmup.maxMs)")
    private Integer warmup;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        // Main.main has done this already when it runs the gateway; again for a gateway run in-process.
        ReloadSignal.queueUntilReady();
        LeakDetection.offUnlessAsked();
        PrintWriter err = spec.commandLine().getErr();
        if ((file == null) == (fleet == null)) {
            err.println("give either --config FILE or --fleet etcd://HOST:PORT/FLEET");
            return ConfigFile.UNREADABLE;
        }
        if (eventLoops != null && (eventLoops < 0 || eventLoops > MAX_EVENT_LOOPS)) {
            err.println("--event-loops must be 0-" + MAX_EVENT_LOOPS + " (0: one per core), not " + eventLoops);
            return ConfigFile.UNREADABLE;
        }
        if (warmup != null && (warmup < 0 || warmup > WarmupConfig.MAX_REQUESTS)) {
            err.println("--warmup must be 0-" + WarmupConfig.MAX_REQUESTS + " (0: off), not " + warmup);
            return ConfigFile.UNREADABLE;
        }
        if (fleet == null && (id != null || leaseTtlSeconds != null)) {
            // Without a fleet there is nothing to register in, so these would be ignored without a word.
            err.println((id != null ? "--id" : "--lease-ttl") + " needs --fleet: it names this gateway's registration in a fleet,"
                    + " and a gateway run with --config registers nowhere");
            return ConfigFile.UNREADABLE;
        }
        if (fleet != null) {
            if (eventLoops != null) {
                // A fleet's reloads come from etcd without this process's flags, so the flag would be undone by the first push.
                err.println("--event-loops needs --config: a fleet gateway takes gateway.eventLoops from the fleet's config");
                return ConfigFile.UNREADABLE;
            }
            return runInFleet(err);
        }
        ConfigFile loaded = ConfigFile.load(file, err);
        if (!loaded.loaded()) {
            return loaded.exitCode();
        }
        GatewayConfig config = commandLineOverrides(loaded.config());
        Gateway gateway;
        ConfigWatcher watcher;
        AdminServer adminServer;
        try {
            if (stateDir != null) {
                Files.createDirectories(stateDir);
            }
            GatewayWarmup.run(warmupSettings(config.gateway()));
            gateway = listen == null ? Gateway.start(config) : Gateway.start(config, HostPort.parse(listen).socketAddress());
            adminServer = startAdmin(gateway, config.admin(), file, stateDir != null ? stateDir : file.toAbsolutePath().getParent());
            watcher = ConfigWatcher.start(file, gateway, this::commandLineOverrides);
        } catch (RuntimeException | IOException e) {
            err.println("cannot start the gateway: " + e.getMessage());
            return ConfigFile.UNREADABLE;
        }
        LOG.info("started; SIGHUP reloads {}, SIGTERM drains and stops", file);
        ReloadSignal.ready(() -> LOG.info("SIGHUP: reloading {}: {}", file, watcher.reload().name().toLowerCase(Locale.ROOT)));
        StopSignals.await();
        watcher.close();
        if (adminServer != null) {
            adminServer.close();
        }
        gateway.close(gateway.config().gateway().drainTimeout());
        return 0;
    }

    /** What --region, --event-loops and --access-log change in a config from the file: at the start and on every reload alike. */
    private GatewayConfig commandLineOverrides(GatewayConfig config) {
        GatewayConfig overridden = config;
        if (region != null) {
            overridden = overridden.withGateway(overridden.gateway().withRegion(region));
        }
        if (eventLoops != null) {
            overridden = overridden.withGateway(overridden.gateway().withEventLoops(eventLoops));
        }
        if (accessLog != null) {
            overridden = overridden.withGateway(overridden.gateway().withAccessLog(AccessLogConfig.at(accessLog, overridden.gateway().accessLog())));
        }
        return overridden;
    }

    /** The settings with the warm-up to run: --warmup, else gateway.warmup, else the environment's count, else the defaults. */
    private GatewaySettings warmupSettings(GatewaySettings settings) {
        WarmupConfig configured = settings.warmupOrDefaults();
        if (warmup != null) {
            return settings.withWarmup(configured.withRequests(warmup));
        }
        String env = System.getenv(WARMUP_ENV);
        if (settings.warmup() != null || env == null) {
            return settings;
        }
        try {
            return settings.withWarmup(configured.withRequests(Integer.parseInt(env.strip())));
        } catch (IllegalArgumentException e) {
            LOG.warn("{}={} is not a request count 0-{}; using {}", WARMUP_ENV, env, WarmupConfig.MAX_REQUESTS, configured.requests());
            return settings;
        }
    }

    private int runInFleet(PrintWriter err) throws InterruptedException {
        if (id == null || id.isBlank()) {
            err.println("--fleet needs --id ID: the gateway's name in the fleet");
            return ConfigFile.UNREADABLE;
        }
        FleetJoin join = FleetJoin.connect(fleet, err);
        if (!join.joined()) {
            return join.exitCode();
        }
        MemberIdentity local = new MemberIdentity(id, region, null, Instant.now(), Duration.ofSeconds(leaseTtlSeconds == null ? DEFAULT_LEASE_TTL_SECONDS : leaseTtlSeconds));
        GatewayConfig config = FleetMember.localize(local).apply(join.config());
        Path state = stateDir != null ? stateDir : Path.of(".");
        Gateway gateway;
        AdminServer adminServer;
        try {
            Files.createDirectories(state);
            GatewayWarmup.run(warmupSettings(config.gateway()));
            gateway = listen == null ? Gateway.start(config) : Gateway.start(config, HostPort.parse(listen).socketAddress());
            adminServer = startAdmin(gateway, config.admin(), state.resolve("fleet-" + join.address().fleet() + "-" + id + ".json"), state);
        } catch (RuntimeException | IOException e) {
            join.client().close();
            err.println("cannot start the gateway: " + e.getMessage());
            return ConfigFile.UNREADABLE;
        }
        MemberIdentity identity = new MemberIdentity(id, config.gateway().region(), adminUrl(adminServer, config.admin()), local.startedAt(),
                local.leaseTtl());
        FleetMember member = FleetMember.start(join.client(), join.address(), gateway, identity, join.stored(), Clock.systemUTC());
        ReloadSignal.ready(() -> LOG.info("SIGHUP: nothing to reload, the config comes from the fleet and is applied as it changes there"));
        StopSignals.await();
        member.leave();
        if (adminServer != null) {
            adminServer.close();
        }
        gateway.close(gateway.config().gateway().drainTimeout());
        return 0;
    }

    private static String adminUrl(AdminServer server, AdminConfig configured) {
        if (server == null) {
            return null;
        }
        boolean tls = configured != null && configured.tls() != null;
        return (tls ? "https://" : "http://") + server.address().getAddress().getHostAddress() + ":" + server.port();
    }

    /**
     * The admin listener when the config has an admin section or --admin asks for one; without tokens only /healthz answers.
     *
     * @param configFile the config file, or for a fleet gateway a name in the state directory: overrides are kept as FILE.overrides.json
     */
    private AdminServer startAdmin(Gateway gateway, AdminConfig configured, Path configFile, Path state) {
        if (configured == null && admin == null) {
            return null;
        }
        AdminConfig settings = configured != null ? configured
                : new AdminConfig(AdminConfig.DEFAULT_LISTEN, List.of(), List.of(), AdminConfig.DEFAULT_STATS_PERIOD, null, null);
        return AdminServer.start(gateway, admin == null ? settings : settings.withListen(admin), configFile, state, TelemetryLimits.DEFAULTS);
    }
}
