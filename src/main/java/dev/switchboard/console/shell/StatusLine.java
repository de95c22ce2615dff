package dev.switchboard.console.shell;

import dev.switchboard.console.feed.GatewayFrame;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;

/**
 * The main window's status bar: every gateway's connection on the left, the selected gateway's answered requests per
 * second on the right (or that its numbers are not live, and since when), and one-line outcomes of window actions.
 */
final class StatusLine {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final StatusBar bar;
    private final ConsoleModel model;
    private final Label throughput = new Label();

    StatusLine(StatusBar bar, ConsoleModel model) {
        this.bar = bar;
        this.model = model;
        model.selectedLiveProperty().addListener((obs, was, live) -> throughput.setText(throughput()));
        model.batchesProperty().addListener((obs, was, now) -> bar.setText(model.connectionSummary()));
        model.intervalsProperty().addListener((obs, was, now) -> throughput.setText(throughput()));
        bar.getRightItems().add(throughput);
    }

    /** Shows the outcome of an action ("events exported to ...") until the next connection change. */
    void say(String outcome) {
        bar.setText(outcome);
    }

    private String throughput() {
        GatewayFrame frame = model.selectedFrame();
        if (!model.selectedLiveProperty().get()) {
            return frame == null ? "no numbers yet" : "no live numbers: " + frame.gatewayId() + " "
                    + frame.connection() + " since " + CLOCK.format(frame.at().atZone(ZoneId.systemDefault()));
        }
        return String.format(Locale.ROOT, "%.0f req/s answered", model.history().answeredPerSecond(frame));
    }
}
