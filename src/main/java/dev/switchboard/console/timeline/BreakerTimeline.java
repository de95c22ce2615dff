package dev.switchboard.console.timeline;

import dev.switchboard.console.common.DurationText;
import dev.switchboard.console.common.OnScreenWork;
import dev.switchboard.console.history.GatewayHistory;
import dev.switchboard.console.timeline.TimelineModel.Band;
import dev.switchboard.console.timeline.TimelineModel.Row;
import dev.switchboard.console.timeline.TimelineModel.Span;
import dev.switchboard.engine.breaker.BreakerState;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Per backend a row of three bands over the chosen window (5 min to 1 h) ending at "now": breaker state on top,
 * availability in the middle, admin state at the bottom, hatched where the gateway sent no live data. A time axis,
 * a legend, and a tooltip naming the transition, its reason and rule under the pointer. Drawn on a canvas: a few
 * hundred spans redraw in well under a frame. A pool larger than the room scrolls by rows under a fixed time axis,
 * and only the rows in view are drawn, so a canvas of 50 rows is no taller than the window.
 */
public final class BreakerTimeline extends VBox {

    static final double ROW_HEIGHT = 30;
    /** Rows the timeline keeps however little room it has, and rows it asks room for before it scrolls. */
    private static final int MIN_ROWS = 6;
    private static final int PREF_ROWS = 10;
    /** Rows one notch of the mouse wheel scrolls. */
    private static final int WHEEL_ROWS = 3;

    private final TimelineModel model = new TimelineModel();
    private final TimelinePainter painter;
    private final Canvas canvas = new Canvas();
    private final Pane plot = new Pane(canvas);
    /** The first row in view, when there are more rows than room. */
    private final ScrollBar rowScroll = new ScrollBar();
    private final Tooltip tooltip = new Tooltip();
    private final Map<String, BreakerState> drawnNow = new HashMap<>();
    private final ToggleGroup zooms = new ToggleGroup();
    private GatewayHistory history;
    private List<Row> rows = List.of();
    private long nowMillis;
    /** The history's breaker version last shown. */
    private long drawnVersion = -1;
    /** Draws while on screen; a show that came while off screen is drawn when it comes back. */
    private final OnScreenWork drawing;

    public BreakerTimeline() {
        getStyleClass().add("breaker-timeline");
        setSpacing(4);
        painter = new TimelinePainter(canvas, ROW_HEIGHT);
        plot.setMinSize(0, 0);
        plot.setPrefWidth(100);
        canvas.widthProperty().bind(plot.widthProperty());
        canvas.heightProperty().bind(plot.heightProperty());
        canvas.widthProperty().addListener((obs, was, now) -> redraw());
        canvas.heightProperty().addListener((obs, was, now) -> redraw());
        rowScroll.setOrientation(Orientation.VERTICAL);
        rowScroll.setUnitIncrement(1);
        rowScroll.visibleProperty().bind(rowScroll.maxProperty().greaterThan(0));
        rowScroll.managedProperty().bind(rowScroll.visibleProperty());
        rowScroll.valueProperty().addListener((obs, was, now) -> redraw());
        canvas.setOnScroll(e -> rowScroll.setValue(Math.clamp(
                rowScroll.getValue() - Math.signum(e.getDeltaY()) * WHEEL_ROWS, 0, rowScroll.getMax())));
        HBox.setHgrow(plot, Priority.ALWAYS);
        HBox strip = new HBox(plot, rowScroll);
        VBox.setVgrow(strip, Priority.ALWAYS);
        tooltip.setShowDelay(javafx.util.Duration.millis(150));
        tooltip.setShowDuration(javafx.util.Duration.seconds(30));
        Tooltip.install(canvas, tooltip);
        canvas.setOnMouseMoved(e -> tooltip.setText(spanAt(e.getX(), e.getY())
                .map(s -> TimelineModel.describe(s, new TimeText(nowMillis, ZoneId.systemDefault())))
                .orElse("Hover a band: top breaker, middle availability, bottom admin state")));
        getChildren().addAll(header(), strip, legend());
        drawing = new OnScreenWork(this, this::refresh);
        setPlotHeight();
    }

    private HBox header() {
        Label title = new Label("Breaker timeline");
        title.getStyleClass().add("section-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox zoomBar = new HBox();
        zoomBar.getStyleClass().add("segmented");
        for (Duration zoom : TimelineModel.ZOOMS) {
            ToggleButton b = new ToggleButton(DurationText.of(zoom));
            b.setId("timeline-zoom-" + zoom.toMinutes() + "m");
            b.setUserData(zoom);
            b.setToggleGroup(zooms);
            b.setSelected(zoom.equals(model.window()));
            zoomBar.getChildren().add(b);
        }
        zooms.selectedToggleProperty().addListener((obs, was, now) -> zoomTo(was, now));
        HBox header = new HBox(8, title, spacer, new Label("zoom"), zoomBar);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private void zoomTo(Toggle was, Toggle now) {
        if (now == null) {
            zooms.selectToggle(was); // one zoom is always chosen
            return;
        }
        model.setWindow((Duration) now.getUserData());
        refresh();
    }

    private FlowPane legend() {
        FlowPane legend = new FlowPane(10, 2);
        legend.getStyleClass().add("timeline-legend");
        legend.getChildren().add(new Label("bands: breaker (top) · availability (middle) · admin (bottom)"));
        for (Tone tone : Tone.values()) {
            Canvas swatch = new Canvas(14, 10);
            TimelinePainter.fill(swatch.getGraphicsContext2D(), tone, 0, 0, 14, 10);
            Label item = new Label(tone.legend(), swatch);
            item.getStyleClass().add("timeline-legend-item");
            legend.getChildren().add(item);
        }
        return legend;
    }

    /** Draws {@code h} up to {@code now} (the console's clock, epoch millis); call again as either moves. */
    public void show(GatewayHistory h, long now) {
        long version = version(h);
        // Nothing new recorded and "now" has not moved a pixel: the drawing would be the same (a 15-minute strip is
        // 1.5 s a pixel, while frames come five times a second).
        if (h == history && version == drawnVersion && !drawing.behind() && now - nowMillis < painter.millisPerPixel(model.window())) {
            return;
        }
        history = h;
        nowMillis = now;
        drawnVersion = version;
        drawing.request();
    }

    private void refresh() {
        if (history == null) {
            return;
        }
        int before = rows.size();
        rows = model.rows(history.breakers(), nowMillis);
        if (rows.size() != before) {
            setPlotHeight();
        }
        redraw();
    }

    private static long version(GatewayHistory h) {
        long version = h.breakers().size();
        for (var b : h.breakers().values()) {
            version += b.version();
        }
        return version;
    }

    private void setPlotHeight() {
        int n = Math.max(rows.size(), 1);
        plot.setMinHeight(Math.min(n, MIN_ROWS) * ROW_HEIGHT + TimelinePainter.AXIS_HEIGHT);
        plot.setPrefHeight(Math.min(n, PREF_ROWS) * ROW_HEIGHT + TimelinePainter.AXIS_HEIGHT);
        plot.setMaxHeight(n * ROW_HEIGHT + TimelinePainter.AXIS_HEIGHT);
    }

    private void redraw() {
        int room = Math.max(1, (int) ((canvas.getHeight() - TimelinePainter.AXIS_HEIGHT) / ROW_HEIGHT));
        rowScroll.setMax(Math.max(0, rows.size() - room));
        rowScroll.setVisibleAmount(room);
        rowScroll.setBlockIncrement(room);
        int first = firstRow();
        drawnNow.clear();
        painter.paint(rows.subList(first, Math.min(rows.size(), first + room)), nowMillis, model.window());
        for (Row row : rows) {
            row.at(Band.BREAKER, nowMillis - 1).ifPresent(s -> drawnNow.put(row.backendId(), (BreakerState) s.state()));
        }
    }

    /** The first row in view: the scroll bar's value, kept within the rows there are. */
    private int firstRow() {
        return (int) Math.min(Math.round(rowScroll.getValue()), (long) rowScroll.getMax());
    }

    /** What is drawn at a point of the canvas, if anything. */
    public Optional<Span> spanAt(double x, double y) {
        int first = firstRow();
        int index = first + (int) Math.floor(y / ROW_HEIGHT);
        if (y < 0 || index >= Math.min(rows.size(), first + painter.rowsDrawn())) {
            return Optional.empty();
        }
        return painter.timeAt(x, nowMillis, model.window())
                .flatMap(t -> rows.get(index).at(TimelinePainter.bandAt(y % ROW_HEIGHT), t));
    }

    /** The state each backend's breaker band ends in at "now"; null in a gap. */
    public BreakerState drawnState(String backendId) {
        return drawnNow.get(backendId);
    }

    public Canvas canvas() {
        return canvas;
    }

    public Duration window() {
        return model.window();
    }

    /** The axis labels as drawn, oldest first, ending with "now". */
    public List<String> axisLabels() {
        return new ArrayList<>(painter.axisLabels());
    }

    public String tooltipText() {
        return tooltip.getText();
    }
}
