package dev.switchboard.engine.balance;

/**
 * e^(-x) for the peak-EWMA decay weight without {@link Math#exp}: every sample of a peak-ewma pick needs it, on the
 * pick's critical path. Finagle's PeakEwma computes {@code math.exp(-td / Tau)}; this is the same function to within
 * 3e-8 relative error (DecayTest), far below what a cost comparison can notice (the form 1 - x the pick used before
 * for gaps under 10 ms was off by up to 5e-7).
 *
 * <p>How: e^(-x) = 2^(-y/64) with y = 64 x log2(e); y = 64 n + k + u with u in [-1/2, 1/2], the nearest integer found
 * by adding 1.5 x 2^52 (no conversion to int and back). 2^(-n) is built from its exponent bits, 2^(-k/64) comes from
 * a 64-entry table, and 2^(-u/64) = e^(-c u), c = ln 2 / 64, from its Taylor series to (c u)^2 / 2 in two fused
 * multiply-adds (the next term is under 2.7e-8).
 */
public final class Decay {

    /** Steps of y per unit of x: e^(-x) = 2^(-y/64) for y = x STEPS_PER_UNIT. */
    public static final double STEPS_PER_UNIT = 64 / Math.log(2);
    private static final double LN2_64 = Math.log(2) / 64;
    /** Beyond e^(-700), below 1e-304 near the end of the normal doubles: left to Math.exp (idle for hours). */
    private static final double STEP_LIMIT = 700 * STEPS_PER_UNIT;
    /** 1.5 x 2^52: a double in [0, 2^51) added to it has its nearest integer in the sum's low mantissa bits. */
    private static final double ROUND = 0x1.8p52;
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
        return sixtyFourthHalvings(x * STEPS_PER_UNIT);
    }

    /**
     * 2^(-y/64) for y >= 0, that is e^(-y / STEPS_PER_UNIT): a caller that scales its input anyway (a time gap by the
     * decay time) folds STEPS_PER_UNIT into its own factor and saves a multiplication on the pick's critical path.
     */
    public static double sixtyFourthHalvings(double y) {
        if (!(y < STEP_LIMIT)) {
            return Math.exp(-y / STEPS_PER_UNIT);
        }
        double shifted = y + ROUND;
        long steps = Double.doubleToRawLongBits(shifted);
        double u = y - (shifted - ROUND);
        double tail = Math.fma(u, Math.fma(u, LN2_64 * LN2_64 / 2, -LN2_64), 1);
        double halvings = Double.longBitsToDouble((1023 - (steps >> 6 & 0x7FF)) << 52);
        return halvings * SIXTY_FOURTHS[(int) steps & 63] * tail;
    }
}
