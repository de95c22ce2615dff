package dev.switchboard.engine.balance;

/**
 * Envoy's priority load with an overprovisioning factor: each group's health is
 * min(100%, availableFraction x factor); the best group takes its health, the next takes what is left up to its
 * own health, and so on. When the groups together are under 100% the loads are scaled up to 100% (Envoy's
 * normalisation), so the pool always serves while any member is available.
 */
public final class PriorityLoad {

    /** Loads are in units of 1/10,000 of the traffic. */
    public static final int FULL = 10_000;

    private PriorityLoad() {
    }

    /** Load per group, summing to {@link #FULL} (or all zero when nothing is available). */
    public static long[] loads(int[] available, int[] total, double factor) {
        long[] health = new long[available.length];
        long sum = 0;
        for (int g = 0; g < available.length; g++) {
            health[g] = total[g] == 0 ? 0
                    : Math.min(FULL, Math.round((double) available[g] / total[g] * factor * FULL));
        }
        long[] load = new long[available.length];
        long remaining = FULL;
        for (int g = 0; g < available.length; g++) {
            load[g] = Math.min(remaining, health[g]);
            remaining -= load[g];
            sum += load[g];
        }
        if (sum == 0 || remaining == 0) {
            return load;
        }
        long assigned = 0;
        int last = -1;
        for (int g = 0; g < load.length; g++) {
            if (load[g] > 0) {
                load[g] = load[g] * FULL / sum;
                assigned += load[g];
                last = g;
            }
        }
        load[last] += FULL - assigned;
        return load;
    }
}
