package dev.switchboard.engine.breaker;

import dev.switchboard.config.BreakerRule;
import dev.switchboard.config.CircuitBreakerConfig;
import dev.switchboard.config.ErrorReason;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The breaker of one backend with all of its rules; any rule can trip it. Outcomes and transitions are serialised
 * on this object (uncontended in practice); the pick path only reads the volatile state and takes half-open trial
 * permits with a CAS, never the lock.
 *
 * <p>OPEN lasts the tripping rule's tripDuration, or the backend's Retry-After when the rule accepts it (capped at
 * maxTripDuration). When it ends, HALF_OPEN admits halfOpenRequests concurrent trials: all succeeding closes the
 * breaker with clean windows, any failing opens it again. A rule with halfOpenRequests 0 (APIM's behaviour, used by
 * rehearsals with APIM semantics) closes with clean windows as soon as the trip ends.
 */
public final class CircuitBreaker {

    private final String backendId;
    private List<RuleWindow> windows = List.of();
    private List<BreakerRule> rules = List.of();
    private volatile BreakerState state = BreakerState.CLOSED;
    private volatile long openUntilNanos;
    private BreakerRule trippedBy;
    private final AtomicInteger trialsInFlight = new AtomicInteger();
    private volatile int trialLimit;
    private int trialSuccesses;

    public CircuitBreaker(String backendId, CircuitBreakerConfig config) {
        this.backendId = backendId;
        reconfigure(config);
    }

    public BreakerState state() {
        return state;
    }

    /** End of the current OPEN period in ticker nanos; meaningful only while {@link #state()} is OPEN. */
    public long openUntilNanos() {
        return openUntilNanos;
    }

    /**
     * Installs new rules. Unchanged rules keep their windows; when they differ every counter restarts, but the
     * state (and an OPEN deadline) is kept, so a config change never closes a tripped breaker early.
     */
    public synchronized void reconfigure(CircuitBreakerConfig config) {
        List<BreakerRule> next = config == null ? List.of() : config.rules();
        if (next.equals(rules)) {
            return;
        }
        rules = next;
        List<RuleWindow> w = new ArrayList<>(next.size());
        for (BreakerRule r : next) {
            w.add(new RuleWindow(r));
        }
        windows = List.copyOf(w);
    }

    /** Takes a half-open trial permit; lock-free, called on the pick path. */
    public boolean tryAcquireTrial() {
        while (true) {
            int n = trialsInFlight.get();
            if (n >= trialLimit) {
                return false;
            }
            if (trialsInFlight.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Gives back a trial permit whose request ended without an outcome (e.g. the client went away). */
    public void releaseTrial() {
        trialsInFlight.updateAndGet(n -> Math.max(0, n - 1));
    }

    /**
     * Counts one response (status) or transport failure (reason, non-null) and returns the transition it caused,
     * or null. The wall clock is read only for a transition: this runs for every proxied response.
     */
    public synchronized BreakerTransition record(int status, ErrorReason reason, String retryAfter,
                                                 long nowNanos, InstantSource wallClock) {
        // Named only for failures: this runs for every proxied response, and most succeed.
        String cause = null;
        RuleWindow tripping = null;
        boolean anyFailure = false;
        for (RuleWindow w : windows) {
            boolean failed = w.isFailure(status, reason);
            if (failed && cause == null) {
                cause = reason != null ? reason.name() : Integer.toString(status);
            }
            anyFailure |= failed;
            w.record(nowNanos, failed, cause);
            if (failed && tripping == null && w.tripped(nowNanos)) {
                tripping = w;
            }
        }
        return switch (state) {
            case CLOSED -> tripping == null ? null
                    : open(tripping.rule(), "rule '" + tripping.rule().name() + "': " + tripping.describe(nowNanos),
                            retryAfter, nowNanos, wallClock.instant());
            case HALF_OPEN -> onTrialOutcome(anyFailure, cause, retryAfter, nowNanos, wallClock);
            default -> null;
        };
    }

    /** Ends an OPEN period whose time is up (OPEN -> HALF_OPEN); null when nothing is due. */
    public synchronized BreakerTransition advance(long nowNanos, Instant wallNow) {
        if (state != BreakerState.OPEN || nowNanos - openUntilNanos < 0) {
            return null;
        }
        if (trippedBy.halfOpenRequests() == 0) {
            // APIM's breaker has no trials: when the trip ends the backend takes all traffic again.
            windows.forEach(RuleWindow::clear);
            trialLimit = 0;
            return move(BreakerState.CLOSED, null, "trip ended; reset without trial requests", nowNanos, wallNow);
        }
        trialLimit = trippedBy.halfOpenRequests();
        trialsInFlight.set(0);
        trialSuccesses = 0;
        return move(BreakerState.HALF_OPEN, null,
                "trip ended; admitting " + trialLimit + " trial request(s)", nowNanos, wallNow);
    }

    /** Operator action; returns the transition, or null when the breaker is already there. */
    public synchronized BreakerTransition force(ForceAction action, long nowNanos, Instant wallNow) {
        BreakerState target = switch (action) {
            case OPEN -> BreakerState.FORCED_OPEN;
            case CLOSED -> BreakerState.FORCED_CLOSED;
            case RESET -> BreakerState.CLOSED;
        };
        if (action == ForceAction.RESET) {
            windows.forEach(RuleWindow::clear);
        }
        if (state == target) {
            return null;
        }
        trialLimit = 0;
        return move(target, null, "operator: " + action.name().toLowerCase(java.util.Locale.ROOT), nowNanos, wallNow);
    }

    public synchronized List<RuleCounters> counters(long nowNanos) {
        List<RuleCounters> out = new ArrayList<>(windows.size());
        for (RuleWindow w : windows) {
            out.add(w.counters(nowNanos));
        }
        return out;
    }

    private BreakerTransition onTrialOutcome(boolean failed, String cause, String retryAfter, long nowNanos,
                                             InstantSource wallClock) {
        releaseTrial();
        if (failed) {
            return open(trippedBy, "trial request failed (" + cause + ")", retryAfter, nowNanos, wallClock.instant());
        }
        if (++trialSuccesses < trialLimit) {
            return null;
        }
        windows.forEach(RuleWindow::clear);
        trialLimit = 0;
        return move(BreakerState.CLOSED, null, trialSuccesses + " trial request(s) succeeded", nowNanos, wallClock.instant());
    }

    private BreakerTransition open(BreakerRule rule, String why, String retryAfter, long nowNanos, Instant wallNow) {
        Duration trip = tripDuration(rule, retryAfter, wallNow);
        trippedBy = rule;
        trialLimit = 0;
        openUntilNanos = nowNanos + trip.toNanos();
        return move(BreakerState.OPEN, rule, why + "; open for " + trip, nowNanos, wallNow);
    }

    private static Duration tripDuration(BreakerRule rule, String retryAfter, Instant wallNow) {
        Duration asked = rule.acceptRetryAfter() ? RetryAfter.parse(retryAfter, wallNow) : null;
        if (asked == null) {
            return rule.tripDuration();
        }
        Duration cap = Objects.requireNonNullElse(rule.maxTripDuration(), BreakerRule.DEFAULT_MAX_TRIP_DURATION);
        return asked.compareTo(cap) > 0 ? cap : asked;
    }

    private BreakerTransition move(BreakerState to, BreakerRule rule, String reason, long nowNanos, Instant wallNow) {
        BreakerState from = state;
        state = to;
        return new BreakerTransition(backendId, from, to, rule == null ? null : rule.name(), reason,
                counters(nowNanos), wallNow);
    }
}
