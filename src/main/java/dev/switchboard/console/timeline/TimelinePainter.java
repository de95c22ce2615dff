package dev.switchboard.console.timeline;

import dev.switchboard.console.timeline.TimelineModel.Band;
import dev.switchboard.console.timeline.TimelineModel.Row;
import dev.switchboard.console.timeline.TimelineModel.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

/** Paints the timeline's rows, bands and time axis on its canvas, and maps canvas points back to time and band. */
final class TimelinePainter {

    static final double LABEL_WIDTH = 130;
    static final double AXIS_HEIGHT = 22;
    /** Room right of "now" for its label. */
    private static final double RIGHT_MARGIN = 14;
    private static final int TICKS = 5;
    /** Room a tick's label ("\u221215 min") needs so that neighbours do not run into each other. */
    private static final double MIN_TICK_SPACING = 64;
    private static final Color TEXT = Color.web("#808080");
    private static final Color NOW = Color.web("#1e88e5");

    private static final int HATCH_PITCH = 5;
    private static final Map<Tone, Paint> PAINTS = new EnumMap<>(Tone.class);

    private final Canvas canvas;
    private final double rowHeight;
    private final List<String> axisLabels = new ArrayList<>();
    private int rowsDrawn;

    TimelinePainter(Canvas canvas, double rowHeight) {
        this.canvas = canvas;
        this.rowHeight = rowHeight;
    }

    void paint(List<Row> rows, long nowMillis, Duration window) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        rowsDrawn = rows.size();
        double y = 0;
        for (Row row : rows) {
            g.setFill(TEXT);
            g.fillText(row.backendId(), 2, y + rowHeight / 2, LABEL_WIDTH - 6);
            for (Span s : row.spans()) {
                double x0 = x(s.startMillis(), nowMillis, window);
                double x1 = x(s.endMillis(), nowMillis, window);
                double w = Math.max(1, x1 - x0);
                fill(g, Tone.of(s.state()), x0, y + top(s.band()), w, height(s.band()));
                if (s.began().recovered()) {
                    // Still no live data: the state is the gateway's record, learnt after the gap, so hatched over.
                    fill(g, Tone.NO_DATA, x0, y + top(s.band()), w, height(s.band()));
                }
            }
            y += rowHeight;
        }
        axis(g, y, nowMillis, window);
    }

    private void axis(GraphicsContext g, double y, long nowMillis, Duration window) {
        axisLabels.clear();
        double right = x(nowMillis, nowMillis, window);
        g.setStroke(TEXT);
        g.setLineWidth(1);
        g.strokeLine(LABEL_WIDTH, y + 0.5, right, y + 0.5);
        g.setTextAlign(TextAlignment.CENTER);
        int ticks = ticks(window);
        for (int k = ticks; k >= 0; k--) {
            long minutesAgo = window.toMinutes() * k / ticks;
            double x = x(nowMillis - window.toMillis() * k / ticks, nowMillis, window);
            String label = k == 0 ? "now" : "\u2212" + minutesAgo + " min";
            g.setStroke(k == 0 ? NOW : TEXT);
            g.strokeLine(x, k == 0 ? 0 : y, x, y + 4);
            g.setFill(k == 0 ? NOW : TEXT);
            g.fillText(label, Math.min(x, canvas.getWidth() - 16), y + AXIS_HEIGHT / 2 + 3);
            axisLabels.add(label);
        }
    }

    /** Up to {@link #TICKS} steps of whole minutes, as many as the strip has room for (a narrow pane takes fewer). */
    private int ticks(Duration window) {
        long minutes = window.toMinutes();
        for (int n = TICKS; n > 1; n--) {
            if (minutes % n == 0 && stripWidth() / n >= MIN_TICK_SPACING) {
                return n;
            }
        }
        return 1;
    }

    /** Fills a band: a tone's colour, hatched for no data. */
    static void fill(GraphicsContext g, Tone tone, double x, double y, double w, double h) {
        g.setFill(PAINTS.computeIfAbsent(tone, TimelinePainter::paint));
        g.fillRect(x, y, w, h);
    }

    /**
     * A tone's fill: its colour, or for no data a faint hatch as a tiled image anchored on the canvas, so adjacent
     * gaps line up. One filled rectangle either way: stroking every hatch line cost a long timeline (50 backends, an
     * hour of gaps) tens of thousands of lines a redraw, most of a frame in software rendering.
     */
    private static Paint paint(Tone tone) {
        Color colour = Color.web(tone.colour());
        if (tone != Tone.NO_DATA) {
            return colour;
        }
        Color faint = colour.deriveColor(0, 1, 1, 0.25);
        WritableImage tile = new WritableImage(HATCH_PITCH, HATCH_PITCH);
        for (int tx = 0; tx < HATCH_PITCH; tx++) {
            for (int ty = 0; ty < HATCH_PITCH; ty++) {
                tile.getPixelWriter().setColor(tx, ty, (tx + ty) % HATCH_PITCH == HATCH_PITCH - 1 ? colour : faint);
            }
        }
        return new ImagePattern(tile, 0, 0, HATCH_PITCH, HATCH_PITCH, false);
    }

    private double x(long millis, long nowMillis, Duration window) {
        double from = nowMillis - window.toMillis();
        return LABEL_WIDTH + stripWidth() * (millis - from) / window.toMillis();
    }

    /** How much time one pixel of the strips spans. */
    double millisPerPixel(Duration window) {
        return window.toMillis() / stripWidth();
    }

    private double stripWidth() {
        return Math.max(1, canvas.getWidth() - LABEL_WIDTH - RIGHT_MARGIN);
    }

    /** The time under canvas x, if x is over the strips. */
    Optional<Long> timeAt(double x, long nowMillis, Duration window) {
        if (x < LABEL_WIDTH || x > LABEL_WIDTH + stripWidth()) {
            return Optional.empty();
        }
        return Optional.of(nowMillis - window.toMillis() + (long) ((x - LABEL_WIDTH) / stripWidth() * window.toMillis()));
    }

    // Band geometry within a row: breaker tall on top, availability below, admin state a thin line at the bottom.
    private static double top(Band band) {
        return switch (band) {
            case BREAKER -> 3;
            case AVAILABILITY -> 18;
            case ADMIN -> 25;
        };
    }

    private static double height(Band band) {
        return switch (band) {
            case BREAKER -> 13;
            case AVAILABILITY -> 6;
            case ADMIN -> 3;
        };
    }

    /** The band under a y offset within a row (generous, so the thin admin band can be hovered). */
    static Band bandAt(double yInRow) {
        return yInRow < 17 ? Band.BREAKER : yInRow < 24 ? Band.AVAILABILITY : Band.ADMIN;
    }

    /** How many rows the last paint drew, from the top of the canvas. */
    int rowsDrawn() {
        return rowsDrawn;
    }

    List<String> axisLabels() {
        return axisLabels;
    }
}
