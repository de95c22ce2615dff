package dev.switchboard.console.shell;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The notices above the status bar. Part of the layout rather than a popup, so a notice never covers a chart, a card
 * or the timeline: the tabs shrink by a line while one shows. Takes no space when empty.
 */
public final class NotificationArea extends VBox {

    private final Timeline ticker = new Timeline();
    private NotificationsModel model;

    public NotificationArea() {
        getStyleClass().add("notification-area");
        visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(getChildren()));
        managedProperty().bind(visibleProperty());
    }

    void init(NotificationsModel notifications) {
        model = notifications;
        model.notices().addListener((ListChangeListener<NotificationsModel.Notice>) c -> redraw());
        ticker.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1), e -> model.expire()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    private void redraw() {
        getChildren().setAll(model.notices().stream().map(n -> {
            Label notice = new Label(n.text());
            notice.getStyleClass().addAll("notice", "notice-" + n.kind().name().toLowerCase(java.util.Locale.ROOT));
            notice.setMaxWidth(Double.MAX_VALUE);
            return notice;
        }).toList());
    }

    void close() {
        ticker.stop();
    }
}
