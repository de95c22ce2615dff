package dev.switchboard.console.shell;

import dev.switchboard.console.common.LayoutFence;
import java.util.List;
import java.util.Locale;
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

    /**
     * Shows the notices in labels kept from one redraw to the next, each fenced: a notice that only changed its text
     * (a repeat counting up, the next alert taking the slot) is a new text in a label, laid out alone, where new
     * labels meant styling them and laying out the whole window. The area keeps the lines it grew to until the last
     * notice leaves: on a busy fleet notices come and go every second, and each change of height laid out and
     * repainted every tab.
     */
    private void redraw() {
        List<NotificationsModel.Notice> notices = model.notices();
        int lines = notices.isEmpty() ? 0 : Math.max(getChildren().size(), notices.size());
        while (getChildren().size() > lines) {
            getChildren().removeLast();
        }
        while (getChildren().size() < lines) {
            Label notice = new Label();
            notice.setMaxWidth(Double.MAX_VALUE);
            getChildren().add(new LayoutFence(notice));
        }
        for (int i = 0; i < lines; i++) {
            Label notice = (Label) ((LayoutFence) getChildren().get(i)).getContent();
            // A line no notice needs now stays as room, blank.
            notice.setVisible(i < notices.size());
            if (i < notices.size()) {
                show(notice, notices.get(i));
            } else {
                notice.setText("");
            }
        }
    }

    private static void show(Label label, NotificationsModel.Notice n) {
        label.setText(n.text());
        List<String> styles = List.of("label", "notice", "notice-" + n.kind().name().toLowerCase(Locale.ROOT));
        if (!label.getStyleClass().equals(styles)) {
            label.getStyleClass().setAll(styles);
        }
    }

    void close() {
        ticker.stop();
    }
}
