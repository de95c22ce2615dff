package dev.switchboard.console.fleet;

import dev.switchboard.fleet.GatewayStatus;
import dev.switchboard.fleet.HistoryEntry;
import dev.switchboard.fleet.PushResult;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window on the fleet: its gateways with drift highlighted, "Apply to fleet" (one push of the Config tab's working
 * draft, guarded by the revision last shown), and the history with a diff against the current config and rollback after a confirmation.
 * Every etcd call runs on {@code worker}; the window binds to {@link FleetViewModel}.
 */
public final class FleetWindow {

    private final FleetViewModel fleet;
    private final Executor worker;
    private final Supplier<String> draft;
    private final Stage stage = new Stage();
    private final TableView<FleetRow> gateways = new TableView<>();
    private final ListView<HistoryEntry> history = new ListView<>();
    private final TextArea diff = new TextArea();
    private final ListView<BreakerMatrix.Row> breakers = new ListView<>();
    private final Label status = new Label();
    private final FleetGridWindow.FleetGridPane grid;

    /**
     * @param draft the Config tab's working text, read on the FX thread when the operator applies it
     * @param grid  every fleet gateway x backend (numbers, health, breakers), from their telemetry
     */
    public FleetWindow(FleetViewModel fleet, Executor worker, Supplier<String> draft, String title, Window owner,
                       FleetGridWindow.FleetGridPane grid) {
        this.fleet = fleet;
        this.worker = worker;
        this.draft = draft;
        stage.initOwner(owner);
        stage.setTitle("Fleet " + title);
        gateways.setId("fleet-gateways");
        history.setId("fleet-history");
        diff.setId("fleet-diff");
        breakers.setId("fleet-breakers");
        status.setId("fleet-status");
        gateways.getColumns().addAll(List.of(column("Gateway", r -> r.gateway().id()),
                column("Region", r -> String.valueOf(r.gateway().region())), column("Alive", r -> r.gateway().alive() ? "yes" : "no"),
                column("Revision", r -> Long.toString(r.gateway().revision())), column("Hash", r -> r.gateway().hash()),
                column("Drift", r -> r.drift() == null ? "" : r.drift()),
                column("Last refusal", r -> r.gateway().refusal() == null ? "" : String.join("; ", r.gateway().refusal().problems()))));
        gateways.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(FleetRow row, boolean empty) {
                super.updateItem(row, empty);
                setStyle(!empty && row != null && row.drifting() ? "-fx-background-color: #f8d7da;" : "");
            }
        });
        history.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(HistoryEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.revision() + "  " + e.time() + "  " + e.operator() + "  " + e.action() + "  " + e.hash());
            }
        });
        history.getSelectionModel().selectedItemProperty().addListener((o, was, entry) -> {
            if (entry != null) {
                run(() -> String.join("\n", fleet.diffAgainstCurrent(entry.revision())), diff::setText);
            }
        });
        diff.setEditable(false);
        breakers.setPrefHeight(90);
        breakers.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(BreakerMatrix.Row b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : b.backend() + ": " + b.states().entrySet().stream().map(s -> s.getKey() + " " + s.getValue())
                        .collect(java.util.stream.Collectors.joining(", ")) + (b.diverges() ? " - the gateways disagree" : ""));
                setStyle(!empty && b != null && b.diverges() ? "-fx-background-color: #fff3cd;" : "");
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> refresh());
        Button apply = new Button("Apply to fleet…");
        apply.setId("fleet-apply");
        apply.setOnAction(e -> confirmApply());
        Button rollback = new Button("Roll back to selected…");
        rollback.setId("fleet-rollback");
        refresh.setId("fleet-refresh");
        rollback.disableProperty().bind(history.getSelectionModel().selectedItemProperty().isNull());
        rollback.setOnAction(e -> confirmRollback(history.getSelectionModel().getSelectedItem()));
        this.grid = grid;
        grid.setPrefHeight(320);
        BorderPane root = new BorderPane(new VBox(6, gateways, grid,
                new Label("Breakers on every gateway, from their telemetry (divergence highlighted)"), breakers,
                new Label("History (select one to diff against the current config)"),
                new HBox(6, history, diff)), new HBox(6, refresh, apply, rollback, status), null, null, null);
        stage.setScene(new Scene(root, 1000, 900));
    }

    public void show() {
        stage.show();
        refresh();
    }

    public void refresh() {
        run(() -> new Object[] {fleet.refresh(), fleet.history(), fleet.breakerStates()}, result -> {
            FleetViewModel.Refresh r = (FleetViewModel.Refresh) result[0];
            gateways.getItems().setAll(r.rows());
            @SuppressWarnings("unchecked")
            List<HistoryEntry> entries = (List<HistoryEntry>) result[1];
            history.getItems().setAll(entries.reversed());
            @SuppressWarnings("unchecked")
            List<BreakerMatrix.Row> open = (List<BreakerMatrix.Row>) result[2];
            breakers.getItems().setAll(open);
            grid.refresh();
            status.setText("fleet config: revision " + fleet.lastSeenRevision() + "; " + r.rows().stream().filter(FleetRow::drifting).count()
                    + " gateway(s) drifting; " + r.rows().stream().map(FleetRow::gateway).filter(GatewayStatus::alive).count() + " alive");
        });
    }

    private void confirmApply() {
        String text = draft.get();
        if (confirm("Apply the Config tab's draft to the fleet", "Push the Config tab's working text as the fleet's new config, based on"
                + " revision " + fleet.lastSeenRevision() + "? Every gateway applies it.")) {
            run(() -> PushOutcome.describe(fleet.applyToFleet(text)), this::done);
        }
    }

    private void confirmRollback(HistoryEntry entry) {
        if (confirm("Roll the fleet back to revision " + entry.revision(), "Write the config of revision " + entry.revision() + " ("
                + entry.hash() + ", " + entry.operator() + ") as the fleet's new config? Every gateway applies it.")) {
            run(() -> PushOutcome.describe(fleet.rollback(entry.revision())), this::done);
        }
    }

    private boolean confirm(String header, String question) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(stage);
        confirm.setHeaderText(header);
        return confirm.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
    }

    /** The summary at the bottom, the details (a stale push's changes since and diff) in the diff pane. */
    private void done(String outcome) {
        int end = outcome.indexOf('\n');
        status.setText(end < 0 ? outcome : outcome.substring(0, end));
        if (end >= 0) {
            diff.setText(outcome.substring(end + 1));
        }
        refresh();
    }

    private <T> void run(Supplier<T> call, java.util.function.Consumer<T> onFx) {
        worker.execute(() -> {
            try {
                T result = call.get();
                Platform.runLater(() -> onFx.accept(result));
            } catch (RuntimeException e) {
                Platform.runLater(() -> status.setText("fleet: " + e.getMessage()));
            }
        });
    }

    private static TableColumn<FleetRow, String> column(String title, java.util.function.Function<FleetRow, String> value) {
        TableColumn<FleetRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }
}
