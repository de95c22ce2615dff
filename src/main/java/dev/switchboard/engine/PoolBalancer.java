package dev.switchboard.engine;

import dev.switchboard.config.Balancer;
import dev.switchboard.engine.balance.KeyHash;
import dev.switchboard.engine.balance.MaglevTable;
import dev.switchboard.engine.balance.PriorityLoad;
import dev.switchboard.engine.balance.WeightedSchedule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The immutable pick structure of one target (a pool, or a single backend as a pool of one), rebuilt whenever
 * availability, weights or priorities change. A pick is an index into a precomputed schedule: no lock, no scan,
 * no allocation. Only retries that avoid tried backends and a half-open member without a free trial permit take
 * the scanning path.
 */
final class PoolBalancer {

    /** What the builder knows about one member. */
    record MemberPlan(BackendHandle handle, int priority, long baseWeight, long pickWeight, boolean enabled) {
    }

    /**
     * How picks spread over the groups and within one.
     *
     * @param overprovisioningFactor null for strict APIM priority, else Envoy's gradual spill
     * @param panic                  balance over every enabled member when none is available
     * @param balancer               how a group picks among its members
     * @param slowNanos              spillWhenSlow's latency threshold; 0 when off
     */
    record Spread(Double overprovisioningFactor, boolean panic, Balancer balancer, long slowNanos) {

        static final Spread SINGLE = new Spread(null, false, Balancer.WEIGHTED, 0);
    }

    /** How often spillWhenSlow looks at the groups' latency again: a scan of the members, so not on every pick. */
    private static final long SLOW_RECHECK_NANOS = 100_000_000L;

    /** How far a retry walks along a schedule (keeping its weights) before sweeping the members once. */
    private static final int WEIGHTED_WALK = 64;

    private final List<MemberPlan> plan;
    private final BackendHandle[] members;
    private final PriorityGroup[] groups;
    /** Strict priority: the best group with a pickable member; null when none has one or spill is on. */
    private final PriorityGroup best;
    /** Gradual spill: the group of each pick slot, proportional to the Envoy priority loads; null when strict. */
    private final int[] groupSchedule;
    private final AtomicLong groupCounter = new AtomicLong();
    private final Map<Integer, MaglevTable> affinity;
    /** whenAllUnavailable=panic: every enabled member regardless of availability; null otherwise. */
    private final PriorityGroup panic;
    private final NoneAvailable none;
    private final long slowNanos;
    private final OutcomeTime time;
    /** With spillWhenSlow: the best group that is not slow, as of {@link #slowRecheckAt}. */
    private volatile PriorityGroup notSlow;
    private volatile long slowRecheckAt;

    private PoolBalancer(List<MemberPlan> plan, BackendHandle[] members, PriorityGroup[] groups, PriorityGroup best, int[] groupSchedule,
                         Map<Integer, MaglevTable> affinity, PriorityGroup panic, NoneAvailable none, long slowNanos, OutcomeTime time) {
        this.plan = List.copyOf(plan);
        this.members = members;
        this.groups = groups;
        this.best = best;
        this.groupSchedule = groupSchedule;
        this.affinity = affinity;
        this.panic = panic;
        this.none = none;
        this.slowNanos = slowNanos;
        this.time = time;
        if (slowNanos > 0) {
            long now = time.nanos();
            this.notSlow = firstNotSlow(now);
            this.slowRecheckAt = now + SLOW_RECHECK_NANOS;
        }
    }

    /**
     * @param affinity a Maglev table of member indices per priority; null without session affinity. A key maps to a
     *                 member of the group that serves the request, so a session never lands on a backup group while
     *                 a better one serves (APIM's priority), and moves with the traffic when a group fails over.
     */
    static PoolBalancer of(List<MemberPlan> plan, Spread spread, Map<Integer, MaglevTable> affinity, NoneAvailable none,
                           OutcomeTime time) {
        int n = plan.size();
        BackendHandle[] members = new BackendHandle[n];
        TreeMap<Integer, long[]> weightsByPriority = new TreeMap<>();
        TreeMap<Integer, int[]> countsByPriority = new TreeMap<>();
        long[] panicWeights = new long[n];
        for (int i = 0; i < n; i++) {
            MemberPlan m = plan.get(i);
            members[i] = m.handle();
            weightsByPriority.computeIfAbsent(m.priority(), p -> new long[n])[i] = m.pickWeight();
            int[] counts = countsByPriority.computeIfAbsent(m.priority(), p -> new int[2]);
            counts[0] += m.pickWeight() > 0 ? 1 : 0;
            counts[1] += m.baseWeight() > 0 ? 1 : 0;
            panicWeights[i] = m.enabled() ? m.baseWeight() : 0;
        }
        List<PriorityGroup> groups = new ArrayList<>();
        weightsByPriority.forEach((p, w) -> groups.add(new PriorityGroup(p, w, members, spread.balancer(), time,
                affinity == null ? null : affinity.get(p))));
        PriorityGroup best = null;
        int[] groupSchedule = null;
        if (spread.overprovisioningFactor() == null) {
            best = groups.stream().filter(g -> g.schedule.length > 0).findFirst().orElse(null);
        } else {
            int[] available = countsByPriority.values().stream().mapToInt(c -> c[0]).toArray();
            int[] total = countsByPriority.values().stream().mapToInt(c -> c[1]).toArray();
            groupSchedule = WeightedSchedule.build(PriorityLoad.loads(available, total, spread.overprovisioningFactor()));
        }
        PriorityGroup panic = spread.panic() && Arrays.stream(panicWeights).anyMatch(w -> w > 0)
                ? new PriorityGroup(0, panicWeights, members, spread.balancer(), time, null) : null;
        return new PoolBalancer(plan, members, groups.toArray(PriorityGroup[]::new), best, groupSchedule, affinity, panic, none,
                spread.slowNanos(), time);
    }

    /** A member counted in flight ({@link BackendHandle#started}), or {@link #none}. */
    Pick pick(String affinityKey, Attempts attempts) {
        boolean retry = attempts != null && attempts.count() > 0;
        if (retry && attempts.preferUntried()) {
            BackendHandle untried = scan(attempts);
            if (untried != null) {
                return started(untried);
            }
        }
        PriorityGroup g = groupSchedule == null ? strictGroup()
                : groupSchedule.length == 0 ? null : groups[groupSchedule[PriorityGroup.slot(groupCounter, groupSchedule.length)]];
        if (g != null) {
            if (!retry && affinityKey != null && g.affinity != null) {
                BackendHandle sticky = members[g.affinity.lookup(KeyHash.hash(affinityKey))];
                if (sticky.availability.takesAffinity() && sticky.admit()) {
                    return started(sticky);
                }
            }
            BackendHandle h = g.next(members);
            if (h.admit()) {
                return h;
            }
            h.unstarted();
            BackendHandle other = scan(null);
            if (other != null) {
                return started(other);
            }
        }
        return panic != null ? panic.next(members) : none;
    }

    private static BackendHandle started(BackendHandle h) {
        h.started();
        return h;
    }

    /** APIM's strict priority: the best group with a pickable member; with spillWhenSlow, the best that is not slow. */
    private PriorityGroup strictGroup() {
        if (slowNanos == 0) {
            return best;
        }
        long now = time.nanos();
        if (now - slowRecheckAt >= 0) {
            slowRecheckAt = now + SLOW_RECHECK_NANOS;
            notSlow = firstNotSlow(now);
        }
        return notSlow;
    }

    /** The best group whose latency is within the threshold; the best group when every group is slow (APIM order). */
    private PriorityGroup firstNotSlow(long now) {
        for (PriorityGroup g : groups) {
            if (g.schedule.length > 0 && g.latencyNanos(now) <= slowNanos) {
                return g;
            }
        }
        return best;
    }

    /** The member an affinity key maps to in the group of {@code priority} (whatever its availability); null when none. */
    BackendHandle affinityMember(String affinityKey, int priority) {
        MaglevTable table = affinity(priority);
        return table == null ? null : members[table.lookup(KeyHash.hash(affinityKey))];
    }

    boolean hasAffinity() {
        return affinity != null;
    }

    /** The affinity table of the group of {@code priority}; null when it has none. */
    MaglevTable affinity(int priority) {
        return affinity == null ? null : affinity.get(priority);
    }

    /** The members as built, for snapshots. */
    List<MemberPlan> plan() {
        return plan;
    }

    /**
     * The slow path: looks through the groups best first for a member that admits a pick and (with attempts) has
     * not been tried by this request. Null when there is none.
     */
    private BackendHandle scan(Attempts attempts) {
        for (PriorityGroup g : groups) {
            BackendHandle h = scan(g, attempts);
            if (h != null) {
                return h;
            }
        }
        return null;
    }

    /**
     * A short walk along the schedule from its current position keeps the choice weight-proportional; the sweep
     * over the group's members after it bounds the cost by the member count, not the schedule length.
     */
    private BackendHandle scan(PriorityGroup g, Attempts attempts) {
        int len = g.schedule.length;
        if (len == 0) {
            return null;
        }
        int start = PriorityGroup.slot(g.counter, len);
        for (int i = 0, walk = Math.min(len, WEIGHTED_WALK); i < walk; i++) {
            BackendHandle h = members[g.schedule[(start + i) % len]];
            if (eligible(h, attempts)) {
                return h;
            }
        }
        for (int index : g.memberIndices) {
            if (eligible(members[index], attempts)) {
                return members[index];
            }
        }
        return null;
    }

    private static boolean eligible(BackendHandle h, Attempts attempts) {
        return (attempts == null || !attempts.tried(h.runtime)) && h.admit();
    }
}
