package dev.switchboard.demo;

import dev.switchboard.sim.SimBackend;
import dev.switchboard.sim.SimBehavior;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The headless demo's rehearsal, repeated every {@link #CYCLE}: a primary starts failing and recovers, then the
 * whole east region goes away and comes back, so breaker trips and priority failover show without any input.
 */
public final class DrillScript {

    public static final Duration CYCLE = Duration.ofSeconds(90);

    /** One scripted change at an offset into the cycle. */
    record Step(Duration at, String description, String backend, UnaryOperator<SimBehavior> change) {
    }

    static final List<Step> STEPS = List.of(
            new Step(Duration.ofSeconds(10), "orders-east-1 starts answering 503", "orders-east-1", b -> b.withStatus(503)),
            new Step(Duration.ofSeconds(35), "orders-east-1 recovers", "orders-east-1", b -> b.withStatus(200)),
            new Step(Duration.ofSeconds(55), "orders-east-1 refuses connections", "orders-east-1", b -> b.withRefuseConnections(true)),
            new Step(Duration.ofSeconds(55), "orders-east-2 refuses connections", "orders-east-2", b -> b.withRefuseConnections(true)),
            new Step(Duration.ofSeconds(80), "orders-east-1 accepts again", "orders-east-1", b -> b.withRefuseConnections(false)),
            new Step(Duration.ofSeconds(80), "orders-east-2 accepts again", "orders-east-2", b -> b.withRefuseConnections(false)));

    private final Map<String, SimBackend> backends;
    private final Consumer<String> announce;
    /** Steps applied since the start, counting across cycles. */
    private long applied;

    public DrillScript(Map<String, SimBackend> backends, Consumer<String> announce) {
        this.backends = backends;
        this.announce = announce;
    }

    /** Applies every step due by {@code elapsed} since the demo started; call it from one thread. */
    public void advance(Duration elapsed) {
        while (dueAt(applied).compareTo(elapsed) <= 0) {
            Step step = STEPS.get((int) (applied++ % STEPS.size()));
            SimBackend backend = backends.get(step.backend());
            if (backend != null) {
                backend.updateBehavior(step.change());
                announce.accept("drill: " + step.description());
            }
        }
    }

    private static Duration dueAt(long stepNumber) {
        return CYCLE.multipliedBy(stepNumber / STEPS.size()).plus(STEPS.get((int) (stepNumber % STEPS.size())).at());
    }
}
