package dev.switchboard.console.fleet;

import dev.switchboard.fleet.GatewayStatus;
import dev.switchboard.fleet.HistoryEntry;
import dev.switchboard.fleet.PushResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
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
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window on the fleet: its gateways with drift highlighted, "Apply to fleet" (one push of a file, guarded by the
 * revision last shown), and the history with a diff against the current config and rollback after a confirmation.
 * Every etcd call runs on {@code worker}; the window binds to {@link FleetViewModel}.
 */
public final class FleetWindow {

    private final FleetViewModel fleet;
    private final Executor worker;
    private final Stage stage = new Stage();
    private final TableView<FleetRow> gateways = new TableView<>();
    private final ListView<HistoryEntry> history = new ListView<>();
    private final TextArea diff = new TextArea();
    private final ListView<FleetViewModel.BreakerRow> breakers = new ListView<>();
    private final Label status = new Label();
    private volatile long shownRevision;

    public FleetWindow(FleetViewModel fleet, Executor worker, String title, Window owner) {
        this.fleet = fleet;
        this.worker = worker;
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
            protected void updateItem(FleetViewModel.BreakerRow b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : b.backend() + ": breaker open on " + String.join(", ", b.openOn()) + " ("
                        + b.openOn().size() + " of " + b.alive() + " live gateways)" + (b.diverges() ? " - the gateways disagree" : ""));
                setStyle(!empty && b != null && b.diverges() ? "-fx-background-color: #fff3cd;" : "");
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> refresh());
        Button apply = new Button("Apply to fleet…");
        apply.setOnAction(e -> applyFile());
        Button rollback = new Button("Roll back to selected…");
        rollback.setId("fleet-rollback");
        refresh.setId("fleet-refresh");
        rollback.disableProperty().bind(history.getSelectionModel().selectedItemProperty().isNull());
        rollback.setOnAction(e -> confirmRollback(history.getSelectionModel().getSelectedItem()));
        BorderPane root = new BorderPane(new VBox(6, gateways, new Label("Open breakers in the fleet (divergence highlighted)"), breakers,
                new Label("History (select one to diff against the current config)"),
                new HBox(6, history, diff)), new HBox(6, refresh, apply, rollback, status), null, null, null);
        stage.setScene(new Scene(root, 1000, 640));
    }

    public void show() {
        stage.show();
        refresh();
    }

    public void refresh() {
        run(() -> new Object[] {fleet.refresh(), fleet.history(), fleet.breakers()}, result -> {
            FleetViewModel.Refresh r = (FleetViewModel.Refresh) result[0];
            shownRevision = r.current() == null ? 0 : r.current().revision();
            gateways.getItems().setAll(r.rows());
            @SuppressWarnings("unchecked")
            List<HistoryEntry> entries = (List<HistoryEntry>) result[1];
            history.getItems().setAll(entries.reversed());
            @SuppressWarnings("unchecked")
            List<FleetViewModel.BreakerRow> open = (List<FleetViewModel.BreakerRow>) result[2];
            breakers.getItems().setAll(open);
            status.setText("fleet config: revision " + shownRevision + "; " + r.rows().stream().filter(FleetRow::drifting).count()
                    + " gateway(s) drifting; " + r.rows().stream().map(FleetRow::gateway).filter(GatewayStatus::alive).count() + " alive");
        });
    }

    private void applyFile() {
        File file = new FileChooser().showOpenDialog(stage);
        if (file == null) {
            return;
        }
        long base = shownRevision;
        run(() -> {
            try {
                return describe(fleet.applyToFleet(Files.readString(file.toPath()), base));
            } catch (IOException e) {
                return "cannot read " + file + ": " + e.getMessage();
            }
        }, this::done);
    }

    private void confirmRollback(HistoryEntry entry) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Write the config of revision " + entry.revision() + " (" + entry.hash()
                + ", " + entry.operator() + ") as the fleet's new config? Every gateway applies it.", ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(stage);
        confirm.setHeaderText("Roll the fleet back to revision " + entry.revision());
        if (confirm.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) {
            long base = shownRevision;
            run(() -> describe(fleet.rollback(entry.revision(), base)), this::done);
        }
    }

    private void done(String message) {
        status.setText(message);
        refresh();
    }

    private static String describe(PushResult result) {
        return switch (result) {
            case PushResult.Written w -> "wrote revision " + w.revision() + " (hash " + w.hash() + ")";
            case PushResult.Invalid i -> "refused, " + i.problems().size() + " problem(s): " + i.problems().getFirst();
            case PushResult.Stale s -> "refused: the fleet moved on to revision " + s.current().revision() + " since " + s.expected()
                    + " (" + s.since().size() + " change(s)); refresh and try again";
        };
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
