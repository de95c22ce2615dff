package dev.switchboard.console.charts;

import javafx.scene.paint.Color;

/**
 * Series colours: 16 hues that stay apart on light and dark backgrounds (Tableau 10 and six more), so 12+ backends
 * never share one; beyond 16 the hue repeats with a lighter shade. Strokes tell a backend's lines apart.
 */
final class Palette {

    private static final Color[] COLOURS = {
        Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#e15759"), Color.web("#76b7b2"),
        Color.web("#59a14f"), Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"),
        Color.web("#9c755f"), Color.web("#bab0ac"), Color.web("#1f3f9f"), Color.web("#00a2c7"),
        Color.web("#8c564b"), Color.web("#d62798"), Color.web("#7f7f00"), Color.web("#17becf"),
    };

    private Palette() {
    }

    static int size() {
        return COLOURS.length;
    }

    static Color colour(int index) {
        Color c = COLOURS[index % COLOURS.length];
        return index < COLOURS.length ? c : c.deriveColor(0, 0.7, 1.25, 1);
    }

    static double[] dashes(ChartData.Stroke stroke) {
        return switch (stroke) {
            case SOLID -> new double[0];
            case DASHED -> new double[] {7, 4};
            case DOTTED -> new double[] {2, 3};
        };
    }
}
