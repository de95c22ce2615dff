package dev.switchboard.cli;

import dev.switchboard.config.HostPort;
import dev.switchboard.config.AdminConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.fleet.FleetMember;
import dev.switchboard.fleet.MemberIdentity;
import dev.switchboard.gateway.ConfigWatcher;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.telemetry.server.AdminServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard gateway --config FILE}: runs the gateway until SIGTERM/SIGINT, reloading the file when it
 * changes, and drains in-flight requests within {@code gateway.drainTimeout} on the way out. With {@code --fleet}
 * instead, the config comes from the fleet's etcd and the gateway registers there (see docs/fleet.md).
 */
@Command(name = "gateway",
        mixinStandardHelpOptions = true,
        description = "Run the load-balancing gateway; the config file is watched and reloaded when it changes, or followed in a fleet's etcd.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by a signal after draining", "1:the config has problems",
                "2:the file or the fleet cannot be read, or the listener cannot start"})
public final class GatewayCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "gateway config JSON")
    private Path file;

    @Option(names = "--fleet", paramLabel = "etcd://HOST:PORT[,HOST:PORT...]/FLEET",
            description = "follow this fleet's config in etcd and register there, instead of --config")
    private String fleet;

    @Option(names = "--id", paramLabel = "ID", description = "this gateway's id in the fleet (required with --fleet)")
    private String id;

    @Option(names = "--region", paramLabel = "NAME", description = "this gateway's region (gateway.region; APIM's context.Deployment.Region)")
    private String region;

    @Option(names = "--lease-ttl", paramLabel = "SECONDS", defaultValue = "10",
            description = "how long the fleet registration outlives a gateway that died (default ${DEFAULT-VALUE})")
    private int leaseTtlSeconds;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ".",
            description = "with --fleet: where the admin listener keeps its audit log and runtime overrides (default: the working directory)")
    private Path stateDir;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "listen here instead of gateway.listen of the config")
    private String listen;

    @Option(names = "--admin", paramLabel = "HOST:PORT",
            description = "admin listener (telemetry, metrics, control) here instead of admin.listen of the config")
    private String admin;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if ((file == null) == (fleet == null)) {
            err.println("give either --config FILE or --fleet etcd://HOST:PORT/FLEET");
            return ConfigFile.UNREADABLE;
        }
        if (fleet != null) {
            return runInFleet(err);
        }
        ConfigFile loaded = ConfigFile.load(file, err);
        if (!loaded.loaded()) {
            return loaded.exitCode();
        }
        GatewayConfig config = region == null ? loaded.config() : loaded.config().withGateway(loaded.config().gateway().withRegion(region));
        Gateway gateway;
        ConfigWatcher watcher;
        AdminServer adminServer;
        try {
            gateway = start(config);
            adminServer = startAdmin(gateway, config.admin(), file);
            watcher = ConfigWatcher.start(file, gateway);
        } catch (RuntimeException | IOException e) {
            err.println("cannot start the gateway: " + e.getMessage());
            return ConfigFile.UNREADABLE;
        }
        StopSignals.await();
        watcher.close();
        stop(gateway, adminServer);
        return 0;
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
        MemberIdentity local = new MemberIdentity(id, region, null, Instant.now(), Duration.ofSeconds(leaseTtlSeconds));
        GatewayConfig config = FleetMember.localize(local).apply(join.config());
        Gateway gateway;
        AdminServer adminServer;
        try {
            gateway = start(config);
            adminServer = startAdmin(gateway, config.admin(), stateDir.resolve("fleet-" + join.address().fleet() + "-" + id + ".json"));
        } catch (RuntimeException e) {
            join.client().close();
            err.println("cannot start the gateway: " + e.getMessage());
            return ConfigFile.UNREADABLE;
        }
        MemberIdentity identity = new MemberIdentity(id, config.gateway().region(), adminUrl(adminServer, config.admin()), local.startedAt(),
                local.leaseTtl());
        FleetMember member = FleetMember.start(join.client(), join.address(), gateway, identity, join.stored(), Clock.systemUTC());
        StopSignals.await();
        member.leave();
        stop(gateway, adminServer);
        return 0;
    }

    private Gateway start(GatewayConfig config) {
        return listen == null ? Gateway.start(config) : Gateway.start(config, HostPort.parse(listen).socketAddress());
    }

    private static void stop(Gateway gateway, AdminServer adminServer) {
        if (adminServer != null) {
            adminServer.close();
        }
        gateway.close(gateway.config().gateway().drainTimeout());
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
     * @param stateFile its audit log and overrides file live beside this file
     */
    private AdminServer startAdmin(Gateway gateway, AdminConfig configured, Path stateFile) {
        if (configured == null && admin == null) {
            return null;
        }
        AdminConfig settings = configured != null ? configured
                : new AdminConfig(AdminConfig.DEFAULT_LISTEN, List.of(), List.of(), AdminConfig.DEFAULT_STATS_PERIOD, null, null);
        return AdminServer.start(gateway, admin == null ? settings : settings.withListen(admin), stateFile);
    }
}
