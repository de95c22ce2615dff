package dev.switchboard.console.charts;

import dev.switchboard.console.history.SeriesPoints;
import java.util.List;

/**
 * One chart as the view model computed it: what the chart draws, nothing it decides itself.
 *
 * @param fromMillis left edge of the x axis, epoch millis
 * @param toMillis   right edge ("now" of the data)
 * @param yMax       top of the y axis (bottom is 0); points above it are drawn clipped at the top
 */
public record ChartData(String title, String unit, long fromMillis, long toMillis, double yMax, List<Line> lines) {

    /** How a line is stroked; a backend keeps its colour across its lines. */
    public enum Stroke { SOLID, DASHED, DOTTED }

    /**
     * @param colour index into the chart's palette, one per backend
     */
    public record Line(String label, int colour, Stroke stroke, SeriesPoints points) {
    }

    public ChartData {
        lines = List.copyOf(lines);
    }

    public static ChartData empty(String title, String unit) {
        return new ChartData(title, unit, 0, 1, 1, List.of());
    }
}
