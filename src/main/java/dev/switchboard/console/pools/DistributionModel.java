package dev.switchboard.console.pools;

import dev.switchboard.console.feed.MemberFrame;
import dev.switchboard.console.history.BackendHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Actual versus target traffic share per pool member of the selected gateway, over the last few intervals. */
public final class DistributionModel {

    /** Intervals the actual share is measured over: long enough to be steady, short enough to follow a change. */
    static final int ACTUAL_INTERVALS = 5;

    private final ObservableList<ShareRow> rows = FXCollections.observableArrayList();

    public void update(List<PoolModel> pools, Map<String, BackendHistory> history) {
        List<ShareRow> next = new ArrayList<>();
        for (PoolModel pool : pools) {
            Map<String, Double> target = TrafficSplit.of(pool.members());
            double total = 0;
            for (MemberFrame m : pool.members()) {
                total += recent(history, m.backendId());
            }
            for (MemberFrame m : pool.members()) {
                double actual = total == 0 ? 0 : recent(history, m.backendId()) / total;
                next.add(new ShareRow(pool.id(), m.backendId(), actual, target.get(m.backendId())));
            }
        }
        rows.setAll(next);
    }

    private static double recent(Map<String, BackendHistory> history, String backendId) {
        BackendHistory h = history.get(backendId);
        return h == null ? 0 : h.requests().sumOfLast(ACTUAL_INTERVALS);
    }

    public ObservableList<ShareRow> rows() {
        return rows;
    }
}
