package dev.switchboard.engine;

import dev.switchboard.config.Balancer;
import dev.switchboard.engine.balance.BackendLoad;
import dev.switchboard.engine.balance.MaglevTable;
import dev.switchboard.engine.balance.TwoChoices;
import dev.switchboard.engine.balance.WeightedSchedule;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * One priority group of a pool and how it picks among its members: the next slot of its weighted schedule, or
 * (least-request, peak-ewma) the cheaper of two distinct members sampled by weight, cost per unit of weight.
 */
final class PriorityGroup {

    final int priority;
    /** The group's session-affinity table (member indices); null without session affinity. */
    final MaglevTable affinity;
    final int[] schedule;
    /** The member indices that appear in the schedule, each once. */
    final int[] memberIndices;
    /** 1 / pick weight by member index (unused for members not in this group): costs are compared per unit of weight. */
    private final double[] inverseWeights;
    /**
     * The members' loads by member index (null entries when the balancer is weighted): one dependent load per
     * sample instead of three (handle, runtime, load), which with 1,000 members are mostly cache misses.
     */
    private final BackendLoad[] loads;
    private final Balancer balancer;
    private final OutcomeTime time;
    final AtomicLong counter = new AtomicLong();
    /**
     * The two-choices draws' counter. Plain, not atomic: two loops racing may draw the same bits once, which only
     * repeats a random sample, and the lock prefix an atomic add costs was a tenth of a pick.
     */
    private long draws;

    PriorityGroup(int priority, long[] weights, BackendHandle[] members, Balancer balancer, OutcomeTime time, MaglevTable affinity) {
        this.priority = priority;
        this.affinity = affinity;
        this.loads = Arrays.stream(members).map(h -> h.load).toArray(BackendLoad[]::new);
        this.inverseWeights = Arrays.stream(weights).mapToDouble(w -> w > 0 ? 1.0 / w : 0).toArray();
        this.schedule = WeightedSchedule.build(weights);
        this.memberIndices = IntStream.range(0, weights.length).filter(i -> weights[i] > 0).toArray();
        this.balancer = balancer;
        this.time = time;
    }

    /** The next member, counted in flight ({@link BackendHandle#started}); the group's schedule is not empty. */
    BackendHandle next(BackendHandle[] members) {
        if (balancer == Balancer.WEIGHTED || memberIndices.length < 2) {
            BackendHandle h = members[schedule[slot(counter, schedule.length)]];
            h.started();
            return h;
        }
        long bits = TwoChoices.mix(draws++);
        int a = TwoChoices.first(schedule, bits);
        int b = TwoChoices.second(schedule, memberIndices, a, bits);
        long now = balancer == Balancer.PEAK_EWMA ? time.nanos() : 0;
        // Ties go to the first sample, so an idle group spreads exactly by weight.
        int chosen = TwoChoices.cheaper(a, cost(a, now), b, cost(b, now));
        // Counted through the load the comparison has just read, not the handle's: the atomic add need not wait
        // for the handle's cache line (~2-4 ns a pick).
        loads[chosen].started();
        return members[chosen];
    }

    /** The group's latency: its fastest member's peak-EWMA (0 while one has no sample), for spillWhenSlow. */
    double latencyNanos(long now) {
        double best = Double.MAX_VALUE;
        for (int i : memberIndices) {
            best = Math.min(best, loads[i].latencyNanos(now));
        }
        return best;
    }

    /**
     * Per unit of weight. least-request compares bare in-flight counts, so an idle group ties and the weighted first
     * sample wins: exact weights when idle. peak-ewma divides Finagle's cost by the weight (Linkerd's weighted load).
     */
    private double cost(int index, long now) {
        BackendLoad load = loads[index];
        return (balancer == Balancer.LEAST_REQUEST ? load.inFlight() : load.peakEwmaCost(now)) * inverseWeights[index];
    }

    /** Next slot of a schedule; the counter only grows, so it stays non-negative for 2^63 picks. */
    static int slot(AtomicLong counter, int length) {
        return (int) (counter.getAndIncrement() % length);
    }
}
