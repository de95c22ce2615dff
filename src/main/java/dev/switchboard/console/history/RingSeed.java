package dev.switchboard.console.history;

import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.console.feed.StateTransition;
import dev.switchboard.console.feed.StateTransition.Kind;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.BreakerState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds one backend's timeline segments from the transitions a gateway remembers, so a console that connects for
 * the first time shows the breaker trips and the operators' admin changes that happened before it started.
 */
final class RingSeed {

    private RingSeed() {
    }

    /**
     * Segments starting at each of {@code backend}'s transitions older than {@code beforeMillis}, oldest first. A state
     * the ring never changed is taken from its first change's {@code from}, else from the live frame {@code now}; an
     * admin state back to the config's (all overrides cleared) is taken to be the live one.
     */
    static List<BreakerHistory.Segment> segments(List<StateTransition> ring, BackendFrame now, long beforeMillis) {
        List<StateTransition> mine = ring.stream()
                .filter(t -> concerns(t, now.id()) && t.atMillis() < beforeMillis && known(t)).toList();
        BreakerState breaker = firstFrom(mine, Kind.BREAKER).map(BreakerState::valueOf).orElse(now.breaker());
        Availability availability = firstFrom(mine, Kind.AVAILABILITY).map(Availability::valueOf).orElse(now.availability());
        AdminState admin = firstFrom(mine, Kind.ADMIN).map(AdminState::valueOf).orElse(now.adminState());
        List<BreakerHistory.Segment> segments = new ArrayList<>();
        // The kinds of state already changed in the newest segment's millisecond, and the reason it shows.
        Set<Kind> changedThisMillisecond = EnumSet.noneOf(Kind.class);
        String reason = "";
        for (StateTransition t : mine) {
            switch (t.kind()) {
                case BREAKER -> breaker = BreakerState.valueOf(t.to());
                case AVAILABILITY -> availability = Availability.valueOf(t.to());
                case ADMIN -> {
                    AdminState next = t.to() == null ? now.adminState() : AdminState.valueOf(t.to());
                    if (next == admin) {
                        continue;
                    }
                    admin = next;
                }
            }
            // A trip changes breaker and availability in the same millisecond: one segment, with the first reason. A
            // state changed twice in one millisecond (forced open, then closed) shows the reason for where it ended.
            boolean same = !segments.isEmpty() && segments.getLast().startMillis() == t.atMillis();
            if (same) {
                segments.removeLast();
            }
            if (!same || !changedThisMillisecond.add(t.kind())) {
                changedThisMillisecond.clear();
                changedThisMillisecond.add(t.kind());
                reason = t.reason();
            }
            segments.add(new BreakerHistory.Segment(t.atMillis(), breaker, availability, admin, reason));
        }
        return segments;
    }

    private static boolean concerns(StateTransition t, String backendId) {
        return t.backendId().equals(backendId) || t.kind() == Kind.ADMIN && t.backendId().isEmpty();
    }

    /** The {@code from} of the first transition of {@code kind} that says it. */
    private static Optional<String> firstFrom(List<StateTransition> mine, Kind kind) {
        return mine.stream().filter(t -> t.kind() == kind).findFirst().map(StateTransition::from);
    }

    // A state name this console does not know (a newer gateway) drops that one transition, not the seeding.
    private static boolean known(StateTransition t) {
        try {
            switch (t.kind()) {
                case BREAKER -> {
                    BreakerState.valueOf(t.from());
                    BreakerState.valueOf(t.to());
                }
                case AVAILABILITY -> {
                    Availability.valueOf(t.from());
                    Availability.valueOf(t.to());
                }
                case ADMIN -> {
                    // Either may be absent (see StateTransition); a name that is there must be known.
                    if (t.from() != null) {
                        AdminState.valueOf(t.from());
                    }
                    if (t.to() != null) {
                        AdminState.valueOf(t.to());
                    }
                }
            }
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
