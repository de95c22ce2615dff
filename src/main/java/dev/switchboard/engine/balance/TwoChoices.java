package dev.switchboard.engine.balance;

/**
 * The sampling half of power-of-two-choices: two distinct members drawn by weight from a group's schedule, with
 * random bits from a counter mixed by SplitMix64, so picks are lock-free, allocation-free and reproducible in tests.
 */
public final class TwoChoices {

    /** Draws of the second sample before falling back to the next distinct member. */
    private static final int REDRAWS = 3;

    private TwoChoices() {
    }

    /** 64 well-mixed bits from a counter value (SplitMix64's finaliser). */
    public static long mix(long counter) {
        long z = (counter + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The first sample: a schedule slot picked by the high 32 bits, so a member comes up in proportion to its weight. */
    public static int first(int[] schedule, long bits) {
        return schedule[index(bits, schedule.length)];
    }

    /**
     * A second sample, by weight too, that is not {@code first}; after a few draws that all hit {@code first} (a
     * dominant weight), the next member after it in {@code members}. {@code members} has at least two entries.
     * The first draw takes the low 32 bits of the same {@code bits} (SplitMix64's halves are independent), so the
     * common case waits for one mix, not two.
     */
    public static int second(int[] schedule, int[] members, int first, long bits) {
        long r = bits;
        int candidate = schedule[index(r << 32, schedule.length)];
        for (int i = 1; candidate == first && i < REDRAWS; i++) {
            r = mix(r);
            candidate = schedule[index(r, schedule.length)];
        }
        if (candidate != first) {
            return candidate;
        }
        int start = index(r, members.length);
        return members[start] != first ? members[start] : members[(start + 1) % members.length];
    }

    /**
     * {@code b} when its cost is strictly lower, else {@code a}, without a branch: the two costs are random, so a
     * branch was mispredicted about half the time, which measured 10-15 ns of a 50 ns pick. Costs are finite and
     * non-negative: their difference's sign bit says whether b is cheaper (a tie gives +0.0, so a).
     */
    public static int cheaper(int a, double costA, int b, double costB) {
        int bCheaper = (int) (Double.doubleToRawLongBits(costB - costA) >> 63);
        return a ^ ((a ^ b) & bCheaper);
    }

    /** Lemire's multiply-shift: the high 32 bits mapped onto [0, bound) without a division. */
    private static int index(long bits, int bound) {
        return (int) (((bits >>> 32) * bound) >>> 32);
    }
}
