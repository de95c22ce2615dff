package dev.switchboard.console.drills;

import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.sim.SimBackend;
import dev.switchboard.sim.SimBehavior;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Failure drills on the demo's simulated backends, which sit behind the embedded gateway only. Changes run on a
 * worker: refusing connections unbinds a socket, which the FX thread must not wait for. Every drill is logged.
 */
public final class DrillModel {

    /** The drills an operator can start, each a change of the simulator's behaviour. */
    public enum Drill {
        ANSWER_503("Answer 503", b -> b.withStatus(503)),
        SLOW("Slow (2 s)", b -> b.withLatency(Duration.ofSeconds(2))),
        REFUSE("Refuse connections", b -> b.withRefuseConnections(true)),
        HANG("Hang", b -> b.withHang(true)),
        RETRY_AFTER("503 with Retry-After 10 s", b -> b.withStatus(503).withRetryAfterSeconds(OptionalInt.of(10))),
        RECOVER("Recover", b -> SimBehavior.defaults());

        private final String label;
        private final UnaryOperator<SimBehavior> change;

        Drill(String label, UnaryOperator<SimBehavior> change) {
            this.label = label;
            this.change = change;
        }

        public String label() {
            return label;
        }
    }

    private final Map<String, SimBackend> simulators;
    private final String embeddedGatewayId;
    private final Executor worker;
    private final Executor fx;
    private final Consumer<ConsoleEvent> log;
    private final InstantSource clock;

    /**
     * @param embeddedGatewayId the gateway the simulators sit behind, or null without an embedded gateway
     * @param fx                where drills are logged (the event log's thread)
     */
    public DrillModel(Map<String, SimBackend> simulators, String embeddedGatewayId, Executor worker, Executor fx,
                      Consumer<ConsoleEvent> log, InstantSource clock) {
        this.simulators = simulators;
        this.embeddedGatewayId = embeddedGatewayId;
        this.worker = worker;
        this.fx = fx;
        this.log = log;
        this.clock = clock;
    }

    /** The backends a drill can break while {@code gatewayId} is shown: none unless it is the embedded demo's. */
    public List<String> backends(String gatewayId) {
        return unavailableFor(gatewayId).isPresent() ? List.of() : List.copyOf(simulators.keySet());
    }

    /** Why drills cannot run while {@code gatewayId} is shown, or empty when they can. */
    public Optional<String> unavailableFor(String gatewayId) {
        if (simulators.isEmpty()) {
            return Optional.of("Drills need the embedded demo's simulated backends (run `switchboard console` "
                    + "without --config).");
        }
        if (gatewayId == null || !gatewayId.equals(embeddedGatewayId)) {
            return Optional.of("Drills break the embedded demo's simulated backends; '" + gatewayId + "' is another "
                    + "gateway, whose backends this console cannot break. To take one out of its traffic, use Disable "
                    + "or Force open on the Pools tab, which act over its control channel. Select '"
                    + embeddedGatewayId + "' to run drills.");
        }
        return Optional.empty();
    }

    /** Applies {@code drill} to one simulator; completes (on the FX executor, after logging it) with its new behaviour. */
    public CompletableFuture<SimBehavior> run(String backendId, Drill drill) {
        SimBackend sim = simulators.get(backendId);
        if (sim == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no simulated backend " + backendId));
        }
        return CompletableFuture.supplyAsync(() -> sim.updateBehavior(drill.change), worker)
                .whenCompleteAsync((b, error) -> log.accept(new ConsoleEvent(clock.instant(), embeddedGatewayId,
                        backendId, EventKind.OPERATOR, false, "drill " + drill.label() + " on simulated backend "
                        + backendId + (error == null ? ": now " + describe(b) : " failed: " + error.getMessage()))), fx);
    }

    public SimBehavior behavior(String backendId) {
        return simulators.get(backendId).behavior();
    }

    /** E.g. "status 503, latency 0 ms, refusing connections". */
    public static String describe(SimBehavior b) {
        return "status " + b.status() + ", latency " + b.latency().toMillis() + " ms"
                + (b.refuseConnections() ? ", refusing connections" : "") + (b.hang() ? ", hanging" : "")
                + b.retryAfterSeconds().stream().mapToObj(s -> ", Retry-After " + s + " s").findFirst().orElse("");
    }
}
