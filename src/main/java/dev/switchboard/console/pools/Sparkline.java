package dev.switchboard.console.pools;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** Requests per second over the last minute as a small line; unknown points leave a gap instead of dropping to 0. */
final class Sparkline extends Canvas {

    private static final Color LINE = Color.web("#2f6fb3");

    Sparkline(double width, double height) {
        super(width, height);
        getStyleClass().add("sparkline");
    }

    void draw(double[] values) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        double max = 0;
        for (double v : values) {
            max = Double.isNaN(v) ? max : Math.max(max, v);
        }
        if (values.length < 2 || max == 0) {
            return;
        }
        g.setStroke(LINE);
        g.setLineWidth(1.2);
        double step = getWidth() / (values.length - 1);
        boolean drawing = false;
        g.beginPath();
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                drawing = false;
                continue;
            }
            double x = i * step;
            double y = getHeight() - 1 - values[i] / max * (getHeight() - 2);
            if (drawing) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                drawing = true;
            }
        }
        g.stroke();
    }
}
