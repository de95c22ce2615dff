package dev.switchboard.cli;

import dev.switchboard.sim.SimBackend;
import dev.switchboard.sim.SimBehavior;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code switchboard sim-backend}: runs one simulated backend until the process is terminated. */
@Command(name = "sim-backend",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a simulated HTTP backend for tests, demos and failure drills.",
            "Change its behaviour at runtime with GET/PUT http://<control>/_sim/behavior and POST /_sim/reset."})
public final class SimBackendCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SimBackendCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", converter = SocketAddressConverter.class,
            description = "Address to serve on; port 0 picks a free port.")
    private InetSocketAddress listen;

    @Option(names = "--name", defaultValue = "sim", description = "Backend name, echoed in X-Sim-Backend (default: ${DEFAULT-VALUE}).")
    private String name;

    @Option(names = "--control", paramLabel = "HOST:PORT", converter = SocketAddressConverter.class,
            description = "Separate port for the control endpoint only, reachable while connections are refused.")
    private InetSocketAddress control;

    @Option(names = "--status", defaultValue = "200", description = "Status of normal responses (default: ${DEFAULT-VALUE}).")
    private int status;

    @Option(names = "--latency", defaultValue = "PT0S", paramLabel = "ISO-8601",
            description = "Delay before each response, e.g. PT0.1S (default: ${DEFAULT-VALUE}).")
    private Duration latency;

    @Option(names = "--error-rate", defaultValue = "0", description = "Fraction 0..1 of requests answered with --error-status.")
    private double errorRate;

    @Option(names = "--error-status", defaultValue = "503", description = "Status of failed requests (default: ${DEFAULT-VALUE}).")
    private int errorStatus;

    @Option(names = "--retry-after", paramLabel = "SECONDS", description = "Retry-After sent on responses with status >= 400.")
    private Integer retryAfterSeconds;

    @Option(names = "--refuse-connections", description = "Start with the listening socket closed.")
    private boolean refuseConnections;

    @Option(names = "--hang", description = "Read requests but never answer them.")
    private boolean hang;

    @Option(names = "--close-after-response", description = "Close each connection after its response.")
    private boolean closeAfterResponse;

    @Override
    public Integer call() throws InterruptedException {
        SimBackend backend = new SimBackend(name, behavior());
        try {
            backend.start(listen, control);
        } catch (UncheckedIOException e) {
            backend.close();
            LOG.error("sim-backend {} cannot listen: {}", name, e.getMessage());
            return 1;
        }
        LOG.info("sim-backend {} listening on {} (control: {})", name, SocketAddressConverter.url(backend.address()),
                backend.controlAddress().map(a -> SocketAddressConverter.url(a) + "/_sim/").orElse("same port, /_sim/"));
        StopSignals.await();
        backend.close();
        return 0;
    }

    /** The starting behaviour the options describe. */
    SimBehavior behavior() {
        try {
            return new SimBehavior(status, latency, errorRate, errorStatus,
                    retryAfterSeconds == null ? OptionalInt.empty() : OptionalInt.of(retryAfterSeconds),
                    refuseConnections, hang, closeAfterResponse);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
