package dev.switchboard.console.fleet;

import dev.switchboard.console.common.LiveScrollPane;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.health.GatewayHealth;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Fleet at a glance" over every gateway the console watches, with or without etcd: the grid, a summary and the
 * divergent backends. Redraws when {@code changes} moves (the console's batches), at most twice a second.
 */
public final class FleetGridWindow {

    private final Stage stage = new Stage();
    private final FleetGridPane pane;

    /** @param changes moves whenever the console applied new frames (its batch counter) */
    public FleetGridWindow(Window owner, Supplier<List<GatewayFrame>> frames, Function<String, GatewayHealth> health,
                           ObservableValue<?> changes) {
        stage.initOwner(owner);
        stage.setTitle("Fleet grid: every connected gateway");
        pane = new FleetGridPane(frames, health, changes);
        stage.setScene(new Scene(pane, 900, 680));
    }

    public void show() {
        pane.refresh();
        stage.show();
        stage.toFront();
    }

    /**
     * The grid with its summary, legend and divergence list; also placed in the etcd fleet window. Redraws when
     * {@code changes} moves, at most twice a second and only while shown.
     */
    public static final class FleetGridPane extends BorderPane {

        private static final long REDRAW_NANOS = 500_000_000L;

        private final Supplier<List<GatewayFrame>> frames;
        private final Function<String, GatewayHealth> health;
        private final FleetGridView grid = new FleetGridView();
        private final Label summary = new Label();
        private final ListView<String> divergence = new ListView<>();

        private long lastDrawn;

        public FleetGridPane(Supplier<List<GatewayFrame>> frames, Function<String, GatewayHealth> health,
                             ObservableValue<?> changes) {
            this.frames = frames;
            this.health = health;
            changes.addListener((obs, was, now) -> {
                long t = System.nanoTime();
                if (getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing()
                        && t - lastDrawn >= REDRAW_NANOS) {
                    lastDrawn = t;
                    refresh();
                }
            });
            summary.setId("fleet-grid-summary");
            divergence.setId("fleet-divergence");
            divergence.setPrefWidth(320);
            Label legend = new Label("Circle: area by req/s, colour by health (green, yellow, orange, red; grey idle). "
                    + "Dashed grey ring: the gateway is stale or disconnected, no live numbers. "
                    + "Letter: breaker O open, H half-open, F forced open. Banded rows: the live gateways disagree.");
            legend.setWrapText(true);
            setTop(summary);
            ScrollPane scroll = new ScrollPane(grid);
            LiveScrollPane.uncache(scroll);
            setCenter(scroll);
            setRight(new VBox(4, new Label("Gateways disagree about"), divergence));
            setBottom(legend);
        }

        public void refresh() {
            FleetGrid next = FleetGrid.of(frames.get(), health);
            grid.show(next);
            summary.setText(next.summary());
            divergence.getItems().setAll(next.divergence());
        }
    }
}
