package dev.switchboard.console.charts;

import dev.switchboard.console.common.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.text.TextAlignment;

/**
 * A line chart for live data on one Canvas: a whole redraw is a few thousand strokes, however many series, where
 * JavaFX's LineChart keeps a node per point and cannot leave gaps. NaN values break a line (no data is never drawn
 * as 0); a crosshair readout names every series' value under the mouse; the legend wraps below the plot so it
 * stays visible in a small window.
 */
public final class LiveChart extends VBox {

    private static final double LEFT = 56;
    private static final double RIGHT = 12;
    private static final double TOP = 8;
    private static final double BOTTOM = 22;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final Label title = new Label();
    private final Canvas canvas = new Canvas();
    private final Pane plot = new Pane(canvas);
    private final Label readout = new Label();
    private final FlowPane legend = new FlowPane(10, 2);
    private ChartData data = ChartData.empty("", "");
    private double hoverX = Double.NaN;

    public LiveChart() {
        getStyleClass().add("live-chart");
        title.getStyleClass().add("live-chart-title");
        readout.getStyleClass().add("live-chart-readout");
        readout.setMouseTransparent(true);
        // Light text on a dark panel reads the same over any line in both themes.
        readout.setStyle("-fx-background-color: rgba(25,25,25,0.88); -fx-text-fill: white; -fx-padding: 4 6; "
                + "-fx-background-radius: 4; -fx-font-size: 11px;");
        readout.setVisible(false);
        legend.getStyleClass().add("live-chart-legend");
        plot.getChildren().add(readout);
        plot.setMinHeight(80);
        canvas.widthProperty().bind(plot.widthProperty());
        canvas.heightProperty().bind(plot.heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMouseExited(e -> {
            hoverX = Double.NaN;
            redraw();
        });
        setVgrow(plot, Priority.ALWAYS);
        getChildren().addAll(title, plot, legend);
    }

    /** Shows new data; the legend is rebuilt only when its entries change. */
    public void show(ChartData next) {
        boolean sameLegend = next.lines().size() == data.lines().size() && java.util.stream.IntStream
                .range(0, next.lines().size()).allMatch(i -> next.lines().get(i).label().equals(data.lines().get(i).label()));
        data = next;
        title.setText(next.title());
        if (!sameLegend) {
            legend.getChildren().setAll(next.lines().stream().map(LiveChart::legendEntry).toList());
        }
        redraw();
    }

    public ChartData data() {
        return data;
    }

    /** The readout under the mouse, empty when the mouse is elsewhere. */
    public String readoutText() {
        return readout.isVisible() ? readout.getText() : "";
    }

    private static Label legendEntry(ChartData.Line line) {
        Line swatch = new Line(0, 0, 18, 0);
        swatch.setStroke(Palette.colour(line.colour()));
        swatch.setStrokeWidth(2.5);
        for (double d : Palette.dashes(line.stroke())) {
            swatch.getStrokeDashArray().add(d);
        }
        Label entry = new Label(line.label(), swatch);
        entry.getStyleClass().add("live-chart-legend-entry");
        return entry;
    }

    private void hover(MouseEvent e) {
        hoverX = e.getX();
        redraw();
    }

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        double pw = w - LEFT - RIGHT;
        double ph = h - TOP - BOTTOM;
        if (pw <= 0 || ph <= 0) {
            return;
        }
        Color ink = title.getTextFill() instanceof Color c ? c : Color.GRAY; // the theme's text colour
        drawAxes(g, pw, ph, ink);
        // Lines are kept inside the plot by clamping (drawLine), not by a canvas clip: a clip costs a full-canvas
        // mask in software rendering (Xvfb, remote desktops), every frame.
        for (ChartData.Line line : data.lines()) {
            drawLine(g, line, pw, ph);
        }
        drawReadout(g, pw, ph, ink);
    }

    private void drawAxes(GraphicsContext g, double pw, double ph, Color ink) {
        g.setLineDashes();
        g.setLineWidth(1);
        g.setFill(ink);
        g.setFont(javafx.scene.text.Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int i = 0; i <= 4; i++) {
            double value = data.yMax() * i / 4;
            double y = TOP + ph - ph * i / 4;
            g.setStroke(ink.deriveColor(0, 1, 1, 0.15));
            g.strokeLine(LEFT, y, LEFT + pw, y);
            g.fillText(number(value) + (i == 4 ? " " + data.unit() : ""), LEFT - 4, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        long span = data.toMillis() - data.fromMillis();
        for (int i = 0; i <= 5; i++) {
            double x = LEFT + pw * i / 5;
            long ago = span * (5 - i) / 5;
            g.fillText(i == 5 ? "now" : "-" + DurationText.of(Duration.ofMillis(ago)), x, TOP + ph + 4);
        }
        g.setStroke(ink.deriveColor(0, 1, 1, 0.5));
        g.strokeLine(LEFT, TOP + ph, LEFT + pw, TOP + ph);
        g.strokeLine(LEFT, TOP, LEFT, TOP + ph);
    }

    private void drawLine(GraphicsContext g, ChartData.Line line, double pw, double ph) {
        double[] times = line.points().times();
        double[] values = line.points().values();
        double span = Math.max(1, data.toMillis() - data.fromMillis());
        g.setStroke(Palette.colour(line.colour()));
        g.setLineWidth(1.6);
        g.setLineDashes(Palette.dashes(line.stroke()));
        boolean drawing = false;
        g.beginPath();
        for (int i = 0; i < times.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                drawing = false; // a gap: no data here
                continue;
            }
            double x = LEFT + (times[i] - data.fromMillis()) / span * pw;
            // A value above the axis (a spike the axis does not follow) runs along its top edge.
            double y = TOP + ph - Math.min(v, data.yMax()) / data.yMax() * ph;
            if (x < LEFT) {
                drawing = false; // before the window: the next point starts the line at the left edge
                continue;
            }
            if (!drawing && i > 0 && x > LEFT && Double.isFinite(values[i - 1]) && times[i - 1] < data.fromMillis()) {
                double before = TOP + ph - Math.min(values[i - 1], data.yMax()) / data.yMax() * ph;
                double xBefore = LEFT + (times[i - 1] - data.fromMillis()) / span * pw;
                g.moveTo(LEFT, before + (y - before) * (LEFT - xBefore) / (x - xBefore));
                drawing = true;
            }
            if (drawing) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                drawing = true;
                if (i + 1 >= times.length || !Double.isFinite(values[i + 1])) {
                    g.lineTo(x + 1.5, y); // a lone point still shows
                }
            }
        }
        g.stroke();
    }

    private void drawReadout(GraphicsContext g, double pw, double ph, Color ink) {
        if (Double.isNaN(hoverX) || hoverX < LEFT || hoverX > LEFT + pw || data.lines().isEmpty()) {
            readout.setVisible(false);
            return;
        }
        g.setLineDashes();
        g.setStroke(ink.deriveColor(0, 1, 1, 0.6));
        g.strokeLine(hoverX, TOP, hoverX, TOP + ph);
        double at = data.fromMillis() + (hoverX - LEFT) / pw * (data.toMillis() - data.fromMillis());
        StringBuilder text = new StringBuilder(CLOCK.format(Instant.ofEpochMilli((long) at)));
        for (ChartData.Line line : data.lines()) {
            double v = valueAt(line, at);
            text.append('\n').append(line.label()).append(": ")
                    .append(Double.isFinite(v) ? number(v) + " " + data.unit() : "no data");
        }
        readout.setText(text.toString());
        readout.setVisible(true);
        readout.autosize();
        double x = hoverX + 12 + readout.getWidth() > LEFT + pw ? hoverX - 12 - readout.getWidth() : hoverX + 12;
        readout.relocate(Math.max(0, x), TOP);
    }

    /** The value of the point nearest {@code at} within one point's spacing, else NaN. */
    static double valueAt(ChartData.Line line, double at) {
        double[] times = line.points().times();
        int i = java.util.Arrays.binarySearch(times, at);
        int nearest = i >= 0 ? i : nearest(times, -i - 1, at);
        if (nearest < 0) {
            return Double.NaN;
        }
        double spacing = times.length > 1 ? times[1] - times[0] : Double.MAX_VALUE;
        return Math.abs(times[nearest] - at) <= spacing ? line.points().values()[nearest] : Double.NaN;
    }

    private static int nearest(double[] times, int insertion, double at) {
        if (times.length == 0) {
            return -1;
        }
        if (insertion == 0) {
            return 0;
        }
        if (insertion >= times.length) {
            return times.length - 1;
        }
        return at - times[insertion - 1] <= times[insertion] - at ? insertion - 1 : insertion;
    }

    static String number(double v) {
        if (v >= 100 || v == 0) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
    }
}
