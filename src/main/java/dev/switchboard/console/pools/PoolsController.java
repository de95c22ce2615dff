package dev.switchboard.console.pools;

import dev.switchboard.console.common.LiveScrollPane;
import java.util.concurrent.Executor;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/** The pool view: a titled section per pool with a card per member. */
public final class PoolsController {

    @FXML
    private VBox poolsBox;
    @FXML
    private CheckBox onlyProblems;
    @FXML
    private ScrollPane poolsScroll;

    public void init(PoolViewModel model, Executor worker) {
        poolsBox.getStylesheets().add(PoolsController.class.getResource("/styles/cards.css").toExternalForm());
        onlyProblems.selectedProperty().bindBidirectional(model.onlyProblemsProperty());
        model.pools().addListener((ListChangeListener<PoolModel>) c -> rebuild(model, worker));
        rebuild(model, worker);
        OnScreenCards.track(poolsScroll, poolsBox);
        LiveScrollPane.uncache(poolsScroll);
    }

    private void rebuild(PoolViewModel model, Executor worker) {
        poolsBox.getChildren().setAll(model.pools().stream().map(pool -> section(pool, model, worker)).toList());
    }

    private static TitledPane section(PoolModel pool, PoolViewModel model, Executor worker) {
        VBox cards = new VBox(6);
        Runnable fill = () -> cards.getChildren().setAll(
                pool.rows().stream().map(row -> new BackendCard(row, pool, model, worker)).toList());
        pool.rows().addListener((ListChangeListener<Object>) c -> fill.run());
        fill.run();
        TitledPane pane = new TitledPane("Pool " + pool.id(), cards);
        pane.setId("pool-" + pool.id());
        return pane;
    }
}
