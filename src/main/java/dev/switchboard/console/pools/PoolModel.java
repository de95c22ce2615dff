package dev.switchboard.console.pools;

import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.MemberFrame;
import dev.switchboard.console.feed.PoolFrame;
import dev.switchboard.console.health.GatewayHealth;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One pool of the selected gateway: its member rows, their target shares and a preview of a weight change. */
public final class PoolModel {

    private final String id;
    private final ObservableList<MemberRow> rows = FXCollections.observableArrayList();
    private List<MemberFrame> members = List.of();

    PoolModel(String id) {
        this.id = id;
    }

    void update(PoolFrame pool, Map<String, BackendFrame> backends, GatewayFrame frame, GatewayHealth health) {
        members = pool.members();
        List<String> ids = members.stream().map(MemberFrame::backendId).toList();
        if (!ids.equals(rows.stream().map(MemberRow::backendId).toList())) {
            rows.setAll(ids.stream().map(b -> new MemberRow(id, b)).toList());
        }
        Map<String, Double> shares = TrafficSplit.of(members);
        for (int i = 0; i < members.size(); i++) {
            MemberRow row = rows.get(i);
            row.update(members.get(i), backends.get(row.backendId()), frame);
            String id = row.backendId();
            long at = frame.at().toEpochMilli();
            row.showStatus(health.status(id), () -> health.sparkline(id, at), at);
            row.targetShareProperty().set(shares.get(row.backendId()));
        }
    }

    /** Shows on every row the share it would get if {@code backendId} had {@code weight}. */
    public void preview(String backendId, int weight) {
        Map<String, Double> shares = TrafficSplit.of(TrafficSplit.withWeight(members, backendId, weight));
        rows.forEach(r -> r.previewShareProperty().set(shares.get(r.backendId())));
    }

    public void clearPreview() {
        rows.forEach(r -> r.previewShareProperty().set(Double.NaN));
    }

    public String id() {
        return id;
    }

    public ObservableList<MemberRow> rows() {
        return rows;
    }

    /** The members as last reported. */
    public List<MemberFrame> members() {
        return members;
    }
}
