package dev.switchboard.console.history;

import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.BreakerState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One backend's breaker, availability and admin states over a sliding window, as segments that each last until the
 * next one starts. A gap segment marks time the console had no live data for (stale or disconnected gateway); the
 * changes the gateway recorded in that time, learnt when it is back, are drawn into the gap as recovered segments. A
 * backend the gateway no longer has (a reload removed it) ends in a removed gap, so its last state is not drawn on.
 */
public final class BreakerHistory {

    /** The reason of a removed gap. */
    static final String REMOVED = "not in the gateway's config any more";

    /**
     * States that began at {@code startMillis} (epoch millis); all null in a gap.
     *
     * @param reason    the gateway's explanation when the segment began (names the tripping rule, if any)
     * @param recovered true for states the console did not see live: the gateway's record of a change it made while the
     *                  console had no live data, learnt afterwards
     */
    public record Segment(long startMillis, BreakerState state, Availability availability, AdminState adminState,
                          String reason, boolean recovered) {

        /** A state as the console saw it, live or from a first connect's history. */
        public Segment(long startMillis, BreakerState state, Availability availability, AdminState adminState,
                       String reason) {
            this(startMillis, state, availability, adminState, reason, false);
        }

        /** No live data: the gateway was stale or disconnected, or no longer has the backend. */
        public boolean gap() {
            return state == null;
        }

        /** A gap because the gateway no longer has the backend (a reload removed it). */
        public boolean removed() {
            return gap() && REMOVED.equals(reason);
        }

        boolean sameStates(Segment other) {
            return state == other.state && availability == other.availability && adminState == other.adminState
                    && recovered == other.recovered && removed() == other.removed();
        }
    }

    private final long windowMillis;
    private final Deque<Segment> segments = new ArrayDeque<>();
    /** Counts changes to the segments, so a view can tell it has drawn the latest. */
    private long version;

    public BreakerHistory(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** Records {@code b}'s states as of {@code atMillis}; repeats and out-of-order times are merged. */
    public void record(long atMillis, BackendFrame b) {
        append(new Segment(atMillis, b.breaker(), b.availability(), b.adminState(), b.reason()));
    }

    /** No live data from {@code atMillis} on, until the next {@link #record}. */
    public void recordGap(long atMillis) {
        append(new Segment(atMillis, null, null, null, ""));
    }

    /** The gateway no longer has the backend from {@code atMillis} on, until the next {@link #record}. */
    public void recordRemoved(long atMillis) {
        append(new Segment(atMillis, null, null, null, REMOVED));
    }

    /** True once the backend has been gone since before {@code millis}: nothing of it is left to draw after that. */
    public boolean removedBefore(long millis) {
        Segment last = segments.peekLast();
        return last != null && last.removed() && last.startMillis() < millis;
    }

    /**
     * Puts {@code earlier} (oldest first, all before the first recorded segment) in front of what was recorded live:
     * the past a gateway remembered from before the console connected.
     */
    public void seed(List<Segment> earlier) {
        long firstLive = segments.isEmpty() ? Long.MAX_VALUE : segments.peekFirst().startMillis();
        List<Segment> older = earlier.stream().filter(s -> s.startMillis() < firstLive).toList();
        version++;
        for (Segment s : older.reversed()) {
            Segment next = segments.peekFirst();
            if (next != null && next.sameStates(s)) {
                segments.pollFirst();
            }
            segments.addFirst(s);
        }
        if (!segments.isEmpty()) {
            prune(segments.peekLast().startMillis());
        }
    }

    /**
     * Draws into the newest gap the changes the gateway recorded during it ({@code recorded}, oldest first, as from
     * {@link RingSeed}): those that began after the gap did and before {@code liveAgainMillis}, as recovered segments.
     * The gap stays up to the first of them: what the state was then, the console does not know. Does nothing unless
     * the newest segment is a gap.
     */
    public void fillGap(List<Segment> recorded, long liveAgainMillis) {
        Segment gap = segments.peekLast();
        if (gap == null || !gap.gap()) {
            return;
        }
        for (Segment s : recorded) {
            if (s.startMillis() > gap.startMillis() && s.startMillis() < liveAgainMillis) {
                append(new Segment(s.startMillis(), s.state(), s.availability(), s.adminState(), s.reason(), true));
            }
        }
    }

    private void append(Segment next) {
        Segment last = segments.peekLast();
        if (last != null && last.sameStates(next)) {
            return;
        }
        long start = last == null ? next.startMillis() : Math.max(next.startMillis(), last.startMillis());
        segments.addLast(new Segment(start, next.state(), next.availability(), next.adminState(), next.reason(),
                next.recovered()));
        version++;
        prune(next.startMillis());
    }

    /** True while the newest segment is a gap: no live data since it began. */
    public boolean inGap() {
        Segment last = segments.peekLast();
        return last != null && last.gap();
    }

    /** The newest breaker state, or CLOSED when nothing live was recorded yet. */
    public BreakerState current() {
        return segments.reversed().stream().filter(s -> !s.gap()).findFirst().map(Segment::state)
                .orElse(BreakerState.CLOSED);
    }

    public long version() {
        return version;
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
