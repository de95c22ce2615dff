package dev.switchboard.engine;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.engine.breaker.BreakerTransition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds the engine's published {@link LiveState} and the backends' runtime state it is built from, and publishes a
 * new one on every change: a config or overrides change bumps the version, a breaker, probe or time-driven change
 * keeps it. Listeners hear of every change.
 *
 * <p>Locking: {@link #lock}, the engine's one lock, guards {@link #runtimes} and every publish (listeners hear
 * events under it). {@link #current()} and {@link #published()} are lock-free for picks and queries;
 * {@link #outcomeTransition}, {@link #snapshot()} and the constructor take the lock themselves; every other method
 * requires the caller to hold it, across its own read of the live state too, so an edit checked against one config
 * is published on that config.
 */
final class StatePublisher {

    final Object lock = new Object();
    private final Ticker ticker;
    private final StateBuilder builder;
    private final EngineListeners listeners;
    /** Long-lived per-backend state by id; guarded by {@link #lock}. */
    private final Map<String, BackendRuntime> runtimes = new HashMap<>();
    private volatile LiveState state;

    StatePublisher(GatewayConfig config, Ticker ticker, StateBuilder builder, EngineListeners listeners) {
        this.ticker = ticker;
        this.builder = builder;
        this.listeners = listeners;
        synchronized (lock) {
            BackendRuntime.sync(runtimes, config);
            publish(config, RuntimeOverrides.NONE, 1, new ArrayList<>());
        }
    }

    /** The live state, first running due time-driven transitions; reads the clock only when one is pending. */
    LiveState current() {
        LiveState s = state;
        long deadline = s.nextDeadlineNanos();
        if (deadline != Long.MAX_VALUE && ticker.nanos() - deadline >= 0) {
            return advance();
        }
        return s;
    }

    /** The last published state as it is, due time-driven transitions or not. */
    LiveState published() {
        return state;
    }

    /**
     * A request's outcome moved {@code h}'s breaker; publishes it unless a reload removed the backend while the
     * request was on it (nothing is left to publish then). Takes the lock.
     */
    void outcomeTransition(BackendHandle h, BreakerTransition t) {
        synchronized (lock) {
            if (runtimes.get(h.backendId()) == h.runtime) {
                publishTransition(h.runtime, t);
            }
        }
    }

    EngineSnapshot snapshot() {
        synchronized (lock) {
            return SnapshotBuilder.build(current(), runtimes, ticker);
        }
    }

    /** Keeps the runtime state of the backends {@code config} still has and adds the new ones'. */
    void syncRuntimes(GatewayConfig config) {
        BackendRuntime.sync(runtimes, config);
    }

    BackendRuntime runtime(String backendId) {
        return runtimes.get(backendId);
    }

    Collection<BackendRuntime> runtimes() {
        return runtimes.values();
    }

    /** A breaker moved outside the time-driven steps (an outcome or a force). */
    void publishTransition(BackendRuntime runtime, BreakerTransition t) {
        List<EngineEvent> events = new ArrayList<>();
        onBreakerTransition(runtime, t, events);
        rebuild(events);
    }

    /** New config or overrides: bump the version, rehash, rebuild, tell listeners. */
    void change(GatewayConfig config, RuntimeOverrides overrides, String what) {
        long version = state.version() + 1;
        List<EngineEvent> events = new ArrayList<>();
        publish(config, overrides, version, events);
        events.addFirst(new StateChange(version, state.hash(), what, ticker.instant()));
        listeners.emit(events);
    }

    /** Same config and overrides, new runtime state (breaker, probe, time). */
    void rebuild(List<EngineEvent> events) {
        publish(state.config(), state.overrides(), state.version(), events);
        listeners.emit(events);
    }

    private LiveState advance() {
        synchronized (lock) {
            long now = ticker.nanos();
            if (now - state.nextDeadlineNanos() < 0) {
                return state;
            }
            List<EngineEvent> events = new ArrayList<>();
            for (BackendRuntime r : runtimes.values()) {
                BreakerTransition t = r.breaker().advance(now, ticker.instant());
                if (t != null) {
                    onBreakerTransition(r, t, events);
                }
            }
            rebuild(events);
            return state;
        }
    }

    private void onBreakerTransition(BackendRuntime runtime, BreakerTransition t, List<EngineEvent> events) {
        runtime.breakerReason(t.reason());
        events.add(t);
    }

    private void publish(GatewayConfig config, RuntimeOverrides overrides, long version, List<EngineEvent> events) {
        LiveState previous = state;
        String hash = previous != null && previous.config() == config && previous.overrides() == overrides
                ? previous.hash() : StateHash.of(config, overrides);
        LiveState next = builder.build(config, overrides, version, hash, runtimes, previous, ticker.nanos());
        if (previous != null) {
            next.statuses().forEach((id, s) -> {
                BackendStatus before = previous.statuses().get(id);
                if (before != null && before.availability() != s.availability()) {
                    events.add(new AvailabilityChange(id, before.availability(), s.availability(), s.reason(),
                            ticker.instant()));
                }
            });
        }
        state = next;
    }
}
