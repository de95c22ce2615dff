package dev.switchboard.console.feed;

import java.util.List;

/** What the UI receives per throttle period: the newest frame of each gateway that changed, and every new event. */
public record FrameBatch(List<GatewayFrame> frames, List<ConsoleEvent> events) {

    public FrameBatch {
        frames = List.copyOf(frames);
        events = List.copyOf(events);
    }
}
