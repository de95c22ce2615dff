package dev.switchboard.console;

import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.FeedListener;
import dev.switchboard.console.feed.GatewayFrame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps a feed's latest frame and every event, for tests that read them from their own thread. */
final class RecordingFeedListener implements FeedListener {

    final AtomicReference<GatewayFrame> latest = new AtomicReference<>();
    final List<ConsoleEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void frame(GatewayFrame frame) {
        latest.set(frame);
    }

    @Override
    public void event(ConsoleEvent event) {
        events.add(event);
    }
}
