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

    /** Lemire's multiply-shift: the high 32 bits mapped onto [0, bound) without a division. */
    private static int index(long bits, int bound) {
        return (int) (((bits >>> 32) * bound) >>> 32);
    }
}
