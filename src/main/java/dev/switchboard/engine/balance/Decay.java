package dev.switchboard.engine.balance;

/**
 * e^(-x) for the peak-EWMA decay weight without {@link Math#exp}: a backend that last answered more than 10 ms ago
 * (most of them, in a large pool) needs it on every sample, and independent calls take ~4 ns against ~6 ns for
 * Math.exp (DecayBenchmark). Finagle's PeakEwma computes {@code math.exp(-td / Tau)}; this is
 * the same function to within 1e-11 relative error (DecayTest), far below what a cost comparison can notice.
 *
 * <p>How: e^(-x) = 2^(-y) with y = x log2(e); y = n + k/64 + f with f in [0, 1/64). 2^(-n) is built from its exponent
 * bits, 2^(-k/64) comes from a 64-entry table, and 2^(-f) = e^(-r), r = f ln 2, from its Taylor series up to r^4/24 (the
 * next term is under 1.3e-12).
 */
public final class Decay {

    private static final double LOG2_E = 1 / Math.log(2);
    private static final double LN2_64 = Math.log(2) / 64;
    /** Beyond this e^(-x) is below 1e-304, near the end of the normal doubles: left to Math.exp (idle for hours). */
    private static final double TABLE_LIMIT = 700;
    /** 2^(-k/64) for k = 0..63. */
    private static final double[] SIXTY_FOURTHS = new double[64];

    static {
        for (int k = 0; k < 64; k++) {
            SIXTY_FOURTHS[k] = Math.pow(2, -k / 64.0);
        }
    }

    private Decay() {
    }

    /** e^(-x) for x >= 0. */
    public static double exp(double x) {
        if (!(x < TABLE_LIMIT)) {
            return Math.exp(-x);
        }
        double y = x * (64 * LOG2_E);
        int steps = (int) y;
        double r = (y - steps) * LN2_64;
        double tail = 1 - r * (1 - r * (0.5 - r * (1.0 / 6 - r * (1.0 / 24))));
        double halvings = Double.longBitsToDouble((long) (1023 - (steps >> 6)) << 52);
        return halvings * SIXTY_FOURTHS[steps & 63] * tail;
    }
}
