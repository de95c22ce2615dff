package dev.switchboard.engine.balance;

import java.util.List;

/**
 * Maglev consistent hashing (Eisenbud et al., NSDI 2016; Envoy's maglev LB): a lookup table of a prime size where
 * every member owns about 1/n of the slots, filled from per-member permutations so that adding or removing one
 * member moves only about 1/n of the keys.
 */
public final class MaglevTable {

    /** Table size: prime, as Maglev requires, and Envoy's default. */
    public static final int SIZE = 65537;

    private static final long SKIP_SEED = 0x9e3779b97f4a7c15L;

    private final int[] slots;
    private final List<String> names;
    private final int[] values;

    private MaglevTable(int[] slots, List<String> names, int[] values) {
        this.slots = slots;
        this.names = names;
        this.values = values;
    }

    /**
     * Builds the table over the named members; a slot holds {@code values[i]} for the member {@code names.get(i)}.
     * Names decide the permutations, so the same member keeps its slots whatever its position in the list.
     */
    public static MaglevTable build(List<String> names, int[] values) {
        int n = names.size();
        if (n == 0) {
            throw new IllegalArgumentException("a Maglev table needs at least one member");
        }
        long[] offset = new long[n];
        long[] skip = new long[n];
        long[] next = new long[n];
        for (int i = 0; i < n; i++) {
            offset[i] = Long.remainderUnsigned(KeyHash.hash(names.get(i)), SIZE);
            skip[i] = Long.remainderUnsigned(KeyHash.hash(names.get(i), SKIP_SEED), SIZE - 1) + 1;
        }
        int[] slots = new int[SIZE];
        boolean[] taken = new boolean[SIZE];
        int filled = 0;
        while (true) {
            for (int i = 0; i < n; i++) {
                int c = (int) ((offset[i] + next[i] * skip[i]) % SIZE);
                while (taken[c]) {
                    next[i]++;
                    c = (int) ((offset[i] + next[i] * skip[i]) % SIZE);
                }
                taken[c] = true;
                slots[c] = values[i];
                next[i]++;
                if (++filled == SIZE) {
                    return new MaglevTable(slots, List.copyOf(names), values.clone());
                }
            }
        }
    }

    /** The value of the slot this key hash falls in. */
    public int lookup(long keyHash) {
        return slots[(int) ((keyHash >>> 1) % SIZE)];
    }

    /** True when this table was built from these members, so a rebuild can reuse it. */
    public boolean builtFrom(List<String> names, int[] values) {
        return this.names.equals(names) && java.util.Arrays.equals(this.values, values);
    }
}
