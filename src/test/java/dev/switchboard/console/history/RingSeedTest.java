package dev.switchboard.console.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.common.Frames;
import dev.switchboard.console.feed.StateTransition;
import dev.switchboard.console.feed.StateTransition.Kind;
import dev.switchboard.engine.breaker.BreakerState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transitions in one millisecond make one segment; its reason is the one for the state it shows. */
class RingSeedTest {

    private static final long T = 1_700_000_000_000L;

    @Test
    void aTripInOneMillisecondKeepsTheBreakersReason() {
        List<BreakerHistory.Segment> segments = RingSeed.segments(List.of(
                new StateTransition("red", T, Kind.BREAKER, "CLOSED", "OPEN", "rule 5xx: 5/10 failed"),
                new StateTransition("red", T, Kind.AVAILABILITY, "AVAILABLE", "UNAVAILABLE_BREAKER", "breaker open")),
                Frames.backend("red", BreakerState.OPEN), T + 1_000);

        assertThat(segments).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(BreakerState.OPEN);
            assertThat(s.reason()).isEqualTo("rule 5xx: 5/10 failed");
        });
    }

    @Test
    void aBreakerForcedOpenAndClosedInOneMillisecondShowsWhyItIsClosed() {
        List<BreakerHistory.Segment> segments = RingSeed.segments(List.of(
                new StateTransition("red", T, Kind.BREAKER, "CLOSED", "FORCED_OPEN", "operator: open"),
                new StateTransition("red", T, Kind.AVAILABILITY, "AVAILABLE", "UNAVAILABLE_FORCED", "forced open"),
                new StateTransition("red", T, Kind.BREAKER, "FORCED_OPEN", "FORCED_CLOSED", "operator: closed"),
                new StateTransition("red", T, Kind.AVAILABILITY, "UNAVAILABLE_FORCED", "AVAILABLE", "available")),
                Frames.backend("red", BreakerState.FORCED_CLOSED), T + 1_000);

        assertThat(segments).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(BreakerState.FORCED_CLOSED);
            assertThat(s.reason()).isEqualTo("operator: closed");
        });
    }
}
