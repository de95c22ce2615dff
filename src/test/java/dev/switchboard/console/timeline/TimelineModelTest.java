package dev.switchboard.console.timeline;

import dev.switchboard.console.common.Frames;
import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.history.BreakerHistory;
import dev.switchboard.console.history.GatewayHistory;
import dev.switchboard.console.timeline.TimelineModel.Band;
import dev.switchboard.console.timeline.TimelineModel.Row;
import dev.switchboard.console.timeline.TimelineModel.Span;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.telemetry.client.ConnectionState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The timeline's spans, band by band, in virtual time (epoch millis chosen by the test). */
class TimelineModelTest {

    private static final long MIN = 60_000;
    private static final String TRIP = "rule 'five-xx': 3 failures in PT10S (503 x3); open for PT30S";

    private final TimelineModel model = new TimelineModel();

    @Test
    void eachBandHasItsOwnSpansWithTheTransitionBeforeIt() {
        BreakerHistory h = new BreakerHistory(Duration.ofHours(1).toMillis());
        h.record(0, backend(BreakerState.CLOSED, Availability.AVAILABLE, AdminState.ENABLED, "available"));
        h.record(2 * MIN, backend(BreakerState.OPEN, Availability.UNAVAILABLE_BREAKER, AdminState.ENABLED, TRIP));
        h.record(3 * MIN, backend(BreakerState.OPEN, Availability.MAINTENANCE, AdminState.MAINTENANCE, "maintenance"));

        Row row = model.rows(Map.of("red", h), 4 * MIN).getFirst();

        assertThat(row.spans()).filteredOn(s -> s.band() == Band.BREAKER)
                .extracting(Span::startMillis, Span::endMillis, Span::state, Span::previous)
                .containsExactly(tuple(0L, 2 * MIN, BreakerState.CLOSED, null),
                        tuple(2 * MIN, 4 * MIN, BreakerState.OPEN, BreakerState.CLOSED));
        assertThat(row.spans()).filteredOn(s -> s.band() == Band.AVAILABILITY).extracting(Span::state)
                .containsExactly(Availability.AVAILABLE, Availability.UNAVAILABLE_BREAKER, Availability.MAINTENANCE);
        assertThat(row.spans()).filteredOn(s -> s.band() == Band.ADMIN).extracting(Span::state, Span::startMillis)
                .containsExactly(tuple(AdminState.ENABLED, 0L), tuple(AdminState.MAINTENANCE, 3 * MIN));

        String tip = TimelineModel.describe(row.at(Band.BREAKER, 3 * MIN).orElseThrow(), new TimeText(4 * MIN, ZoneOffset.UTC));
        assertThat(tip).isEqualTo("red: breaker CLOSED \u2192 OPEN\n00:02:00 to now (2 min)\nreason: " + TRIP
                + "\nrule: five-xx");
    }

    @Test
    void aGapIsItsOwnSpanInEveryBandAndTheStateBeforeItIsTheNextOnesPrevious() {
        BreakerHistory h = new BreakerHistory(Duration.ofHours(1).toMillis());
        h.record(0, backend(BreakerState.OPEN, Availability.UNAVAILABLE_BREAKER, AdminState.ENABLED, TRIP));
        h.recordGap(MIN);
        h.record(2 * MIN, backend(BreakerState.CLOSED, Availability.AVAILABLE, AdminState.ENABLED, "available"));

        Row row = model.rows(Map.of("red", h), 3 * MIN).getFirst();

        for (Band band : Band.values()) {
            Span gap = row.at(band, MIN + 1).orElseThrow();
            assertThat(gap.state()).isNull();
            assertThat(gap.endMillis()).isEqualTo(2 * MIN);
        }
        assertThat(row.at(Band.BREAKER, 2 * MIN).orElseThrow().previous()).isEqualTo(BreakerState.OPEN);
        assertThat(TimelineModel.describe(row.at(Band.BREAKER, MIN).orElseThrow(), new TimeText(3 * MIN, ZoneOffset.UTC)))
                .startsWith("red: no live data (gateway stale or disconnected)\n00:01:00 to 00:02:00 (1 min)");
    }

    @Test
    void aBackendAReloadRemovedEndsItsRowThenInsteadOfDrawingItsLastStateOnAndLeavesAfterTheWindow() {
        GatewayHistory history = new GatewayHistory();
        BackendFrame a = Frames.backend("a", BreakerState.CLOSED);
        history.update(frame(0, a, Frames.backend("b", BreakerState.CLOSED)));
        history.update(frame(MIN, a, Frames.backend("b", BreakerState.OPEN)));
        // A reload removes b while its breaker is open; a goes on.
        for (long t = 2 * MIN; t <= 6 * MIN; t += MIN / 2) {
            history.update(frame(t, a));
        }

        Row b = model.rows(history.breakers(), 6 * MIN).stream().filter(r -> r.backendId().equals("b")).findFirst()
                .orElseThrow();
        assertThat(b.at(Band.BREAKER, 2 * MIN - 1).orElseThrow().state()).isEqualTo(BreakerState.OPEN);
        for (Band band : Band.values()) {
            Span removed = b.at(band, 6 * MIN - 1).orElseThrow();
            assertThat(removed.state()).as(band + " after the reload").isNull();
            assertThat(removed.startMillis()).isEqualTo(2 * MIN);
        }
        Span gone = b.at(Band.BREAKER, 3 * MIN).orElseThrow();
        assertThat(TimelineModel.describe(gone, new TimeText(6 * MIN, ZoneOffset.UTC)))
                .startsWith("b: removed, the gateway's config no longer has it\n00:02:00 to now (4 min)");

        history.update(frame(2 * MIN + GatewayHistory.TIMELINE_WINDOW.toMillis() + 1, a));
        assertThat(history.breakers()).as("gone longer than the timeline reaches back").containsOnlyKeys("a");
    }

    @Test
    void theWindowClipsSpansToTheZoomAndOnlyTheOfferedZoomsAreTaken() {
        BreakerHistory h = new BreakerHistory(Duration.ofHours(1).toMillis());
        h.record(0, backend(BreakerState.CLOSED, Availability.AVAILABLE, AdminState.ENABLED, "available"));
        h.record(50 * MIN, backend(BreakerState.OPEN, Availability.UNAVAILABLE_BREAKER, AdminState.ENABLED, TRIP));

        model.setWindow(Duration.ofMinutes(5));
        assertThat(model.rows(Map.of("red", h), 60 * MIN).getFirst().spans())
                .filteredOn(s -> s.band() == Band.BREAKER).extracting(Span::startMillis, Span::state)
                .containsExactly(tuple(55 * MIN, BreakerState.OPEN));
        model.setWindow(Duration.ofHours(1));
        assertThat(model.rows(Map.of("red", h), 60 * MIN).getFirst().spans())
                .filteredOn(s -> s.band() == Band.BREAKER).extracting(Span::startMillis)
                .containsExactly(0L, 50 * MIN);
        assertThatThrownBy(() -> model.setWindow(Duration.ofMinutes(7))).isInstanceOf(IllegalArgumentException.class);
        assertThat(TimelineModel.ZOOMS).first().isEqualTo(Duration.ofMinutes(5));
        assertThat(TimelineModel.ZOOMS).last().isEqualTo(Duration.ofHours(1));
    }

    @Test
    void everyStateHasATone() {
        List.of(BreakerState.values()).forEach(s -> assertThat(Tone.of(s)).isNotEqualTo(Tone.NO_DATA));
        List.of(Availability.values()).forEach(s -> assertThat(Tone.of(s)).isNotEqualTo(Tone.NO_DATA));
        List.of(AdminState.values()).forEach(s -> assertThat(Tone.of(s)).isNotEqualTo(Tone.NO_DATA));
        assertThat(Tone.of(null)).isEqualTo(Tone.NO_DATA);
        assertThat(TimelineModel.rule("forced open by alice")).isNull();
    }

    /** A live frame of gateway "gw" at {@code at} with these backends and no statistics. */
    private static GatewayFrame frame(long at, BackendFrame... backends) {
        return new GatewayFrame("gw", "cfg", ConnectionState.LIVE, "", 1, "h", Instant.ofEpochMilli(at),
                List.of(backends), List.of(), at, Map.of(), List.of());
    }

    private static BackendFrame backend(BreakerState breaker, Availability availability, AdminState admin, String reason) {
        return new BackendFrame("red", admin, availability, reason, breaker, null, List.of());
    }
}
