package dev.switchboard.console.view;

import dev.switchboard.console.model.PoolModel;
import dev.switchboard.console.model.PoolViewModel;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/** The pool view: a titled section per pool with a card per member. */
public final class PoolsController {

    @FXML
    private VBox poolsBox;

    void init(PoolViewModel model) {
        model.pools().addListener((ListChangeListener<PoolModel>) c -> rebuild(model));
        rebuild(model);
    }

    private void rebuild(PoolViewModel model) {
        poolsBox.getChildren().setAll(model.pools().stream().map(pool -> section(pool, model)).toList());
    }

    private static TitledPane section(PoolModel pool, PoolViewModel model) {
        VBox cards = new VBox(6);
        Runnable fill = () -> cards.getChildren().setAll(
                pool.rows().stream().map(row -> new BackendCard(row, pool, model)).toList());
        pool.rows().addListener((ListChangeListener<Object>) c -> fill.run());
        fill.run();
        TitledPane pane = new TitledPane("Pool " + pool.id(), cards);
        pane.setId("pool-" + pool.id());
        return pane;
    }
}
