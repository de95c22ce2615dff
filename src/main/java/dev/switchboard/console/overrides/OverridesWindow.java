package dev.switchboard.console.overrides;

import dev.switchboard.console.feed.OverrideFrame;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Every runtime override of the selected gateway: what it sets, the config value it shadows, who set it and when;
 * clear one, or all after a confirmation. Opened from the toolbar's "Overrides" button, whose text counts them.
 */
public final class OverridesWindow {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final OverridesViewModel model;
    private final Stage stage = new Stage();
    private final TableView<OverrideFrame> table = new TableView<>();

    private OverridesWindow(Window owner, OverridesViewModel model) {
        this.model = model;
        stage.initOwner(owner);
        stage.titleProperty().bind(Bindings.concat("Runtime overrides of ", model.gatewayProperty()));
        table.setId("overrides-table");
        table.setItems(model.overrides());
        table.setPlaceholder(new Label("No overrides: the gateway runs its config's values"));
        table.getColumns().setAll(java.util.List.of(
                column("Kind", OverrideFrame::kind),
                column("Pool", o -> o.pool() == null ? "(all pools)" : o.pool()),
                column("Backend", OverrideFrame::backend),
                column("Value", OverrideFrame::value),
                column("Config value", o -> o.configValue() == null ? "(not in the config)" : o.configValue()),
                column("Set by", o -> o.setBy() == null ? "unknown" : o.setBy()),
                column("Set at", o -> o.setAt() == null ? "unknown" : WHEN.format(o.setAt()))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Button clearOne = new Button("Clear selected");
        clearOne.setId("clear-override");
        clearOne.setTooltip(new Tooltip("Drop the selected override: the config's value applies again (audited)"));
        clearOne.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        clearOne.setOnAction(e -> model.clear(table.getSelectionModel().getSelectedItem()));
        Button clearAll = new Button("Clear all…");
        clearAll.setId("clear-all-overrides");
        clearAll.setTooltip(new Tooltip("Drop every override of this gateway after a confirmation (audited)"));
        clearAll.disableProperty().bind(Bindings.isEmpty(model.overrides()));
        clearAll.setOnAction(e -> confirmClearAll());
        Label hint = new Label("An override wins over the config file until it is cleared; an applied config does "
                + "not remove it.");
        hint.setWrapText(true);
        VBox root = new VBox(8, hint, table, new HBox(8, clearOne, clearAll));
        root.setPadding(new Insets(10));
        stage.setScene(new Scene(root, 820, 360));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
    }

    /** Makes {@code button} count the overrides and open the list. */
    public static void attach(Button button, OverridesViewModel model) {
        button.textProperty().bind(Bindings.createStringBinding(() -> "Overrides (" + model.overrides().size() + ")",
                model.overrides()));
        OverridesWindow[] open = new OverridesWindow[1];
        button.setOnAction(e -> {
            if (open[0] == null) {
                open[0] = new OverridesWindow(button.getScene().getWindow(), model);
            }
            open[0].stage.show();
            open[0].stage.toFront();
        });
    }

    private void confirmClearAll() {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.initOwner(stage);
        confirm.setTitle("Clear every override");
        confirm.setHeaderText("Clear all " + model.overrides().size() + " override(s) of " + model.gatewayProperty().get()
                + "? The config's values apply again.");
        confirm.setContentText(String.join("\n", OverridesViewModel.describe(model.overrides())));
        confirm.getDialogPane().lookupButton(ButtonType.OK).setId("confirm-clear-all");
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> model.clearAll());
    }

    private static TableColumn<OverrideFrame, String> column(String title, Function<OverrideFrame, String> value) {
        TableColumn<OverrideFrame, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())).getReadOnlyProperty());
        return column;
    }
}
