package dev.switchboard.engine.balance;

/**
 * Builds the precomputed pick sequence of a weighted group: entry k is the index of the k-th pick. Picking is
 * then {@code schedule[counter++ % length]}, O(1) and allocation-free, however many members there are.
 *
 * <p>Earliest-deadline-first over integer weights reduced by their gcd: the j-th pick of member i (j = 0..w-1) has
 * deadline (2j+1)/(2w), so over one cycle (length = sum of reduced weights) every member gets exactly its weight,
 * and picks interleave smoothly ({5,1,1} gives a a a b c a a). Ties go to the lower index, so the sequence is
 * deterministic.
 */
public final class WeightedSchedule {

    /** Longest schedule; larger weight sums are scaled down proportionally (each positive weight keeps >= 1). */
    public static final int MAX_LENGTH = 1 << 20;

    private static final int[] EMPTY = new int[0];

    private WeightedSchedule() {
    }

    /** The pick sequence for these weights; members with weight <= 0 never appear. Empty when no weight is positive. */
    public static int[] build(long[] weights) {
        long[] w = reduce(weights);
        long total = 0;
        for (long x : w) {
            total += x;
        }
        if (total == 0) {
            return EMPTY;
        }
        int[] schedule = new int[(int) total];
        long[] picks = new long[w.length];
        int[] heap = new int[w.length];
        int size = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                heap[size] = i;
                siftUp(heap, size++, picks, w);
            }
        }
        for (int k = 0; k < schedule.length; k++) {
            int top = heap[0];
            schedule[k] = top;
            picks[top]++;
            siftDown(heap, size, picks, w);
        }
        return schedule;
    }

    /** Weights divided by their gcd, then scaled down if their sum exceeds {@link #MAX_LENGTH}. */
    static long[] reduce(long[] weights) {
        long g = 0;
        long total = 0;
        for (long x : weights) {
            if (x > 0) {
                g = gcd(g, x);
                total += x;
            }
        }
        long[] out = new long[weights.length];
        if (g == 0) {
            return out;
        }
        total /= g;
        for (int i = 0; i < weights.length; i++) {
            long x = Math.max(0, weights[i]) / g;
            out[i] = total <= MAX_LENGTH || x == 0 ? x : Math.max(1, x * (MAX_LENGTH - weights.length) / total);
        }
        if (total > MAX_LENGTH) {
            return reduce(out);
        }
        return out;
    }

    public static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** Deadline of a's next pick is earlier than b's: (2pa+1)/(2wa) < (2pb+1)/(2wb), ties to the lower index. */
    private static boolean before(int a, int b, long[] picks, long[] w) {
        long left = (2 * picks[a] + 1) * w[b];
        long right = (2 * picks[b] + 1) * w[a];
        return left < right || (left == right && a < b);
    }

    private static void siftUp(int[] heap, int pos, long[] picks, long[] w) {
        int item = heap[pos];
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!before(item, heap[parent], picks, w)) {
                break;
            }
            heap[pos] = heap[parent];
            pos = parent;
        }
        heap[pos] = item;
    }

    private static void siftDown(int[] heap, int size, long[] picks, long[] w) {
        int item = heap[0];
        int pos = 0;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child], picks, w)) {
                child++;
            }
            if (!before(heap[child], item, picks, w)) {
                break;
            }
            heap[pos] = heap[child];
            pos = child;
        }
        heap[pos] = item;
    }
}
