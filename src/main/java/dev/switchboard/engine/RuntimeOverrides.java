package dev.switchboard.engine;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.PoolMember;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Operator edits layered over the config: member weights and priorities, backend admin states. Immutable; every
 * edit is a new instance. An override wins over the config until it is cleared, and survives a config change
 * as long as its pool member (or backend) still exists; overrides of members that are gone are dropped.
 *
 * @param weights     weight by pool member
 * @param priorities  priority by pool member
 * @param adminStates admin state by backend id (absent = ENABLED)
 */
public record RuntimeOverrides(Map<MemberKey, Integer> weights, Map<MemberKey, Integer> priorities,
                               Map<String, AdminState> adminStates) {

    public static final RuntimeOverrides NONE = new RuntimeOverrides(Map.of(), Map.of(), Map.of());

    /** A pool member: the pool's id and the member backend's id. */
    public record MemberKey(String poolId, String backendId) {
        @Override
        public String toString() {
            return poolId + "/" + backendId;
        }
    }

    public RuntimeOverrides {
        weights = Map.copyOf(weights);
        priorities = Map.copyOf(priorities);
        adminStates = Map.copyOf(adminStates);
    }

    public RuntimeOverrides withWeight(MemberKey member, int weight) {
        return new RuntimeOverrides(put(weights, member, weight), priorities, adminStates);
    }

    public RuntimeOverrides withPriority(MemberKey member, int priority) {
        return new RuntimeOverrides(weights, put(priorities, member, priority), adminStates);
    }

    public RuntimeOverrides withAdminState(String backendId, AdminState state) {
        return new RuntimeOverrides(weights, priorities, put(adminStates, backendId, state));
    }

    public AdminState adminState(String backendId) {
        return adminStates.getOrDefault(backendId, AdminState.ENABLED);
    }

    public int weight(String poolId, PoolMember member) {
        return weights.getOrDefault(new MemberKey(poolId, member.backendId()), member.effectiveWeight());
    }

    public int priority(String poolId, PoolMember member) {
        return priorities.getOrDefault(new MemberKey(poolId, member.backendId()), member.effectivePriority());
    }

    /** These overrides without those whose member or backend no longer exists in the config. */
    public RuntimeOverrides retainExisting(GatewayConfig config) {
        Map<MemberKey, Integer> w = new HashMap<>(weights);
        Map<MemberKey, Integer> p = new HashMap<>(priorities);
        Map<String, AdminState> a = new HashMap<>(adminStates);
        w.keySet().removeIf(k -> !isMember(config, k));
        p.keySet().removeIf(k -> !isMember(config, k));
        a.keySet().removeIf(id -> config.backend(id) == null);
        return new RuntimeOverrides(w, p, a);
    }

    /** Deterministic text of the overrides (sorted), for the state hash; empty when there are none. */
    public String canonical() {
        if (weights.isEmpty() && priorities.isEmpty() && adminStates.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        Consumer<Map<?, ?>> append = m -> {
            Map<String, String> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(k.toString(), v.toString()));
            sb.append(sorted).append('\n');
        };
        append.accept(weights);
        append.accept(priorities);
        append.accept(adminStates);
        return sb.toString();
    }

    static boolean isMember(GatewayConfig config, MemberKey key) {
        var pool = config.backend(key.poolId());
        return pool != null && pool.isPool()
                && pool.pool().services().stream().anyMatch(m -> m.backendId().equals(key.backendId()));
    }

    private static <K, V> Map<K, V> put(Map<K, V> map, K key, V value) {
        Map<K, V> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
