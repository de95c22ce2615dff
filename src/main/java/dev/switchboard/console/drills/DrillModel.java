package dev.switchboard.console.drills;

import dev.switchboard.sim.SimBackend;
import dev.switchboard.sim.SimBehavior;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * Failure drills on the demo's simulated backends. Changes run on a worker: refusing connections unbinds a socket,
 * which the FX thread must not wait for.
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
    private final Executor worker;

    public DrillModel(Map<String, SimBackend> simulators, Executor worker) {
        this.simulators = simulators;
        this.worker = worker;
    }

    public List<String> backends() {
        return List.copyOf(simulators.keySet());
    }

    public boolean available() {
        return !simulators.isEmpty();
    }

    /** Applies {@code drill} to one simulator; completes with its new behaviour. */
    public CompletableFuture<SimBehavior> run(String backendId, Drill drill) {
        SimBackend sim = simulators.get(backendId);
        if (sim == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no simulated backend " + backendId));
        }
        return CompletableFuture.supplyAsync(() -> sim.updateBehavior(drill.change), worker);
    }

    public SimBehavior behavior(String backendId) {
        return simulators.get(backendId).behavior();
    }
}
