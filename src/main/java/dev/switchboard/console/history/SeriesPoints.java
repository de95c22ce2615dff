package dev.switchboard.console.history;

/**
 * Points of one series, oldest first: {@code times} in epoch millis, {@code values} NaN where there is no data (a
 * chart draws a gap there).
 */
public record SeriesPoints(double[] times, double[] values) {

    public int size() {
        return times.length;
    }
}
