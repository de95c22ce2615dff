package dev.switchboard.engine;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.PoolMember;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /** What an override sets; the names are the wire's ({@code kind} in docs/telemetry.md). */
    public enum Kind {
        WEIGHT("weight"), PRIORITY("priority"), ADMIN_STATE("adminState");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        /** The kind named {@code name}, or null. */
        public static Kind ofJsonName(String name) {
            return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst().orElse(null);
        }
    }

    /**
     * One override.
     *
     * @param poolId null for {@link Kind#ADMIN_STATE}, which is per backend
     * @param value  the value as text ({@code 50}, {@code DRAIN})
     */
    public record Entry(Kind kind, String poolId, String backendId, String value) {
        /** {@code weight pool/b}, {@code adminState b}. */
        @Override
        public String toString() {
            return kind.jsonName() + " " + (poolId == null ? "" : poolId + "/") + backendId;
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

    /** Every override, sorted by kind, pool and backend. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        weights.forEach((k, v) -> entries.add(new Entry(Kind.WEIGHT, k.poolId(), k.backendId(), v.toString())));
        priorities.forEach((k, v) -> entries.add(new Entry(Kind.PRIORITY, k.poolId(), k.backendId(), v.toString())));
        adminStates.forEach((id, v) -> entries.add(new Entry(Kind.ADMIN_STATE, null, id, v.name())));
        entries.sort(Comparator.comparing(Entry::kind).thenComparing(e -> Objects.toString(e.poolId(), ""))
                .thenComparing(Entry::backendId));
        return entries;
    }

    /**
     * These overrides without one ({@code poolId} ignored for {@link Kind#ADMIN_STATE}).
     *
     * @throws IllegalArgumentException when there is no such override; the message lists those there are
     */
    public RuntimeOverrides without(Kind kind, String poolId, String backendId) {
        MemberKey member = new MemberKey(poolId, backendId);
        boolean present = switch (kind) {
            case WEIGHT -> weights.containsKey(member);
            case PRIORITY -> priorities.containsKey(member);
            case ADMIN_STATE -> adminStates.containsKey(backendId);
        };
        if (!present) {
            String target = new Entry(kind, kind == Kind.ADMIN_STATE ? null : poolId, backendId, null).toString();
            List<String> known = entries().stream().map(Entry::toString).toList();
            throw new IllegalArgumentException("no " + target + " override; overrides: "
                    + (known.isEmpty() ? "none" : String.join(", ", known)));
        }
        return switch (kind) {
            case WEIGHT -> new RuntimeOverrides(remove(weights, member), priorities, adminStates);
            case PRIORITY -> new RuntimeOverrides(weights, remove(priorities, member), adminStates);
            case ADMIN_STATE -> new RuntimeOverrides(weights, priorities, remove(adminStates, backendId));
        };
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

    /**
     * The config's value under an override, as text; {@code ENABLED} for an admin state (the config sets none), null
     * when the config no longer has the pool member.
     */
    public static String configValue(Entry e, GatewayConfig config) {
        if (e.kind() == Kind.ADMIN_STATE) {
            return AdminState.ENABLED.name();
        }
        var pool = config.backend(e.poolId());
        if (pool == null || !pool.isPool()) {
            return null;
        }
        return pool.pool().services().stream().filter(m -> m.backendId().equals(e.backendId())).findFirst()
                .map(m -> String.valueOf(e.kind() == Kind.WEIGHT ? m.effectiveWeight() : m.effectivePriority()))
                .orElse(null);
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

    private static <K, V> Map<K, V> remove(Map<K, V> map, K key) {
        Map<K, V> copy = new HashMap<>(map);
        copy.remove(key);
        return copy;
    }

    private static <K, V> Map<K, V> put(Map<K, V> map, K key, V value) {
        Map<K, V> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
