package dev.switchboard.console.pools;

import dev.switchboard.console.common.LayoutFence;
import dev.switchboard.console.health.HealthLevel;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The numbers part of a backend card: health chip, HAProxy-style counters, state age, sparkline, outlier notice. */
final class CardStats extends VBox {

    CardStats(MemberRow row, String key) {
        super(2);
        getStyleClass().add("card-stats");
        Label health = new Label();
        health.setId("health-" + key);
        health.getStyleClass().add("health-chip");
        health.setMinWidth(Region.USE_PREF_SIZE);
        health.setTooltip(new Tooltip("Health from the numbers: failed share (5xx, timeouts, connection errors) under 10% "
                + "green, from 10% yellow, from 25% orange, from 50% red; attempts in flight with no answer: hung (red)"));
        showLevel(health, row.healthProperty().get());
        row.healthProperty().addListener((obs, was, now) -> showLevel(health, now));

        Label numbers = new Label();
        numbers.setId("numbers-" + key);
        numbers.getStyleClass().add("card-numbers");
        numbers.textProperty().bind(row.numbersProperty());
        numbers.setMinWidth(40);
        numbers.setMaxWidth(Double.MAX_VALUE);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(row.numbersProperty());
        numbers.setTooltip(tip);

        Label since = new Label();
        since.setId("since-" + key);
        since.getStyleClass().add("reason");
        since.textProperty().bind(row.sinceProperty());
        since.setMaxWidth(Double.MAX_VALUE);

        Sparkline sparkline = new Sparkline(120, 22);
        sparkline.setId("sparkline-" + key);
        Tooltip.install(sparkline, new Tooltip("Requests per second over the last minute"));
        row.sparklineProperty().addListener((obs, was, now) -> sparkline.draw(now));

        Label notice = new Label();
        notice.setId("outlier-" + key);
        notice.getStyleClass().add("outlier-notice");
        notice.textProperty().bind(row.noticeProperty());
        notice.visibleProperty().bind(row.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setWrapText(true);

        // The numbers and the state's age change every frame: fenced, so they lay out only themselves (LayoutFence).
        LayoutFence numbersLine = new LayoutFence(numbers);
        HBox.setHgrow(numbersLine, Priority.ALWAYS);
        getChildren().addAll(new HBox(8, health, sparkline, numbersLine), new LayoutFence(since), notice);
    }

    private static void showLevel(Label chip, HealthLevel level) {
        chip.getStyleClass().removeIf(c -> c.startsWith("health-") && !c.equals("health-chip"));
        chip.getStyleClass().add(level.styleClass());
        chip.setText(level == HealthLevel.IDLE ? "idle" : level.name().toLowerCase(Locale.ROOT));
    }
}
