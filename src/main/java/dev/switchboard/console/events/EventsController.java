package dev.switchboard.console.events;

import dev.switchboard.console.common.Showing;
import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.gateways.GatewayListModel;
import dev.switchboard.console.gateways.GatewayRow;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** The event log table with its filters. */
public final class EventsController {

    private static final String ALL = "all";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    @FXML
    private ComboBox<String> gatewayFilter;
    @FXML
    private TextField backendFilter;
    @FXML
    private ComboBox<String> kindFilter;
    @FXML
    private TableView<ConsoleEvent> table;
    private TableTail tail;

    public void init(EventLogModel model, GatewayListModel gateways) {
        table.setItems(model.shown());
        tail = new TableTail(table);
        table.getColumns().setAll(List.of(
                column("Time", 100, e -> TIME.format(e.at())),
                column("Gateway", 90, ConsoleEvent::gatewayId),
                column("Backend / DNS", 150, ConsoleEvent::backendId),
                column("Kind", 100, e -> e.kind().name()),
                column("Message", 600, ConsoleEvent::message)));
        // Newest at the bottom; follow it unless the operator scrolled away.
        model.shown().addListener((ListChangeListener<ConsoleEvent>) c -> tail.changed());
        Showing.whenShown(table, tail::shown);

        List<String> kinds = new ArrayList<>(List.of(ALL));
        for (EventKind k : EventKind.values()) {
            kinds.add(k.name());
        }
        kindFilter.setItems(FXCollections.observableArrayList(kinds));
        kindFilter.getSelectionModel().selectFirst();
        kindFilter.valueProperty().addListener((obs, was, now) ->
                model.kindFilterProperty().set(now == null || now.equals(ALL) ? null : EventKind.valueOf(now)));
        gatewayFilter.getItems().setAll(ALL);
        gatewayFilter.getSelectionModel().selectFirst();
        gateways.rows().addListener((ListChangeListener<GatewayRow>) c -> {
            List<String> ids = new ArrayList<>(List.of(ALL));
            gateways.rows().forEach(r -> ids.add(r.id()));
            String keep = gatewayFilter.getValue();
            gatewayFilter.getItems().setAll(ids);
            gatewayFilter.setValue(keep);
        });
        gatewayFilter.valueProperty().addListener((obs, was, now) ->
                model.gatewayFilterProperty().set(now == null || now.equals(ALL) ? null : now));
        model.backendFilterProperty().bind(backendFilter.textProperty());
    }

    private static TableColumn<ConsoleEvent, String> column(String title, double width,
                                                            Function<ConsoleEvent, String> value) {
        TableColumn<ConsoleEvent, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
