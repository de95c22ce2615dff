package dev.switchboard.cli;

import dev.switchboard.console.ConsoleLauncher;
import dev.switchboard.console.shell.PreferencesStore;
import dev.switchboard.console.ConsoleSession;
import dev.switchboard.console.fleet.FleetDiscovery;
import dev.switchboard.fleet.FleetAddress;
import dev.switchboard.fleet.GatewayStatus;
import dev.switchboard.console.SmokeTest;
import dev.switchboard.console.remote.GatewayStore;
import dev.switchboard.console.remote.RemoteGatewayFeed;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard console}: the JavaFX operations console. Without options it embeds the demo (simulated
 * backends, a gateway on loopback, live traffic); {@code --config} embeds a gateway on that config instead, and
 * {@code --connect} adds remote gateways, which are remembered (with their tokens, in a 0600 file) for next time.
 */
@Command(name = "console",
        mixinStandardHelpOptions = true,
        description = "Open the operations console; embeds the demo unless --config or --connect say otherwise.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the window was closed", "1:the config has problems",
                "2:the config cannot be read, --connect and --token do not pair up, or the gateways cannot start", "3:no display to open a window on",
                "4:--smoke-test: the window was not drawn within 60 s"})
public final class ConsoleCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "embed a gateway on this config instead of the demo")
    private Path file;

    @Option(names = "--connect", paramLabel = "URL",
            description = "a remote gateway's telemetry endpoint, ws://host:port/telemetry (repeatable)")
    private List<URI> connect = new ArrayList<>();

    @Option(names = "--token", paramLabel = "TOKEN", description = "the token for the --connect in the same position")
    private List<String> tokens = new ArrayList<>();

    @Option(names = "--fleet", paramLabel = "etcd://HOST:PORT/FLEET",
            description = "watch every live gateway of this fleet (from its registry in etcd), with --fleet-token")
    private String fleet;

    @Option(names = "--fleet-token", paramLabel = "TOKEN", description = "the fleet's viewer or operator token, for every gateway of --fleet")
    private String fleetToken;

    @Option(names = "--prometheus", paramLabel = "URL",
            description = "a Prometheus server that scrapes the gateways' /metrics: the Charts tab looks back beyond "
                    + "the console's own hour through it (e.g. http://127.0.0.1:9091)")
    private URI prometheus;

    @Option(names = "--rate", defaultValue = "300",
            description = "demo traffic in requests per second (default ${DEFAULT-VALUE}); adjustable in the window")
    private double rate;

    @Option(names = "--smoke-test",
            description = "start as usual, print one line and exit 0 once the main window is drawn (every tab once); "
                    + "exit non-zero on any startup error. For installers and CI: headless with "
                    + "JAVA_TOOL_OPTIONS=\"-Dglass.platform=Headless -Dprism.order=sw\"")
    private boolean smokeTest;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (connect.size() != tokens.size()) {
            err.println("give one --token per --connect (got " + connect.size() + " --connect and " + tokens.size()
                    + " --token)");
            return ConfigFile.UNREADABLE;
        }
        Supplier<ConsoleSession> embedded;
        if (file != null) {
            ConfigFile loaded = ConfigFile.load(file, err);
            if (!loaded.loaded()) {
                return loaded.exitCode();
            }
            embedded = () -> ConsoleSession.embedded(loaded.config());
        } else if (!connect.isEmpty() || fleet != null) {
            embedded = ConsoleSession::remoteOnly;
        } else {
            embedded = () -> ConsoleSession.demo(rate);
        }
        GatewayStore store = GatewayStore.inUserConfig();
        SmokeTest smoke = smokeTest ? new SmokeTest(spec.commandLine().getOut(), err, SmokeTest.TIMEOUT, System::exit) : null;
        if (fleet != null && fleetToken == null) {
            err.println("--fleet needs --fleet-token: the token its gateways' admin listeners accept");
            return ConfigFile.UNREADABLE;
        }
        return ConsoleLauncher.run(() -> withPrometheus(withFleet(withRemotes(embedded.get().remembering(store), store), err)),
                PreferencesStore.inUserConfig(), err, smoke);
    }

    /** Hands --prometheus to the Charts tab once the window is open. */
    private ConsoleSession withPrometheus(ConsoleSession session) {
        if (prometheus != null) {
            session.whenWindowOpens(w -> w.model().charts().prometheusUrlProperty().set(prometheus.toString()), null);
        }
        return session;
    }

    /** The live gateways of --fleet, discovered once at start (not remembered: the registry knows them). */
    private ConsoleSession withFleet(ConsoleSession session, PrintWriter err) {
        if (fleet != null) {
            List<GatewayStatus> found = FleetDiscovery.addGateways(session, FleetAddress.parse(fleet), fleetToken,
                    System.getenv().getOrDefault("USER", "unknown"));
            err.println("fleet " + fleet + ": " + found.size() + " live gateway(s)");
        }
        return session;
    }

    /** Adds the gateways named on the command line (remembering them) and the ones remembered before. */
    private ConsoleSession withRemotes(ConsoleSession session, GatewayStore store) {
        try {
            for (int i = 0; i < connect.size(); i++) {
                store.save(new GatewayStore.Entry(connect.get(i).getAuthority(), connect.get(i), tokens.get(i)));
            }
            Map<String, GatewayStore.Entry> byName = new LinkedHashMap<>();
            store.load().forEach(e -> byName.put(e.name(), e));
            byName.values().forEach(e -> session.add(new RemoteGatewayFeed(e.name(), e.uri(), e.token())));
            return session;
        } catch (IOException e) {
            session.close();
            throw new UncheckedIOException("cannot read or write " + store.file(), e);
        }
    }
}
