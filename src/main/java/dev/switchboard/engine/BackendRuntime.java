package dev.switchboard.engine;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.SlowStartConfig;
import dev.switchboard.engine.balance.BackendLoad;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.engine.breaker.CircuitBreaker;
import java.util.Objects;
import java.util.Map;

/**
 * The long-lived state of one single backend, kept across config swaps while its id stays: breaker, probe verdict,
 * slow-start ramp and load. Everything but the breaker is guarded by the engine's mutation lock.
 */
final class BackendRuntime {

    /** Discrete slow-start steps: each is one schedule rebuild. */
    static final int RAMP_STEPS = 10;

    private final String id;
    private final CircuitBreaker breaker;
    private final ProbeTracker probe;
    private final BackendLoad load = new BackendLoad();
    private SlowStartConfig slowStart;
    private boolean wasUp = true;
    private long rampStartNanos;
    private boolean ramping;
    private String breakerReason = "";
    /** Why something outside the engine (a fleet quorum) holds the backend unavailable; null when nothing does. */
    private String externalReason;

    BackendRuntime(BackendConfig config) {
        this.id = config.id();
        this.breaker = new CircuitBreaker(id, config.circuitBreaker());
        this.probe = new ProbeTracker(config.healthProbe());
        this.slowStart = config.slowStart();
    }

    String id() {
        return id;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    ProbeTracker probe() {
        return probe;
    }

    /** In flight and latency, for the latency-aware balancers; kept across config swaps like the breaker. */
    BackendLoad load() {
        return load;
    }

    void reconfigure(BackendConfig config) {
        breaker.reconfigure(config.circuitBreaker());
        probe.reconfigure(config.healthProbe());
        slowStart = config.slowStart();
        if (slowStart == null) {
            ramping = false;
        }
    }

    void breakerReason(String reason) {
        breakerReason = reason;
    }

    /** @return true when the reason changed */
    boolean externalReason(String reason) {
        boolean changed = !Objects.equals(externalReason, reason);
        externalReason = reason;
        return changed;
    }

    /**
     * Resolves the availability now, and starts the slow-start ramp when the backend has just come back (from a
     * breaker trip, a failed probe, maintenance or disabled). Call once per state build, under the engine lock.
     */
    BackendStatus resolve(AdminState admin, long nowNanos) {
        BackendStatus base = baseStatus(admin);
        boolean up = base.availability() == Availability.AVAILABLE || base.availability() == Availability.DRAINING;
        if (up && !wasUp && slowStart != null) {
            ramping = true;
            rampStartNanos = nowNanos;
        }
        wasUp = up;
        if (!up || !ramping) {
            return base;
        }
        long duration = slowStart.duration().toNanos();
        long elapsed = nowNanos - rampStartNanos;
        if (elapsed >= duration) {
            ramping = false;
            return base;
        }
        int step = (int) (elapsed * RAMP_STEPS / duration);
        int min = slowStart.minWeightPercent();
        int percent = min + (100 - min) * step / RAMP_STEPS;
        long next = rampStartNanos + duration * (step + 1) / RAMP_STEPS;
        Availability a = base.availability() == Availability.DRAINING ? Availability.DRAINING : Availability.SLOW_START;
        return new BackendStatus(a, "slow start: " + percent + "% of weight, step " + (step + 1) + " of "
                + RAMP_STEPS, percent, next);
    }

    private BackendStatus baseStatus(AdminState admin) {
        BreakerState b = breaker.state();
        if (admin == AdminState.DISABLED) {
            return down(Availability.DISABLED, "disabled by operator");
        }
        if (admin == AdminState.MAINTENANCE) {
            return down(Availability.MAINTENANCE, "in maintenance");
        }
        if (b == BreakerState.FORCED_OPEN) {
            return down(Availability.UNAVAILABLE_FORCED, "breaker forced open by operator");
        }
        if (b == BreakerState.OPEN) {
            return new BackendStatus(Availability.UNAVAILABLE_BREAKER, "breaker open: " + breakerReason, 0,
                    breaker.openUntilNanos());
        }
        if (externalReason != null) {
            return down(Availability.UNAVAILABLE_BREAKER, externalReason);
        }
        if (probe.health() == ProbeHealth.UNHEALTHY) {
            return down(Availability.UNHEALTHY, "unhealthy: " + probe.describe());
        }
        if (b == BreakerState.HALF_OPEN) {
            return new BackendStatus(Availability.HALF_OPEN, "breaker half-open: trial requests only", 100,
                    Long.MAX_VALUE);
        }
        if (admin == AdminState.DRAIN) {
            return new BackendStatus(Availability.DRAINING, "draining by operator", 100, Long.MAX_VALUE);
        }
        return new BackendStatus(Availability.AVAILABLE, "available", 100, Long.MAX_VALUE);
    }

    private static BackendStatus down(Availability a, String reason) {
        return new BackendStatus(a, reason, 0, Long.MAX_VALUE);
    }

    /** Makes {@code runtimes} match {@code config}: new backends get one, removed ones lose theirs, others are reconfigured. */
    static void sync(Map<String, BackendRuntime> runtimes, GatewayConfig config) {
        runtimes.keySet().removeIf(id -> config.backend(id) == null || config.backend(id).isPool());
        for (BackendConfig b : config.backends().values()) {
            if (!b.isPool()) {
                BackendRuntime existing = runtimes.get(b.id());
                if (existing == null) {
                    runtimes.put(b.id(), new BackendRuntime(b));
                } else {
                    existing.reconfigure(b);
                }
            }
        }
    }
}
