package dev.switchboard.cli;

import dev.switchboard.config.HostPort;
import dev.switchboard.config.AccessLogConfig;
import dev.switchboard.config.AdminConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.gateway.ConfigWatcher;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.telemetry.server.AdminServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard gateway --config FILE}: runs the gateway until SIGTERM/SIGINT, reloading the file when it
 * changes, and drains in-flight requests within {@code gateway.drainTimeout} on the way out.
 */
@Command(name = "gateway",
        mixinStandardHelpOptions = true,
        description = "Run the load-balancing gateway; the config file is watched and reloaded when it changes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by a signal after draining", "1:the config has problems", "2:the file cannot be read or the listener cannot start"})
public final class GatewayCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "gateway config JSON")
    private Path file;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "listen here instead of gateway.listen of the config")
    private String listen;

    @Option(names = "--admin", paramLabel = "HOST:PORT",
            description = "admin listener (telemetry, metrics, control) here instead of admin.listen of the config")
    private String admin;

    @Option(names = "--access-log", paramLabel = "FILE|-",
            description = "write the access log to FILE, or - for standard output, instead of gateway.accessLog.path of the config")
    private String accessLog;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        ConfigFile loaded = ConfigFile.load(file, err);
        if (!loaded.loaded()) {
            return loaded.exitCode();
        }
        GatewayConfig config = loaded.config();
        if (accessLog != null) {
            config = config.withGateway(config.gateway().withAccessLog(AccessLogConfig.at(accessLog, config.gateway().accessLog())));
        }
        Gateway gateway;
        ConfigWatcher watcher;
        AdminServer adminServer;
        try {
            gateway = listen == null ? Gateway.start(config) : Gateway.start(config, HostPort.parse(listen).socketAddress());
            adminServer = startAdmin(gateway, config.admin());
            watcher = ConfigWatcher.start(file, gateway);
        } catch (RuntimeException | IOException e) {
            err.println("cannot start the gateway: " + e.getMessage());
            return ConfigFile.UNREADABLE;
        }
        StopSignals.await();
        watcher.close();
        if (adminServer != null) {
            adminServer.close();
        }
        gateway.close(gateway.config().gateway().drainTimeout());
        return 0;
    }

    /** The admin listener when the config has an admin section or --admin asks for one; without tokens only /healthz answers. */
    private AdminServer startAdmin(Gateway gateway, AdminConfig configured) {
        if (configured == null && admin == null) {
            return null;
        }
        AdminConfig settings = configured != null ? configured
                : new AdminConfig(AdminConfig.DEFAULT_LISTEN, List.of(), List.of(), AdminConfig.DEFAULT_STATS_PERIOD, null, null);
        return AdminServer.start(gateway, admin == null ? settings : settings.withListen(admin), file);
    }
}
