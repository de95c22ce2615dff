package dev.switchboard.engine;

import dev.switchboard.config.ErrorReason;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.engine.breaker.BreakerTransition;
import dev.switchboard.engine.breaker.ForceAction;
import dev.switchboard.engine.retry.RetryPlanner;
import dev.switchboard.engine.routing.RequestView;
import dev.switchboard.engine.routing.RouteMatch;
import dev.switchboard.engine.routing.Router;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The balancing engine: picks backends, records outcomes into breakers, applies config and runtime edits.
 *
 * <p>Concurrency: picks are lock-free and allocation-free; they read one volatile {@link LiveState} and index
 * precomputed schedules. Every mutation (config, overrides, breaker and probe transitions, time-driven steps) is
 * serialised on one lock and publishes a new LiveState, so requests in flight keep the handles they hold.
 * Time-driven changes (a trip ends, a slow-start step) are noticed by the next call after their deadline.
 * {@link StatePublisher} keeps and republishes the state, {@link EngineEdits} checks and applies the edits.
 *
 * <p>Semantics chosen where the sources leave room:
 * <ul>
 * <li>Drain (weight 0 or AdminState.DRAIN): no new picks; keys whose Maglev slot maps to the member keep going to it
 *     while it is available (HAProxy drain). Consistent hashing cannot tell an old key from a new one, so a new key
 *     hashing into a draining member's slots sticks to it too. A member keeps its Maglev slots while it has a weight in
 *     config or a runtime override (a runtime weight 0 is a drain); a config weight 0 without one removes it.</li>
 * <li>Probes: a probed backend starts UNKNOWN and counts as available until unhealthyThreshold failures in a row.</li>
 * <li>Overrides: weights, priorities and admin states set at runtime win over the config until cleared (all or one),
 *     and survive {@link #applyConfig} for members/backends that still exist.</li>
 * <li>Version and hash change with config and overrides only; breaker, probe and time-driven changes are
 *     reported as events and in {@link #snapshot()}.</li>
 * <li>Every pick that returned a handle must end in {@link #recordOutcome} or {@link #abandon}, so half-open
 *     trial permits are given back.</li>
 * </ul>
 */
public final class Engine {

    /** {@link #recordOutcome(Pick, int, ErrorReason, String, long)}: the attempt's latency was not measured. */
    public static final long UNKNOWN_LATENCY = -1;
    /** {@link #recordOutcome(Pick, int, ErrorReason, String, long)}: not the attempt's first outcome. */
    public static final long LATER_OUTCOME = Long.MIN_VALUE;

    private final Ticker ticker;
    private final RetryPlanner retryPlanner;
    private final OutcomeTime outcomeTime;
    private final EngineListeners listeners = new EngineListeners();
    private final StatePublisher publisher;
    private final EngineEdits edits;
    /** The last {@link #pin()} result, handed to every request routed while the state stays the same. */
    private volatile PinnedState pinned;

    /**
     * @param config validated config
     * @param ticker clock (use {@link Ticker#system()} in production)
     * @param random jitter source of exponential retries
     */
    public Engine(GatewayConfig config, Ticker ticker, RandomGenerator random) {
        this.ticker = ticker;
        this.retryPlanner = new RetryPlanner(random);
        this.outcomeTime = new OutcomeTime(ticker.nanos());
        this.publisher = new StatePublisher(config, ticker, new StateBuilder(ticker, outcomeTime), listeners);
        this.edits = new EngineEdits(publisher, ticker);
    }

    // ---- hot path ----

    /** The current state for one request to keep (see {@link PinnedState}); one object per state, not per request. */
    public PinnedState pin() {
        LiveState s = publisher.current();
        PinnedState p = pinned;
        if (p == null || p.state != s) {
            pinned = p = new PinnedState(s);
        }
        return p;
    }

    /** Picks for a request that pinned its state, in the state {@link #pickState} names. */
    public Pick pick(PinnedState pinned, String targetId, String affinityKey, Attempts attempts) {
        return pick(pickState(pinned).state, targetId, affinityKey, attempts);
    }

    /** The state {@code pinned}'s request picks from: the live one while its config version holds, else the pinned one. */
    public PinnedState pickState(PinnedState pinned) {
        PinnedState now = pin();
        return now.state.version() == pinned.state.version() ? now : pinned;
    }

    /**
     * Picks a backend of a pool, or the single backend itself. Lock-free and allocation-free.
     *
     * @param targetId    pool or single backend id (from routing)
     * @param affinityKey session key (cookie or header value) for pools with session affinity; null for none
     * @param attempts    this request's attempts so far (records the result); null when not retrying
     * @return the member's handle, or the target's {@link NoneAvailable}
     * @throws IllegalArgumentException for an unknown target
     */
    public Pick pick(String targetId, String affinityKey, Attempts attempts) {
        return pick(publisher.current(), targetId, affinityKey, attempts);
    }

    private static Pick pick(LiveState state, String targetId, String affinityKey, Attempts attempts) {
        PoolBalancer target = state.targets().get(targetId);
        if (target == null) {
            throw new IllegalArgumentException("unknown backend or pool '" + targetId + "'");
        }
        Pick pick = target.pick(affinityKey, attempts);
        if (attempts != null && pick instanceof BackendHandle h) {
            attempts.add(h);
        }
        return pick;
    }

    /**
     * Records the outcome of a request sent to a picked backend; releases its half-open trial permit if it held
     * one. Takes the backend's breaker lock, and the engine lock only when the breaker changes state.
     *
     * @param status     response status (ignored when reason is set)
     * @param reason     transport failure, or null when a response arrived
     * @param retryAfter the response's Retry-After header, or null
     */
    public void recordOutcome(Pick pick, int status, ErrorReason reason, String retryAfter) {
        recordOutcome(pick, status, reason, retryAfter, UNKNOWN_LATENCY);
    }

    /**
     * {@link #recordOutcome(Pick, int, ErrorReason, String)} with the attempt's latency, which the latency-aware
     * balancers learn from. The first outcome of an attempt ends it for them (no longer in flight).
     *
     * @param latencyNanos attempt start to response head or failure; {@link #UNKNOWN_LATENCY} when not measured;
     *                     {@link #LATER_OUTCOME} for a failure after the attempt's first outcome (the response broke off)
     */
    public void recordOutcome(Pick pick, int status, ErrorReason reason, String retryAfter, long latencyNanos) {
        if (!(pick instanceof BackendHandle h)) {
            return;
        }
        if (latencyNanos != LATER_OUTCOME) {
            endAttempt(h, latencyNanos);
        }
        publisher.current();
        BreakerTransition t = h.runtime.breaker().record(status, reason, retryAfter, ticker.nanos(), ticker);
        if (t != null) {
            publisher.outcomeTransition(h, t);
        }
    }

    /** A picked request ended without an outcome (e.g. the client left): give back its half-open permit. */
    public void abandon(Pick pick) {
        if (!(pick instanceof BackendHandle h)) {
            return;
        }
        endAttempt(h, UNKNOWN_LATENCY);
        if (h.availability == Availability.HALF_OPEN) {
            h.runtime.breaker().releaseTrial();
        }
    }

    /** The attempt is no longer in flight; its latency (when known) is a sample for peak-ewma. */
    private void endAttempt(BackendHandle h, long latencyNanos) {
        if (h.load != null) {
            long now = ticker.nanos();
            h.load.ended(latencyNanos, now);
            outcomeTime.advance(now);
        }
    }

    // ---- config and runtime edits ----

    /** Swaps in a new config; breakers, probe verdicts and overrides of backends that remain are kept. */
    public void applyConfig(GatewayConfig config) {
        edits.applyConfig(config);
    }

    /** Overrides a pool member's weight (0 drains it). */
    public void setWeight(String poolId, String backendId, int weight) {
        edits.setWeight(poolId, backendId, weight);
    }

    /** Overrides a pool member's priority (1 is best). */
    public void setPriority(String poolId, String backendId, int priority) {
        edits.setPriority(poolId, backendId, priority);
    }

    /** Sets a single backend's admin state (in every pool it belongs to). */
    public void setAdminState(String backendId, AdminState adminState) {
        edits.setAdminState(backendId, adminState);
    }

    /** Drops every runtime override: the config applies again. */
    public void clearOverrides() {
        edits.clearOverrides();
    }

    /** Drops one runtime override; an unknown one is refused, naming those there are. */
    public void clearOverride(RuntimeOverrides.Kind kind, String poolId, String backendId) {
        edits.clearOverride(kind, poolId, backendId);
    }

    /** Forces a backend's breaker open or closed, or resets it to a clean CLOSED. */
    public void forceBreaker(String backendId, ForceAction action) {
        edits.forceBreaker(backendId, action);
    }

    /** One active probe result from the gateway, applied with the backend's probe thresholds. */
    public void reportProbe(String backendId, boolean success, String detail) {
        edits.reportProbe(backendId, success, detail);
    }

    /**
     * Backends that something outside the engine holds unavailable, with the reason shown for each (a fleet gateway
     * passes the backends whose breaker a quorum of the fleet holds open). Replaces the previous set; unknown ids are
     * ignored. Such a backend is {@link Availability#UNAVAILABLE_BREAKER} unless its own state says more (disabled,
     * maintenance, forced or tripped here). Runtime state like a breaker: the version and hash stay.
     */
    public void setExternallyUnavailable(Map<String, String> reasons) {
        edits.setExternallyUnavailable(reasons);
    }

    // ---- queries ----

    public EngineSnapshot snapshot() {
        return publisher.snapshot();
    }

    public long version() {
        return publisher.published().version();
    }

    public String hash() {
        return publisher.published().hash();
    }

    public GatewayConfig config() {
        return publisher.published().config();
    }

    public RuntimeOverrides overrides() {
        return publisher.published().overrides();
    }

    /** Routing over the current config's APIs. */
    public Router router() {
        return publisher.published().router();
    }

    /** Shorthand for {@code router().route(request)}; null when no API takes the request. */
    public RouteMatch route(RequestView request) {
        return publisher.published().router().route(request);
    }

    /**
     * When a backend's status next changes by itself (a trip ends, a slow-start step), on the ticker's scale;
     * Long.MAX_VALUE when nothing is pending. The engine notices the change at its first call from then on, so a
     * driver of virtual time that wants it stamped on time calls the engine (e.g. {@link #snapshot()}) then.
     */
    public long nextDeadlineNanos() {
        return publisher.published().nextDeadlineNanos();
    }

    public RetryPlanner retryPlanner() {
        return retryPlanner;
    }

    public void addListener(EngineListener listener) {
        listeners.add(listener);
    }

    public void removeListener(EngineListener listener) {
        listeners.remove(listener);
    }
}
