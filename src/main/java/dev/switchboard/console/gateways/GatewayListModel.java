package dev.switchboard.console.gateways;

import dev.switchboard.console.feed.GatewayFrame;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every gateway the console watches. Gateways that share a config id are meant to run the same config, so a
 * different hash among them is flagged as drift.
 */
public final class GatewayListModel {

    private final ObservableList<GatewayRow> rows = FXCollections.observableArrayList();

    /** Lists a gateway before its first frame (a no-op when it is listed). */
    public void add(String gatewayId) {
        row(gatewayId);
    }

    public void remove(String gatewayId) {
        rows.removeIf(r -> r.id().equals(gatewayId));
        flagDrift();
    }

    public void update(GatewayFrame frame) {
        row(frame.gatewayId()).update(frame);
        flagDrift();
    }

    private GatewayRow row(String gatewayId) {
        return rows.stream().filter(r -> r.id().equals(gatewayId)).findFirst().orElseGet(() -> {
            GatewayRow added = new GatewayRow(gatewayId);
            rows.add(added);
            return added;
        });
    }

    private void flagDrift() {
        Map<String, Set<String>> hashesByConfig = rows.stream().collect(Collectors.groupingBy(
                r -> r.configIdProperty().get(), Collectors.mapping(r -> r.hashProperty().get(), Collectors.toSet())));
        rows.forEach(r -> r.driftProperty().set(hashesByConfig.get(r.configIdProperty().get()).size() > 1));
    }

    public ObservableList<GatewayRow> rows() {
        return rows;
    }
}
