package dev.switchboard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Thread CPU time per pick over {@link PickBenchmark}'s pools: on a machine shared with other builds JMH's wall-clock
 * times swing by several times, while the CPU time the picking thread itself used stays within ~20 %. Best of seven
 * rounds of a million picks, after three million to warm up. Arguments: backends, then pool ids
 * (rr, weighted, least-request, peak-ewma).
 */
public final class PickCpuTime {

    private static Object sink;

    private PickCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int backends = Integer.parseInt(args[0]);
        for (int t = 1; t < args.length; t++) {
            PickBenchmark.Pools pools = new PickBenchmark.Pools();
            pools.backends = backends;
            pools.setUp();
            picks(pools, args[t], 3_000_000);
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 7; round++) {
                long start = threads.getCurrentThreadCpuTime();
                picks(pools, args[t], 1_000_000);
                best = Math.min(best, (threads.getCurrentThreadCpuTime() - start) / 1e6);
            }
            System.out.printf("%-14s %5d backends: %6.1f ns CPU per pick%n", args[t], backends, best);
        }
    }

    /** {@code count} picks from one pool; public so a harness can time engines of two builds side by side. */
    public static void picks(PickBenchmark.Pools pools, String pool, int count) {
        for (int i = 0; i < count; i++) {
            sink = pools.engine.pick(pool, null, null);
        }
    }
}
