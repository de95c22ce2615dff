package dev.switchboard.console.gateways;

import dev.switchboard.console.common.StateChips;
import dev.switchboard.console.feed.Failures;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/**
 * The gateways list: connection state, config version and hash, drift between gateways of one config, and removing
 * a remote gateway (button, context menu or Delete, after a confirmation).
 */
public final class GatewaysController {

    private static final int HASH_CHARS = 12;

    @FXML
    private ListView<GatewayRow> list;
    @FXML
    private MenuItem removeItem;
    @FXML
    private Button removeButton;
    private GatewayRemoval removal;

    public void init(GatewayListModel model, StringProperty selected, GatewayRemoval gatewayRemoval) {
        removal = gatewayRemoval;
        list.setItems(model.rows());
        list.setCellFactory(v -> new GatewayCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                selected.set(now.id());
            }
        });
        // The model moves the selection when the selected gateway is removed: show where it went.
        selected.addListener((obs, was, now) -> model.rows().stream().filter(r -> r.id().equals(now)).findFirst()
                .ifPresent(r -> list.getSelectionModel().select(r)));
        list.setTooltip(new Tooltip("Gateways this console watches; select one to show its pools and charts"));
        BooleanBinding cannotRemove = Bindings.createBooleanBinding(() -> {
            GatewayRow row = list.getSelectionModel().getSelectedItem();
            return row == null || !removal.canRemove(row.id());
        }, list.getSelectionModel().selectedItemProperty());
        removeItem.disableProperty().bind(cannotRemove);
        removeButton.disableProperty().bind(cannotRemove);
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                removeSelected();
                e.consume();
            }
        });
    }

    @FXML
    void removeSelected() {
        GatewayRow row = list.getSelectionModel().getSelectedItem();
        if (row == null || !removal.canRemove(row.id())) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, removal.question(row.id()), ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(list.getScene().getWindow());
        confirm.setHeaderText("Remove gateway");
        if (confirm.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        removal.remove(row.id()).whenComplete((v, error) -> {
            if (error != null) {
                Throwable cause = Failures.cause(error);
                Platform.runLater(() -> {
                    Alert failed = new Alert(Alert.AlertType.ERROR, cause.getMessage(), ButtonType.OK);
                    failed.initOwner(list.getScene().getWindow());
                    failed.setHeaderText("Gateway not removed completely");
                    failed.show();
                });
            }
        });
    }

    private static final class GatewayCell extends ListCell<GatewayRow> {
        private final Label state = new Label();
        private final Tooltip stateTip = new Tooltip();
        // The badge follows its row's state (colour as well as text) until the cell shows another row.
        private final ChangeListener<Object> restyle = (obs, was, now) -> restyle();
        private GatewayRow shown;

        GatewayCell() {
            state.setTooltip(stateTip);
        }

        @Override
        protected void updateItem(GatewayRow row, boolean empty) {
            super.updateItem(row, empty);
            textProperty().unbind();
            if (shown != null) {
                shown.stateProperty().removeListener(restyle);
                shown.stateReasonProperty().removeListener(restyle);
            }
            shown = empty ? null : row;
            if (shown == null) {
                setGraphic(null);
                return;
            }
            row.stateProperty().addListener(restyle);
            row.stateReasonProperty().addListener(restyle);
            restyle();
            Label name = new Label(row.id());
            name.getStyleClass().add("backend-name");
            Label version = new Label();
            version.textProperty().bind(Bindings.createStringBinding(() -> row.hashProperty().get().isEmpty()
                    ? "no config received yet"
                    : "config v" + row.versionProperty().get() + " · "
                    + row.hashProperty().get().substring(0, Math.min(HASH_CHARS, row.hashProperty().get().length())),
                    row.versionProperty(), row.hashProperty()));
            Label drift = new Label("drift: differs from other '" + row.configIdProperty().get() + "' gateways");
            drift.getStyleClass().add("drift");
            drift.visibleProperty().bind(row.driftProperty());
            drift.managedProperty().bind(row.driftProperty());
            setGraphic(new VBox(2, name, state, version, drift));
        }

        private void restyle() {
            state.setText(shown.stateProperty().get().name());
            String style = StateChips.styleClass("conn-", shown.stateProperty().get());
            if (!state.getStyleClass().contains(style)) { // a style change re-applies CSS: only when the state moved
                state.getStyleClass().setAll("state-chip", style);
            }
            stateTip.setText(shown.stateReasonProperty().get().isEmpty() ? shown.stateProperty().get().name()
                    : shown.stateReasonProperty().get());
        }
    }
}
