package dev.switchboard.console.history;

import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.console.feed.StateTransition;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.BreakerState;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds one backend's timeline segments from the transitions a gateway remembers, so a console that connects for
 * the first time shows the breaker trips that happened before it started.
 */
final class RingSeed {

    private RingSeed() {
    }

    /**
     * Segments starting at each of {@code backend}'s transitions older than {@code beforeMillis}, oldest first. A state
     * the ring never changed is taken from its first change's {@code from}, else from the live frame {@code now}; the
     * ring carries no admin changes, so every segment keeps the live admin state.
     */
    static List<BreakerHistory.Segment> segments(List<StateTransition> ring, BackendFrame now, long beforeMillis) {
        List<StateTransition> mine = ring.stream()
                .filter(t -> t.backendId().equals(now.id()) && t.atMillis() < beforeMillis && known(t)).toList();
        BreakerState breaker = mine.stream().filter(StateTransition::breaker).findFirst()
                .map(t -> BreakerState.valueOf(t.from())).orElse(now.breaker());
        Availability availability = mine.stream().filter(t -> !t.breaker()).findFirst()
                .map(t -> Availability.valueOf(t.from())).orElse(now.availability());
        List<BreakerHistory.Segment> segments = new ArrayList<>();
        for (StateTransition t : mine) {
            if (t.breaker()) {
                breaker = BreakerState.valueOf(t.to());
            } else {
                availability = Availability.valueOf(t.to());
            }
            // A trip changes breaker and availability in the same millisecond: one segment, with the first reason.
            BreakerHistory.Segment last = segments.isEmpty() ? null : segments.getLast();
            boolean same = last != null && last.startMillis() == t.atMillis();
            if (same) {
                segments.removeLast();
            }
            segments.add(new BreakerHistory.Segment(t.atMillis(), breaker, availability, now.adminState(),
                    same ? last.reason() : t.reason()));
        }
        return segments;
    }

    // A state name this console does not know (a newer gateway) drops that one transition, not the seeding.
    private static boolean known(StateTransition t) {
        try {
            if (t.breaker()) {
                BreakerState.valueOf(t.from());
                BreakerState.valueOf(t.to());
            } else {
                Availability.valueOf(t.from());
                Availability.valueOf(t.to());
            }
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
