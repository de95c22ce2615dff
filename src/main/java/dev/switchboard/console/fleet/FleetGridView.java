package dev.switchboard.console.fleet;

import dev.switchboard.console.health.HealthLevel;
import dev.switchboard.engine.breaker.BreakerState;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The fleet grid drawn on one canvas (500 cells cost a few hundred draw calls, not 500 nodes): a row per backend, a
 * column per gateway, each cell a circle sized by request rate (area in proportion) and coloured by health, the
 * breaker state as a letter (O open, H half-open, F forced open), divergent rows banded and outlined. A gateway that
 * is not live draws its cells as grey rings with the last breaker letter greyed: old numbers never look current.
 */
public final class FleetGridView extends Canvas {

    static final double CELL = 26;
    static final double LABEL_WIDTH = 140;
    static final double HEADER = 34;
    private static final Color BAND = Color.web("#fff3cd");
    private static final Color OUTLINE = Color.web("#d97706");
    private static final Color GRID_LINE = Color.web("#e3e3e3");
    private static final Color TEXT = Color.web("#1b1b1b");
    /** Not live: the console's "off" grey (-sb-off in styles/console.css) on the idle grey's lighter tint. */
    private static final Color STALE_RING = Color.web("#616161");
    private static final Color STALE_FILL = Color.web("#ececec");

    private final Tooltip tooltip = new Tooltip();
    private FleetGrid grid;

    public FleetGridView() {
        setId("fleet-grid");
        Tooltip.install(this, tooltip);
        setOnMouseMoved(e -> {
            FleetGrid.Cell cell = cellAt(e.getX(), e.getY());
            tooltip.setText(cell == null ? "" : cell.describe());
        });
    }

    public void show(FleetGrid next) {
        grid = next;
        setWidth(LABEL_WIDTH + CELL * Math.max(1, grid.gateways().size()) + 8);
        setHeight(HEADER + CELL * Math.max(1, grid.backends().size()) + 4);
        draw();
    }

    /** The cell under a point of the canvas, or null. */
    FleetGrid.Cell cellAt(double x, double y) {
        if (grid == null || x < LABEL_WIDTH || y < HEADER) {
            return null;
        }
        int c = (int) ((x - LABEL_WIDTH) / CELL);
        int r = (int) ((y - HEADER) / CELL);
        return r < grid.backends().size() && c < grid.gateways().size() ? grid.cells()[r][c] : null;
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, getWidth(), getHeight());
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(11));
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.CENTER);
        for (int c = 0; c < grid.gateways().size(); c++) {
            String name = grid.gateways().get(c);
            g.fillText(name.length() > 6 ? name.substring(name.length() - 6) : name, LABEL_WIDTH + c * CELL + CELL / 2,
                    c % 2 == 0 ? HEADER - 22 : HEADER - 9);
        }
        for (int r = 0; r < grid.backends().size(); r++) {
            double y = HEADER + r * CELL;
            if (grid.divergent()[r]) {
                g.setFill(BAND);
                g.fillRect(0, y, getWidth(), CELL);
            }
            g.setStroke(GRID_LINE);
            g.strokeLine(0, y + CELL, getWidth(), y + CELL);
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(grid.backends().get(r), 4, y + CELL / 2, LABEL_WIDTH - 8);
            for (int c = 0; c < grid.gateways().size(); c++) {
                FleetGrid.Cell cell = grid.cells()[r][c];
                if (cell != null) {
                    drawCell(g, cell, LABEL_WIDTH + c * CELL, y, grid.divergent()[r] && open(cell.breaker()));
                }
            }
        }
    }

    private void drawCell(GraphicsContext g, FleetGrid.Cell cell, double x, double y, boolean outlined) {
        double cx = x + CELL / 2;
        double cy = y + CELL / 2;
        double max = CELL / 2 - 2;
        double rate = cell.perSecond();
        if (!cell.live()) {
            double radius = max - 2;
            g.setFill(STALE_FILL);
            g.fillOval(cx - radius, cy - radius, radius * 2, radius * 2);
            g.setStroke(STALE_RING);
            g.setLineDashes(2, 2);
            g.strokeOval(cx - radius, cy - radius, radius * 2, radius * 2);
            g.setLineDashes();
        } else {
            // Area in proportion to the rate; anything with traffic stays big enough to read its colour.
            double radius = Double.isNaN(rate) || grid.maxPerSecond() == 0 ? 4
                    : Math.max(5, max * Math.sqrt(rate / grid.maxPerSecond()));
            g.setFill(colour(cell.level()));
            g.fillOval(cx - radius, cy - radius, radius * 2, radius * 2);
        }
        if (outlined) {
            g.setStroke(OUTLINE);
            g.setLineWidth(2);
            g.strokeRect(x + 1, y + 1, CELL - 2, CELL - 2);
            g.setLineWidth(1);
        }
        String glyph = switch (cell.breaker()) {
            case OPEN -> "O";
            case HALF_OPEN -> "H";
            case FORCED_OPEN -> "F";
            default -> "";
        };
        if (!glyph.isEmpty()) {
            g.setFill(cell.live() ? TEXT : STALE_RING);
            g.setFont(Font.font(null, FontWeight.BOLD, 11));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(glyph, cx, cy);
            g.setFont(Font.font(11));
        }
    }

    private static boolean open(BreakerState state) {
        return state == BreakerState.OPEN || state == BreakerState.HALF_OPEN || state == BreakerState.FORCED_OPEN;
    }

    /** The cards' health colours (styles/cards.css), for a canvas that has no CSS. */
    static Color colour(HealthLevel level) {
        return switch (level) {
            case GREEN -> Color.web("#2e9e48");
            case YELLOW -> Color.web("#e0c200");
            case ORANGE -> Color.web("#ee8a1a");
            case RED -> Color.web("#d11f1f");
            case IDLE -> Color.web("#b8b8b8");
        };
    }
}
