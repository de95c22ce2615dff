package dev.switchboard.console.drills;

import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * The drill panel: break a simulated backend on purpose and watch the breaker trip and traffic move. Follows the
 * selected gateway: only the embedded demo's backends can be broken, so for any other gateway it says why not.
 */
public final class DrillController {

    @FXML
    private ComboBox<String> backend;
    @FXML
    private FlowPane actions;
    @FXML
    private Label behaviour;
    private DrillModel model;

    public void init(DrillModel drillModel, ObservableStringValue selectedGateway) {
        model = drillModel;
        backend.setTooltip(new Tooltip("The simulated backend the drill acts on"));
        backend.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                behaviour.setText("now: " + DrillModel.describe(model.behavior(now)));
            }
        });
        for (DrillModel.Drill drill : DrillModel.Drill.values()) {
            Button button = new Button(drill.label());
            button.setId("drill-" + drill.name().toLowerCase(java.util.Locale.ROOT));
            button.disableProperty().bind(backend.disableProperty());
            button.setOnAction(e -> model.run(backend.getValue(), drill).whenComplete((b, error) ->
                    behaviour.setText(error != null ? "drill failed: " + error.getMessage()
                            : "now: " + DrillModel.describe(b))));
            actions.getChildren().add(button);
        }
        selectedGateway.addListener((obs, was, now) -> follow(now));
        follow(selectedGateway.get());
    }

    private void follow(String gatewayId) {
        backend.getItems().setAll(model.backends(gatewayId));
        model.unavailableFor(gatewayId).ifPresentOrElse(reason -> {
            backend.setDisable(true);
            behaviour.setText(reason);
        }, () -> {
            backend.setDisable(false);
            backend.getSelectionModel().selectFirst();
        });
    }
}
