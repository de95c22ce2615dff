package dev.switchboard.console.shell;

import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The notices the window shows for alerts (breaker trips, failovers): each names its gateway, a repeat of the same
 * alert (same gateway, kind and backend) counts up on the notice it joins instead of stacking another, and a notice
 * leaves once nothing repeated it for {@link #SHOWN}. At most {@link #MAX_SHOWN} at once; the event log keeps them all.
 * FX thread only.
 */
public final class NotificationsModel implements Consumer<ConsoleEvent> {

    static final Duration SHOWN = Duration.ofSeconds(8);
    static final int MAX_SHOWN = 3;

    /** One notice; {@code count} is how many alerts it stands for. */
    public record Notice(String gatewayId, EventKind kind, String backendId, String message, int count, Instant last) {

        boolean sameAlert(ConsoleEvent e) {
            return gatewayId.equals(e.gatewayId()) && kind == e.kind() && backendId.equals(e.backendId());
        }

        /** E.g. "embedded · BREAKER · orders-east-1: breaker CLOSED -> OPEN: … ×3". */
        public String text() {
            return gatewayId + " \u00b7 " + kind + (backendId.isEmpty() ? "" : " \u00b7 " + backendId) + ": " + message
                    + (count > 1 ? "  \u00d7" + count : "");
        }
    }

    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    private final InstantSource clock;

    public NotificationsModel(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public void accept(ConsoleEvent e) {
        Instant now = clock.instant();
        for (int i = 0; i < notices.size(); i++) {
            Notice n = notices.get(i);
            if (n.sameAlert(e)) {
                notices.remove(i);
                notices.add(new Notice(n.gatewayId(), n.kind(), n.backendId(), e.message(), n.count() + 1, now));
                return;
            }
        }
        // The oldest goes first, so the list (and the area showing it) never holds more than MAX_SHOWN.
        if (notices.size() == MAX_SHOWN) {
            notices.remove(0);
        }
        notices.add(new Notice(e.gatewayId(), e.kind(), e.backendId(), e.message(), 1, now));
    }

    /** Drops the notices nothing repeated for {@link #SHOWN}; the view calls it once a second. */
    public void expire() {
        Instant cutoff = clock.instant().minus(SHOWN);
        notices.removeIf(n -> !n.last().isAfter(cutoff));
    }

    /** Oldest first; the newest (or last repeated) at the end. */
    public ObservableList<Notice> notices() {
        return notices;
    }
}
