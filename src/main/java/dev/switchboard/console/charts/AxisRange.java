package dev.switchboard.console.charts;

import java.util.Arrays;

/**
 * The top of a y axis that a single spike cannot own: it follows a high percentile of the points shown (not their
 * maximum), rises at once when the data does, and falls back slowly, so a startup spike is clipped rather than
 * flattening every real line for minutes, and the axis does not jump on every update.
 */
final class AxisRange {

    /** Share of the points that may lie above the axis: a few outliers, never a real level. */
    static final double PERCENTILE = 0.98;
    /** Headroom above the percentile. */
    static final double HEADROOM = 1.2;
    /** How much of the way down towards a lower target each update goes. */
    static final double DECAY = 0.2;

    private final double minimum;
    private double top = Double.NaN;

    /** @param minimum the smallest top, so an idle chart still has a readable axis */
    AxisRange(double minimum) {
        this.minimum = minimum;
    }

    /** Forgets the past (another gateway or window): the next update sets the top outright. */
    void reset() {
        top = Double.NaN;
    }

    /** Takes the values now shown (NaN ignored); returns the new top. */
    double update(double[] values, int count) {
        double target = Math.max(minimum, nice(percentile(values, count) * HEADROOM));
        if (Double.isNaN(top) || target >= top) {
            top = target;
        } else {
            top = Math.max(target, top - (top - target) * DECAY);
        }
        return top;
    }

    private static double percentile(double[] values, int count) {
        double[] finite = Arrays.stream(values, 0, count).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return 0;
        }
        return finite[(int) Math.min(finite.length - 1, Math.floor(finite.length * PERCENTILE))];
    }

    /** Rounds up to 1, 2 or 5 times a power of ten, so tick labels are round. */
    static double nice(double value) {
        if (value <= 0) {
            return 0;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (value <= step * power + 1e-9) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
