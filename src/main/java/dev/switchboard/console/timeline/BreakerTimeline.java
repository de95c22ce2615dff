package dev.switchboard.console.timeline;

import dev.switchboard.console.history.BreakerHistory;
import dev.switchboard.console.history.GatewayHistory;
import dev.switchboard.engine.breaker.BreakerState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * One strip per backend over the history window, coloured by breaker state, so a trip and its recovery read at a
 * glance. Drawn on a canvas: a few hundred segments redraw in well under a frame.
 */
public final class BreakerTimeline extends Region {

    static final double ROW_HEIGHT = 18;
    static final double LABEL_WIDTH = 130;
    private static final Map<BreakerState, Color> COLOURS = Map.of(
            BreakerState.CLOSED, Color.web("#3a9d5d"),
            BreakerState.OPEN, Color.web("#d64541"),
            BreakerState.HALF_OPEN, Color.web("#f0a30a"),
            BreakerState.FORCED_OPEN, Color.web("#7b1fa2"),
            BreakerState.FORCED_CLOSED, Color.web("#1e88e5"));

    private final Canvas canvas = new Canvas();
    private final Map<String, BreakerState> drawnNow = new HashMap<>();
    private GatewayHistory history;
    private int rows;

    public BreakerTimeline() {
        getStyleClass().add("breaker-timeline");
        getChildren().add(canvas);
        setMinHeight(ROW_HEIGHT * 2);
    }

    /** Draws {@code h} from now on; call {@link #redraw()} when it changed. */
    public void show(GatewayHistory h) {
        if (h != history || h.breakers().size() != rows) {
            rows = h.breakers().size();
            requestLayout();
        }
        history = h;
        redraw();
    }

    /** The state each backend's strip ends in (its current state as drawn). */
    public BreakerState drawnState(String backendId) {
        return drawnNow.get(backendId);
    }

    @Override
    protected double computePrefHeight(double width) {
        return (Math.max(rows, 1) + 1) * ROW_HEIGHT + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    public void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        drawnNow.clear();
        if (history == null) {
            return;
        }
        double stripWidth = Math.max(1, canvas.getWidth() - LABEL_WIDTH - 4);
        long now = history.latestMillis();
        long window = GatewayHistory.WINDOW.toMillis();
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.GREY);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("breakers, last " + GatewayHistory.WINDOW.toMinutes() + " min", 2, ROW_HEIGHT / 2);
        double y = ROW_HEIGHT;
        for (Map.Entry<String, BreakerHistory> e : history.breakers().entrySet()) {
            g.setFill(Color.GREY);
            g.fillText(e.getKey(), 2, y + ROW_HEIGHT / 2);
            List<BreakerHistory.Segment> segments = e.getValue().segments();
            for (int i = 0; i < segments.size(); i++) {
                long start = Math.max(segments.get(i).startMillis(), now - window);
                long end = i + 1 < segments.size() ? segments.get(i + 1).startMillis() : now;
                double x0 = LABEL_WIDTH + stripWidth * (start - (now - window)) / window;
                double x1 = LABEL_WIDTH + stripWidth * (end - (now - window)) / window;
                g.setFill(COLOURS.get(segments.get(i).state()));
                g.fillRect(x0, y + 2, Math.max(1, x1 - x0), ROW_HEIGHT - 4);
            }
            drawnNow.put(e.getKey(), e.getValue().current());
            y += ROW_HEIGHT;
        }
    }
}
