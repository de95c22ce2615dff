package dev.switchboard.console.drills;

import dev.switchboard.sim.SimBehavior;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/** The drill panel: break a simulated backend on purpose and watch the breaker trip and traffic move. */
public final class DrillController {

    @FXML
    private ComboBox<String> backend;
    @FXML
    private FlowPane actions;
    @FXML
    private Label behaviour;

    public void init(DrillModel model) {
        if (!model.available()) {
            behaviour.setText("Drills need the embedded demo's simulated backends (run `switchboard console` "
                    + "without --config).");
            backend.setDisable(true);
            return;
        }
        backend.getItems().setAll(model.backends());
        backend.getSelectionModel().selectFirst();
        backend.setTooltip(new Tooltip("The simulated backend the drill acts on"));
        backend.valueProperty().addListener((obs, was, now) -> describe(model.behavior(now)));
        for (DrillModel.Drill drill : DrillModel.Drill.values()) {
            Button button = new Button(drill.label());
            button.setId("drill-" + drill.name().toLowerCase(java.util.Locale.ROOT));
            button.setOnAction(e -> model.run(backend.getValue(), drill).whenComplete((b, error) ->
                    Platform.runLater(() -> {
                        if (error != null) {
                            behaviour.setText("drill failed: " + error.getMessage());
                        } else {
                            describe(b);
                        }
                    })));
            actions.getChildren().add(button);
        }
        describe(model.behavior(backend.getValue()));
    }

    private void describe(SimBehavior b) {
        behaviour.setText("now: status " + b.status() + ", latency " + b.latency().toMillis() + " ms"
                + (b.refuseConnections() ? ", refusing connections" : "") + (b.hang() ? ", hanging" : "")
                + b.retryAfterSeconds().stream().mapToObj(s -> ", Retry-After " + s + " s").findFirst().orElse(""));
    }
}
