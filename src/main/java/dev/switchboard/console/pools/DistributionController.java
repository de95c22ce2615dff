package dev.switchboard.console.pools;

import dev.switchboard.console.common.OnScreenWork;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;

/** Actual share of each pool's requests beside the share its weights target. */
public final class DistributionController {

    @FXML
    private BarChart<Number, String> chart;
    @FXML
    private CategoryAxis backendAxis;
    private final XYChart.Series<Number, String> actual = new XYChart.Series<>();
    private final XYChart.Series<Number, String> target = new XYChart.Series<>();

    public void init(DistributionModel model) {
        actual.setName("actual % (last 5 s)");
        target.setName("target % (weights)");
        chart.setData(FXCollections.observableArrayList(List.of(actual, target)));
        // A bar chart of every member lays itself out on each change: only while someone can see it.
        OnScreenWork redraw = new OnScreenWork(chart, () -> show(model));
        model.rows().addListener((ListChangeListener<ShareRow>) c -> redraw.request());
    }

    private void show(DistributionModel model) {
        List<String> categories = model.rows().stream().map(DistributionController::category).toList();
        if (!categories.equals(backendAxis.getCategories())) {
            backendAxis.setCategories(FXCollections.observableArrayList(categories));
            actual.getData().setAll(model.rows().stream()
                    .map(r -> new XYChart.Data<Number, String>(r.actual() * 100, category(r))).toList());
            target.getData().setAll(model.rows().stream()
                    .map(r -> new XYChart.Data<Number, String>(r.target() * 100, category(r))).toList());
            return;
        }
        // Same bars as before: move them instead of replacing their nodes, which costs a layout of the whole chart.
        for (int i = 0; i < model.rows().size(); i++) {
            ShareRow r = model.rows().get(i);
            actual.getData().get(i).setXValue(r.actual() * 100);
            target.getData().get(i).setXValue(r.target() * 100);
        }
    }

    static String category(ShareRow row) {
        return row.poolId() + "/" + row.backendId();
    }

    /** The chart's numbers, for a test that reads what an operator sees. */
    XYChart.Series<Number, String> actualSeries() {
        return actual;
    }
}
