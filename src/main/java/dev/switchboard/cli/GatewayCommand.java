package dev.switchboard.cli;

import dev.switchboard.config.HostPort;
import dev.switchboard.config.AccessLogConfig;
import dev.switchboard.config.AdminConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.gateway.ConfigWatcher;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.telemetry.server.AdminServer;
import dev.switchboard.telemetry.server.TelemetryLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * the service's manual: the Debian package's systemd unit runs this command.
 */
@Command(name = "gateway",
        mixinStandardHelpOptions = true,
        description = {
            "Run the load-balancing gateway. The config file is watched and reloaded when it changes, and reloaded on SIGHUP;"
                + " a file with problems is rejected, every problem logged, and the running config kept.",
            "SIGTERM or SIGINT stops it: the listener closes, in-flight requests drain for up to gateway.drainTimeout, exit 0."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by a signal after draining", "1:the config has problems", "2:the file cannot be read or the listener cannot start"},
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
            "  and /var/log/switchboard (access logs); the rest is read-only to it."})
public final class GatewayCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayCommand.class);

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "gateway config JSON")
    private Path file;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "listen here instead of gateway.listen of the config")
    private String listen;

    @Option(names = "--admin", paramLabel = "HOST:PORT",
            description = "admin listener (telemetry, metrics, control) here instead of admin.listen of the config")
    private String admin;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "keep runtime overrides (FILE.overrides.json) and a relative or the default audit log here, created if missing;"
                    + " default: the config file's directory")
    private Path stateDir;

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
            if (stateDir != null) {
                Files.createDirectories(stateDir);
            }
            gateway = listen == null ? Gateway.start(config) : Gateway.start(config, HostPort.parse(listen).socketAddress());
            adminServer = startAdmin(gateway, config.admin());
            watcher = ConfigWatcher.start(file, gateway);
        } catch (RuntimeException | IOException e) {
            err.println("cannot start the gateway: " + e.getMessage());
            return ConfigFile.UNREADABLE;
        }
        ReloadSignal.onHangup(() -> LOG.info("SIGHUP: reloading {}: {}", file, watcher.reload().name().toLowerCase(Locale.ROOT)));
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
        Path state = stateDir != null ? stateDir : file.toAbsolutePath().getParent();
        return AdminServer.start(gateway, admin == null ? settings : settings.withListen(admin), file, state, TelemetryLimits.DEFAULTS);
    }
}
