package dev.switchboard.telemetry;

import static dev.switchboard.telemetry.TelemetryHarness.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.breaker.ForceAction;
import dev.switchboard.telemetry.client.HistoryFetcher;
import dev.switchboard.telemetry.client.TelemetryClient;
import dev.switchboard.telemetry.protocol.Protocol;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import dev.switchboard.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A console that was away fetches what it missed over the admin listener: numbered events from the ring
 * ({@code /api/events}) and audit entries, also from before a restart ({@code /api/audit}).
 */
class MissedEventsTest extends FreshHarness {

    @Test
    void eventsAreNumberedOnTheStreamAndThoseMissedWhileAwayAreFetchedExactly() throws Exception {
        RawConsole raw = h.raw(TelemetryHarness.VIEWER);
        JsonNode snapshot = raw.next("snapshot");
        long epoch = snapshot.path("epoch").asLong();
        assertThat(epoch).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
        long seen = snapshot.path("lastEventId").asLong();

        TelemetryClient op = h.live(TelemetryHarness.OPERATOR, new RecordingListener());
        result(op.setWeight(op.model().version(), "pool", "b", 5));
        JsonNode operator = raw.next("operator");
        assertThat(operator.path("eventId").asLong()).as("the next id on the stream").isGreaterThan(seen);
        long away = operator.path("eventId").asLong();
        raw.close();

        Eventually.await("the operator's model follows", WAIT, () -> op.model().lastEventId() >= away);
        long v = result(op.setWeight(h.gateway.engine().version(), "pool", "b", 6)).version();
        result(op.setAdminState(v, "a", "DRAIN"));

        HistoryFetcher.EventPage missed = result(op.history().eventsSince(away));
        assertThat(missed.epoch()).isEqualTo(epoch);
        assertThat(missed.complete()).isTrue();
        List<Long> ids = missed.events().stream().map(HistoryFetcher.NumberedEvent::eventId).toList();
        assertThat(ids).as("consecutive ids after the last one seen").isNotEmpty().first().isEqualTo(away + 1);
        assertThat(ids.getLast()).isEqualTo(missed.lastEventId()).isEqualTo(away + ids.size());
        assertThat(missed.events()).extracting(HistoryFetcher.NumberedEvent::event)
                .filteredOn(e -> e instanceof TelemetryEvent.OperatorAction)
                .extracting(e -> ((TelemetryEvent.OperatorAction) e).after()).containsExactly("6", "DRAIN");

        HttpResponse<String> http = h.adminGet("/api/events?since=" + missed.lastEventId(), TelemetryHarness.VIEWER);
        assertThat(http.statusCode()).isEqualTo(200);
        JsonNode body = Protocol.MAPPER.readTree(http.body());
        assertThat(body.path("gateway").asText()).isEqualTo("gw-test");
        assertThat(body.path("events")).isEmpty();
        assertThat(body.path("complete").asBoolean()).isTrue();
        assertThat(body.path("oldestEventId").asLong()).as("nothing dropped yet").isEqualTo(1);
        assertThat(h.adminGet("/api/events?since=0", null).statusCode()).isEqualTo(401);
        HttpResponse<String> bad = h.adminGet("/api/events?since=yesterday", TelemetryHarness.VIEWER);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("query parameter since must be an eventId from 0 up, got \\\"yesterday\\\"");
    }

    @Test
    void aConsoleAwayLongerThanTheRingIsToldItMissedSomeForGood() throws Exception {
        // Forcing a breaker makes events without touching the overrides file: a breaker and an availability event each.
        for (int i = 0; i < 510; i++) {
            h.gateway.engine().forceBreaker("b", i % 2 == 0 ? ForceAction.OPEN : ForceAction.CLOSED);
        }
        Eventually.await("1,020 events numbered", WAIT, () -> events(0).path("lastEventId").asLong() >= 1_020);
        JsonNode page = events(3);
        assertThat(page.path("complete").asBoolean()).isFalse();
        assertThat(page.path("events")).hasSize(1_000);
        assertThat(page.path("events").get(0).path("eventId").asLong()).isEqualTo(page.path("lastEventId").asLong() - 999);
        assertThat(page.path("oldestEventId").asLong()).as("what a console counts its losses from")
                .isEqualTo(page.path("events").get(0).path("eventId").asLong());
        assertThat(page.path("retained").asInt()).isEqualTo(1_000);

        RawConsole raw = h.raw(TelemetryHarness.VIEWER);
        JsonNode snapshot = raw.next("snapshot");
        assertThat(snapshot.path("events")).as("a snapshot still carries only the newest 200").hasSize(200);
        assertThat(snapshot.path("events").get(199).path("eventId").asLong()).isEqualTo(snapshot.path("lastEventId").asLong());
    }

    @Test
    void auditEntriesFromBeforeARestartArePagedFromTheAuditLog() throws Exception {
        TelemetryClient op = h.live(TelemetryHarness.OPERATOR, new RecordingListener());
        long v = result(op.setWeight(op.model().version(), "pool", "b", 5)).version();
        v = result(op.setWeight(v, "pool", "b", 6)).version();
        result(op.setAdminState(v, "a", "DRAIN"));
        long epochBefore = op.model().epoch();

        h.restart();

        TelemetryClient viewer = h.live(TelemetryHarness.VIEWER, new RecordingListener());
        assertThat(viewer.model().epoch()).as("a restart starts a new epoch").isGreaterThanOrEqualTo(epochBefore).isNotEqualTo(0);
        HistoryFetcher.AuditPage first = result(viewer.history().auditSince(0, 2));
        assertThat(first.more()).isTrue();
        assertThat(first.entries()).extracting(TelemetryEvent.OperatorAction::after).containsExactly("5", "6");
        HistoryFetcher.AuditPage rest = result(viewer.history().auditSince(first.entries().getLast().ts(), 100));
        assertThat(rest.more()).isFalse();
        assertThat(rest.entries()).extracting(TelemetryEvent.OperatorAction::after).endsWith("DRAIN");
        assertThat(rest.entries().getFirst().who()).isEqualTo("alice");

        assertThat(h.adminGet("/api/audit?limit=0", TelemetryHarness.VIEWER).body())
                .contains("query parameter limit must be a count from 1 to 1000, got \\\"0\\\"");
        assertThat(h.adminGet("/api/audit?since=" + (System.currentTimeMillis() + 60_000), TelemetryHarness.VIEWER).body())
                .contains("\"entries\":[]");
    }

    private JsonNode events(long since) {
        try {
            return Protocol.MAPPER.readTree(h.adminGet("/api/events?since=" + since, TelemetryHarness.VIEWER).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
