package dev.switchboard.engine.balance;

import java.util.Arrays;
import java.util.List;

/**
 * Maglev consistent hashing (Eisenbud et al., NSDI 2016; Envoy's weighted maglev LB): a lookup table of a prime
 * size where every member owns a share of the slots proportional to its weight, filled from per-member
 * permutations so that adding or removing one member moves only about its share of the keys.
 */
public final class MaglevTable {

    /** Table size: prime, as Maglev requires, and Envoy's default. */
    public static final int SIZE = 65537;

    private static final long SKIP_SEED = 0x9e3779b97f4a7c15L;

    private final int[] slots;
    private final List<String> names;
    private final int[] values;
    private final long[] weights;

    private MaglevTable(int[] slots, List<String> names, int[] values, long[] weights) {
        this.slots = slots;
        this.names = names;
        this.values = values;
        this.weights = weights;
    }

    /**
     * Builds the table over the named members; a slot holds {@code values[i]} for the member {@code names.get(i)},
     * which owns about {@code weights[i] / sum(weights)} of the slots. Names decide the permutations, so the same
     * member keeps its slots whatever its position in the list.
     */
    public static MaglevTable build(List<String> names, int[] values, long[] weights) {
        int n = names.size();
        if (n == 0) {
            throw new IllegalArgumentException("a Maglev table needs at least one member");
        }
        long maxWeight = Arrays.stream(weights).max().orElse(0);
        if (weights.length != n || maxWeight <= 0 || Arrays.stream(weights).anyMatch(w -> w <= 0)) {
            throw new IllegalArgumentException("a Maglev table needs a positive weight per member");
        }
        long[] offset = new long[n];
        long[] skip = new long[n];
        long[] next = new long[n];
        for (int i = 0; i < n; i++) {
            offset[i] = Long.remainderUnsigned(KeyHash.hash(names.get(i)), SIZE);
            skip[i] = Long.remainderUnsigned(KeyHash.hash(names.get(i), SKIP_SEED), SIZE - 1) + 1;
        }
        // Envoy's weighting: a member of the largest weight takes a slot every round, one of a third of it every
        // third round, so slot counts follow the weights.
        long[] due = new long[n];
        int[] slots = new int[SIZE];
        boolean[] taken = new boolean[SIZE];
        int filled = 0;
        for (long round = 1; ; round++) {
            for (int i = 0; i < n; i++) {
                if (round * weights[i] < due[i]) {
                    continue;
                }
                due[i] += maxWeight;
                int c = (int) ((offset[i] + next[i] * skip[i]) % SIZE);
                while (taken[c]) {
                    next[i]++;
                    c = (int) ((offset[i] + next[i] * skip[i]) % SIZE);
                }
                taken[c] = true;
                slots[c] = values[i];
                next[i]++;
                if (++filled == SIZE) {
                    return new MaglevTable(slots, List.copyOf(names), values.clone(), weights.clone());
                }
            }
        }
    }

    /** The value of the slot this key hash falls in. */
    public int lookup(long keyHash) {
        return slots[(int) ((keyHash >>> 1) % SIZE)];
    }

    /** True when this table was built from these members, so a rebuild can reuse it. */
    public boolean builtFrom(List<String> names, int[] values, long[] weights) {
        return this.names.equals(names) && Arrays.equals(this.values, values) && Arrays.equals(this.weights, weights);
    }
}
