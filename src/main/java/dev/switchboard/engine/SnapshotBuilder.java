package dev.switchboard.engine;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.engine.breaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The engine picture for {@link Engine#snapshot()}: every backend and pool member with its state and reason. */
final class SnapshotBuilder {

    private SnapshotBuilder() {
    }

    /** Runs under the engine's lock. */
    static EngineSnapshot build(LiveState s, Map<String, BackendRuntime> runtimes, Ticker ticker) {
        long now = ticker.nanos();
        Map<String, EngineSnapshot.BackendView> views = new HashMap<>();
        List<EngineSnapshot.BackendView> backends = new ArrayList<>();
        List<EngineSnapshot.PoolView> pools = new ArrayList<>();
        for (BackendConfig b : s.config().backends().values()) {
            if (!b.isPool()) {
                EngineSnapshot.BackendView v = backendView(s, b, runtimes.get(b.id()), now);
                views.put(b.id(), v);
                backends.add(v);
            }
        }
        for (BackendConfig b : s.config().backends().values()) {
            if (b.isPool()) {
                List<EngineSnapshot.MemberView> members = new ArrayList<>();
                for (PoolBalancer.MemberPlan m : s.targets().get(b.id()).plan()) {
                    BackendHandle h = m.handle();
                    String reason = h.availability == Availability.DRAINING && m.baseWeight() == 0 ? "weight 0"
                            : s.statuses().get(h.backendId()).reason();
                    members.add(new EngineSnapshot.MemberView(h.backendId(), (int) m.baseWeight(),
                            m.pickWeight() / 100.0, m.priority(), h.availability, reason,
                            views.get(h.backendId())));
                }
                pools.add(new EngineSnapshot.PoolView(b.id(), members));
            }
        }
        return new EngineSnapshot(s.version(), s.hash(), ticker.instant(), backends, pools);
    }

    private static EngineSnapshot.BackendView backendView(LiveState s, BackendConfig b, BackendRuntime r, long now) {
        BackendStatus status = s.statuses().get(b.id());
        CircuitBreaker breaker = r.breaker();
        BreakerState bs = breaker.state();
        Duration left = bs == BreakerState.OPEN ? Duration.ofNanos(Math.max(0, breaker.openUntilNanos() - now)) : null;
        return new EngineSnapshot.BackendView(b.id(), b.url(), s.overrides().adminState(b.id()), status.availability(),
                status.reason(), bs, left, breaker.counters(now), r.probe().health());
    }
}
