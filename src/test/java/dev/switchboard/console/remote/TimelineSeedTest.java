package dev.switchboard.console.remote;

import dev.switchboard.console.history.BreakerHistory.Segment;
import dev.switchboard.console.history.GatewayHistory;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.telemetry.client.ConnectionState;
import dev.switchboard.telemetry.client.ConnectionStatus;
import dev.switchboard.telemetry.client.GatewayModel;
import dev.switchboard.telemetry.protocol.GatewayState;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A console started after a trip sees it on the timeline: the snapshot's ring seeds the history, once. Snapshots are
 * built with gateway timestamps, so the test runs in virtual time.
 */
class TimelineSeedTest {

    private static final long T0 = 1_764_000_000_000L;
    private static final String TRIP = "rule 'five-xx': 3 failures in PT10S (503 x3); open for PT30S";

    private static final List<TelemetryEvent> RING = List.of(
            new TelemetryEvent.ConfigChange(T0, 1, "h", "config applied", Map.of()),
            new TelemetryEvent.Breaker(T0 + 10_000, "catalog-1", "CLOSED", "OPEN", "five-xx", TRIP, List.of()),
            new TelemetryEvent.Availability(T0 + 10_000, "catalog-1", "AVAILABLE", "UNAVAILABLE_BREAKER", TRIP),
            new TelemetryEvent.Breaker(T0 + 40_000, "catalog-1", "OPEN", "HALF_OPEN", null, "open period over", List.of()),
            new TelemetryEvent.Availability(T0 + 40_000, "catalog-1", "UNAVAILABLE_BREAKER", "HALF_OPEN", "probing"),
            new TelemetryEvent.Breaker(T0 + 41_000, "catalog-1", "HALF_OPEN", "BANANA", null, "a newer gateway", List.of()));

    private final GatewayHistory history = new GatewayHistory();

    @Test
    void aFirstConnectDrawsTheTripsTheGatewayRemembersBeforeTheLiveSegment() {
        long connectedAt = T0 + 60_000;
        history.update(frame(snapshot(RING, connectedAt)));

        List<Segment> segments = history.breakers().get("catalog-1").segments();
        assertThat(segments).extracting(Segment::startMillis, Segment::state, Segment::availability)
                .containsExactly(
                        tuple(T0 + 10_000, BreakerState.OPEN, Availability.UNAVAILABLE_BREAKER),
                        tuple(T0 + 40_000, BreakerState.HALF_OPEN, Availability.HALF_OPEN),
                        tuple(connectedAt, BreakerState.CLOSED, Availability.AVAILABLE));
        assertThat(segments.getFirst().reason()).isEqualTo(TRIP);
        assertThat(segments).allSatisfy(s -> assertThat(s.adminState()).isEqualTo(AdminState.ENABLED));
    }

    @Test
    void aReconnectAddsNothingFromTheRingTwice() {
        history.update(frame(snapshot(RING, T0 + 60_000)));
        List<Segment> afterFirst = history.breakers().get("catalog-1").segments();

        // The gateway went away and came back; its new snapshot still carries the same ring plus a trip seen live.
        List<TelemetryEvent> later = new java.util.ArrayList<>(RING);
        later.add(new TelemetryEvent.Breaker(T0 + 70_000, "catalog-1", "CLOSED", "OPEN", "five-xx", TRIP, List.of()));
        history.update(frame(snapshot(later, T0 + 90_000)));

        List<Segment> afterReconnect = history.breakers().get("catalog-1").segments();
        assertThat(afterReconnect.subList(0, afterFirst.size())).isEqualTo(afterFirst);
        assertThat(afterReconnect).hasSize(afterFirst.size()).last()
                .satisfies(s -> assertThat(s.startMillis()).isEqualTo(T0 + 60_000));
    }

    @Test
    void operatorsAdminChangesFromTheAuditRecordsInTheRingAreSeededToo() {
        List<TelemetryEvent> ring = List.of(
                new TelemetryEvent.OperatorAction(T0 + 5_000, "alice", "setAdminState", "catalog-1", "ENABLED", "DISABLED", 2),
                new TelemetryEvent.OperatorAction(T0 + 20_000, "alice", "setAdminState", "catalog-1", "DISABLED", "MAINTENANCE", 3),
                new TelemetryEvent.OperatorAction(T0 + 30_000, "bob", "clearOverride", "catalog-1", "adminState MAINTENANCE",
                        "adminState ENABLED (config)", 4),
                new TelemetryEvent.OperatorAction(T0 + 35_000, "bob", "setAdminState", "search-1", "ENABLED", "DRAIN", 5),
                new TelemetryEvent.OperatorAction(T0 + 40_000, "bob", "setAdminState", "catalog-1", "ENABLED", "DRAIN", 6),
                new TelemetryEvent.OperatorAction(T0 + 50_000, "carol", "clearOverrides", "overrides",
                        "0 weight(s), 0 priority(ies), 1 admin state(s)", "0 weight(s), 0 priority(ies), 0 admin state(s)", 7),
                new TelemetryEvent.OperatorAction(T0 + 52_000, "carol", "setWeight", "pool/catalog-1", "1", "5", 8),
                new TelemetryEvent.OperatorAction(T0 + 53_000, "dave", "setAdminState", "catalog-1", "ENABLED", "SIDEWAYS", 9));
        history.update(frame(snapshot(ring, T0 + 60_000)));

        assertThat(history.breakers().get("catalog-1").segments())
                .extracting(Segment::startMillis, Segment::adminState, Segment::state, Segment::reason)
                .as("a clear of every override leaves what the config (the live frame) says; unknown states are dropped")
                .containsExactly(
                        tuple(T0 + 5_000, AdminState.DISABLED, BreakerState.CLOSED, "alice: setAdminState catalog-1"),
                        tuple(T0 + 20_000, AdminState.MAINTENANCE, BreakerState.CLOSED, "alice: setAdminState catalog-1"),
                        tuple(T0 + 30_000, AdminState.ENABLED, BreakerState.CLOSED, "bob: clearOverride catalog-1"),
                        tuple(T0 + 40_000, AdminState.DRAIN, BreakerState.CLOSED, "bob: setAdminState catalog-1"),
                        tuple(T0 + 50_000, AdminState.ENABLED, BreakerState.CLOSED, "carol: clearOverrides overrides"));
    }

    @Test
    void aFrameBeforeTheConnectionIsLiveSeedsNothingYet() {
        GatewayModel model = snapshot(RING, T0 + 60_000);
        history.update(TelemetryFrames.frame("edge", model,
                new ConnectionStatus(ConnectionState.CONNECTING, null, model.updatedAt(), 1), 0, Duration.ofSeconds(1)));
        assertThat(history.breakers().get("catalog-1").segments()).allSatisfy(s -> assertThat(s.gap()).isTrue());

        history.update(frame(snapshot(RING, T0 + 61_000)));
        assertThat(history.breakers().get("catalog-1").segments().getFirst().startMillis()).isEqualTo(T0 + 10_000);
    }

    private static dev.switchboard.console.feed.GatewayFrame frame(GatewayModel model) {
        return TelemetryFrames.frame("edge", model, new ConnectionStatus(ConnectionState.LIVE, null, model.updatedAt(), 0),
                0, Duration.ofSeconds(1));
    }

    /** A snapshot taken at {@code atMillis}: catalog-1 closed and available again, the ring remembering its trip. */
    private static GatewayModel snapshot(List<TelemetryEvent> ring, long atMillis) {
        GatewayState state = new GatewayState(1, "h", List.of(), List.of(), List.of(new GatewayState.BackendView(
                "catalog-1", "http://127.0.0.1:1", "ENABLED", "AVAILABLE", "available", "CLOSED", null, List.of(), null, null)),
                List.of(), List.of());
        return new GatewayModel("edge", state, Map.of(), ring, false, Instant.ofEpochMilli(atMillis), 1, ring.size(), 0);
    }
}
