package dev.switchboard.console.view;

import dev.switchboard.console.model.GatewayListModel;
import dev.switchboard.console.model.GatewayRow;
import java.util.Locale;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The gateways list: connection state, config version and hash, and drift between gateways of one config. */
public final class GatewaysController {

    private static final int HASH_CHARS = 12;

    @FXML
    private ListView<GatewayRow> list;

    void init(GatewayListModel model, StringProperty selected) {
        list.setItems(model.rows());
        list.setCellFactory(v -> new GatewayCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                selected.set(now.id());
            }
        });
        list.setTooltip(new Tooltip("Gateways this console watches; select one to show its pools and charts"));
    }

    private static final class GatewayCell extends ListCell<GatewayRow> {
        @Override
        protected void updateItem(GatewayRow row, boolean empty) {
            super.updateItem(row, empty);
            textProperty().unbind();
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(row.id());
            name.getStyleClass().add("backend-name");
            Label state = new Label();
            state.textProperty().bind(row.stateProperty().asString());
            state.getStyleClass().setAll("state-chip",
                    "conn-" + row.stateProperty().get().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            state.setTooltip(new Tooltip(row.stateReasonProperty().get()));
            Label version = new Label();
            version.textProperty().bind(row.versionProperty().asString("config v%d")
                    .concat(" · ").concat(row.hashProperty().map(h -> h.substring(0, Math.min(HASH_CHARS, h.length())))));
            Label drift = new Label("drift: differs from other '" + row.configIdProperty().get() + "' gateways");
            drift.getStyleClass().add("drift");
            drift.visibleProperty().bind(row.driftProperty());
            drift.managedProperty().bind(row.driftProperty());
            setGraphic(new VBox(2, name, state, version, drift));
        }
    }
}
