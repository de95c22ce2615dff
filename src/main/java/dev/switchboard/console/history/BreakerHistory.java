package dev.switchboard.console.history;

import dev.switchboard.engine.breaker.BreakerState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** One backend's breaker states over a sliding window, as segments that each last until the next one starts. */
public final class BreakerHistory {

    /** A state that began at {@code startMillis} (epoch millis). */
    public record Segment(long startMillis, BreakerState state) {
    }

    private final long windowMillis;
    private final Deque<Segment> segments = new ArrayDeque<>();

    public BreakerHistory(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** Records {@code state} as of {@code atMillis}; repeats of the current state and out-of-order times are merged. */
    public void record(long atMillis, BreakerState state) {
        Segment last = segments.peekLast();
        if (last != null && last.state() == state) {
            return;
        }
        segments.addLast(new Segment(last == null ? atMillis : Math.max(atMillis, last.startMillis()), state));
        prune(atMillis);
    }

    /** The newest state, or CLOSED when nothing was recorded yet. */
    public BreakerState current() {
        Segment last = segments.peekLast();
        return last == null ? BreakerState.CLOSED : last.state();
    }

    public List<Segment> segments() {
        return List.copyOf(segments);
    }

    // Keeps the one segment that started before the window: it still covers the window's left edge.
    private void prune(long nowMillis) {
        while (segments.size() > 1) {
            Segment first = segments.pollFirst();
            if (segments.peekFirst().startMillis() >= nowMillis - windowMillis) {
                segments.addFirst(first);
                return;
            }
        }
    }
}
