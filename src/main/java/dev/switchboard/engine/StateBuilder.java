package dev.switchboard.engine;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.Balancer;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.PoolConfig;
import dev.switchboard.config.PoolMember;
import dev.switchboard.config.WhenAllUnavailable;
import dev.switchboard.engine.balance.MaglevTable;
import dev.switchboard.engine.routing.BackendUrl;
import dev.switchboard.engine.routing.Router;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds a {@link LiveState} from config, overrides and the backends' runtime state. Runs under the engine's
 * mutation lock; allocation is fine here, it is what keeps picks allocation-free.
 */
final class StateBuilder {

    private final Ticker ticker;
    private final OutcomeTime outcomeTime;

    StateBuilder(Ticker ticker, OutcomeTime outcomeTime) {
        this.ticker = ticker;
        this.outcomeTime = outcomeTime;
    }

    LiveState build(GatewayConfig config, RuntimeOverrides overrides, long version, String hash,
                    Map<String, BackendRuntime> runtimes, LiveState previous, long nowNanos) {
        Map<String, BackendStatus> statuses = new LinkedHashMap<>();
        Map<String, BackendUrl> urls = new HashMap<>();
        long deadline = Long.MAX_VALUE;
        for (BackendConfig b : config.backends().values()) {
            if (!b.isPool()) {
                BackendStatus s = runtimes.get(b.id()).resolve(overrides.adminState(b.id()), nowNanos);
                statuses.put(b.id(), s);
                urls.put(b.id(), BackendUrl.parse(b.url()));
                deadline = Math.min(deadline, s.deadlineNanos());
            }
        }
        Set<String> loadTracked = loadTracked(config);
        Map<String, PoolBalancer> targets = new HashMap<>();
        for (BackendConfig b : config.backends().values()) {
            PoolBalancer balancer = b.isPool()
                    ? pool(b, overrides, statuses, urls, runtimes, previous == null ? null : previous.targets().get(b.id()), loadTracked)
                    : single(b, overrides, statuses.get(b.id()), urls.get(b.id()), runtimes.get(b.id()), loadTracked.contains(b.id()));
            targets.put(b.id(), balancer);
        }
        // Wrapped HashMap, not Map.copyOf: every pick looks a target up, and Map.copyOf's open addressing (with a
        // per-run salt) probed long runs for some key sets in the pick benchmark.
        return new LiveState(config, overrides, version, hash, Map.copyOf(statuses), Collections.unmodifiableMap(targets),
                new Router(config.apis(), config.gateway().region()), deadline);
    }

    /**
     * The backends some latency-aware pool (least-request, peak-ewma, spillWhenSlow) reads the load of: only their
     * picks count in-flight requests and latency, wherever they are picked from, so those pools see every request.
     */
    static Set<String> loadTracked(GatewayConfig config) {
        Set<String> ids = new HashSet<>();
        for (BackendConfig b : config.backends().values()) {
            PoolConfig pool = b.pool();
            if (b.isPool() && (pool.balancer() != Balancer.WEIGHTED || pool.spillWhenSlow() != null)) {
                pool.services().forEach(m -> ids.add(m.backendId()));
            }
        }
        return ids;
    }

    private PoolBalancer single(BackendConfig b, RuntimeOverrides overrides, BackendStatus status, BackendUrl url,
                                BackendRuntime runtime, boolean loadTracked) {
        BackendHandle handle = new BackendHandle(b.id(), runtime, url, -1, status.availability(), loadTracked);
        long weight = status.availability().pickable() ? 1 : 0;
        boolean enabled = overrides.adminState(b.id()) == AdminState.ENABLED;
        PoolBalancer.MemberPlan plan = new PoolBalancer.MemberPlan(handle, 1, 1, weight, enabled);
        NoneAvailable none = new NoneAvailable(b.id(), WhenAllUnavailable.DEFAULT.statusCode(), List.of(runtime), ticker);
        return PoolBalancer.of(List.of(plan), PoolBalancer.Spread.SINGLE, null, none, outcomeTime);
    }

    private PoolBalancer pool(BackendConfig b, RuntimeOverrides overrides, Map<String, BackendStatus> statuses,
                              Map<String, BackendUrl> urls, Map<String, BackendRuntime> runtimes, PoolBalancer previous,
                              Set<String> loadTracked) {
        PoolConfig pool = b.pool();
        List<PoolBalancer.MemberPlan> plan = new ArrayList<>();
        List<BackendRuntime> memberRuntimes = new ArrayList<>();
        // Per priority group: its members' names, indices and weights.
        Map<Integer, AffinityMembers> affinityMembers = new TreeMap<>();
        for (int i = 0; i < pool.services().size(); i++) {
            PoolMember m = pool.services().get(i);
            BackendStatus s = statuses.get(m.backendId());
            BackendRuntime runtime = runtimes.get(m.backendId());
            int weight = overrides.weight(b.id(), m);
            Availability a = weight == 0 && (s.availability() == Availability.AVAILABLE
                    || s.availability() == Availability.SLOW_START) ? Availability.DRAINING : s.availability();
            long pickWeight = a.pickable() ? (long) weight * s.weightPercent() : 0;
            BackendHandle handle = new BackendHandle(b.id(), runtime, urls.get(m.backendId()), i, a,
                    loadTracked.contains(m.backendId()));
            boolean enabled = overrides.adminState(m.backendId()) == AdminState.ENABLED;
            int priority = overrides.priority(b.id(), m);
            plan.add(new PoolBalancer.MemberPlan(handle, priority, weight, pickWeight, enabled));
            memberRuntimes.add(runtime);
            if (m.effectiveWeight() > 0 || weight > 0) {
                // A drain (weight 0 override) keeps the configured share of slots, so its sessions stay put.
                affinityMembers.computeIfAbsent(priority, p -> new AffinityMembers())
                        .add(m.backendId(), i, weight > 0 ? weight : m.effectiveWeight());
            }
        }
        WhenAllUnavailable when = Objects.requireNonNullElse(pool.whenAllUnavailable(), WhenAllUnavailable.DEFAULT);
        NoneAvailable none = new NoneAvailable(b.id(), when.statusCode(), memberRuntimes, ticker);
        Map<Integer, MaglevTable> affinity = null;
        if (pool.sessionAffinity() != null && !affinityMembers.isEmpty()) {
            affinity = new TreeMap<>();
            for (Map.Entry<Integer, AffinityMembers> group : affinityMembers.entrySet()) {
                affinity.put(group.getKey(), group.getValue().table(previous == null ? null : previous.affinity(group.getKey())));
            }
        }
        PoolBalancer.Spread spread = new PoolBalancer.Spread(pool.overprovisioningFactor(), when.action() == WhenAllUnavailable.Action.panic,
                pool.balancer(), pool.spillWhenSlow() == null ? 0 : pool.spillWhenSlow().latency().toNanos());
        return PoolBalancer.of(plan, spread, affinity, none, outcomeTime);
    }

    /**
     * One priority group's affinity members. Its Maglev table changes only with membership and weights; availability
     * changes reuse the previous table, so a key returns to its backend when that backend recovers.
     */
    private static final class AffinityMembers {
        private final List<String> names = new ArrayList<>();
        private final List<Integer> indexes = new ArrayList<>();
        private final List<Long> weights = new ArrayList<>();

        void add(String name, int index, long weight) {
            names.add(name);
            indexes.add(index);
            weights.add(weight);
        }

        MaglevTable table(MaglevTable old) {
            int[] values = indexes.stream().mapToInt(Integer::intValue).toArray();
            long[] w = weights.stream().mapToLong(Long::longValue).toArray();
            return old != null && old.builtFrom(names, values, w) ? old : MaglevTable.build(names, values, w);
        }
    }
}
