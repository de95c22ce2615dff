package dev.switchboard.engine;

import dev.switchboard.engine.balance.KeyHash;
import dev.switchboard.engine.balance.MaglevTable;
import dev.switchboard.engine.balance.PriorityLoad;
import dev.switchboard.engine.balance.WeightedSchedule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

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

    /** How far a retry walks along a schedule (keeping its weights) before sweeping the members once. */
    private static final int WEIGHTED_WALK = 64;

    /** One priority group: its members' weighted schedule over the members that take new picks. */
    private static final class Group {
        final int priority;
        final int[] schedule;
        /** The member indices that appear in the schedule, each once. */
        final int[] memberIndices;
        final AtomicLong counter = new AtomicLong();

        Group(int priority, long[] weights) {
            this.priority = priority;
            this.schedule = WeightedSchedule.build(weights);
            this.memberIndices = IntStream.range(0, weights.length).filter(i -> weights[i] > 0).toArray();
        }

        BackendHandle next(BackendHandle[] members) {
            return members[schedule[slot(counter, schedule.length)]];
        }
    }

    private final List<MemberPlan> plan;
    private final BackendHandle[] members;
    private final Group[] groups;
    /** Strict priority: the best group with a pickable member; null when none has one or spill is on. */
    private final Group best;
    /** Gradual spill: the group of each pick slot, proportional to the Envoy priority loads; null when strict. */
    private final int[] groupSchedule;
    private final AtomicLong groupCounter = new AtomicLong();
    private final MaglevTable affinity;
    /** whenAllUnavailable=panic: every enabled member regardless of availability; null otherwise. */
    private final Group panic;
    private final NoneAvailable none;

    private PoolBalancer(List<MemberPlan> plan, BackendHandle[] members, Group[] groups, Group best, int[] groupSchedule,
                         MaglevTable affinity, Group panic, NoneAvailable none) {
        this.plan = List.copyOf(plan);
        this.members = members;
        this.groups = groups;
        this.best = best;
        this.groupSchedule = groupSchedule;
        this.affinity = affinity;
        this.panic = panic;
        this.none = none;
    }

    /**
     * @param overprovisioningFactor null for strict APIM priority, else Envoy's gradual spill
     * @param panicMode              balance over every enabled member when none is available
     * @param affinity               Maglev table of member indices; null without session affinity
     */
    static PoolBalancer of(List<MemberPlan> plan, Double overprovisioningFactor, boolean panicMode,
                           MaglevTable affinity, NoneAvailable none) {
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
        List<Group> groups = new ArrayList<>();
        weightsByPriority.forEach((p, w) -> groups.add(new Group(p, w)));
        Group best = null;
        int[] groupSchedule = null;
        if (overprovisioningFactor == null) {
            best = groups.stream().filter(g -> g.schedule.length > 0).findFirst().orElse(null);
        } else {
            int[] available = countsByPriority.values().stream().mapToInt(c -> c[0]).toArray();
            int[] total = countsByPriority.values().stream().mapToInt(c -> c[1]).toArray();
            groupSchedule = WeightedSchedule.build(PriorityLoad.loads(available, total, overprovisioningFactor));
        }
        Group panic = panicMode && Arrays.stream(panicWeights).anyMatch(w -> w > 0) ? new Group(0, panicWeights) : null;
        return new PoolBalancer(plan, members, groups.toArray(Group[]::new), best, groupSchedule, affinity, panic, none);
    }

    Pick pick(String affinityKey, Attempts attempts) {
        if (attempts != null && attempts.count() > 0) {
            if (attempts.preferUntried()) {
                BackendHandle untried = scan(attempts);
                if (untried != null) {
                    return untried;
                }
            }
        } else if (affinityKey != null && affinity != null) {
            BackendHandle h = members[affinity.lookup(KeyHash.hash(affinityKey))];
            if (h.availability.takesAffinity() && h.admit()) {
                return h;
            }
        }
        Group g = groupSchedule == null ? best
                : groupSchedule.length == 0 ? null : groups[groupSchedule[slot(groupCounter, groupSchedule.length)]];
        if (g != null) {
            BackendHandle h = g.next(members);
            if (h.admit()) {
                return h;
            }
            BackendHandle other = scan(null);
            if (other != null) {
                return other;
            }
        }
        return panic != null ? panic.next(members) : none;
    }

    /** The member an affinity key maps to (whatever its availability). */
    BackendHandle affinityMember(String affinityKey) {
        return members[affinity.lookup(KeyHash.hash(affinityKey))];
    }

    MaglevTable affinity() {
        return affinity;
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
        for (Group g : groups) {
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
    private BackendHandle scan(Group g, Attempts attempts) {
        int len = g.schedule.length;
        if (len == 0) {
            return null;
        }
        int start = slot(g.counter, len);
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

    /** Next slot of a schedule; the counter only grows, so it stays non-negative for 2^63 picks. */
    private static int slot(AtomicLong counter, int length) {
        return (int) (counter.getAndIncrement() % length);
    }
}
