package dev.switchboard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.sim.SimBehavior;
import dev.switchboard.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the stream says matches what the gateway did under real proxied traffic; late joiners see the same picture. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelemetryStreamTest {

    private TelemetryHarness h;

    @BeforeAll
    void start() {
        h = new TelemetryHarness();
    }

    @AfterAll
    void stop() {
        h.close();
    }

    @Test
    void snapshotFirstThenStatsThatAddUpToTheTrafficSent() {
        RawConsole console = h.raw(TelemetryHarness.VIEWER);
        JsonNode snapshot = console.next(m -> true);
        assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
        assertThat(snapshot.path("seq").asLong()).isEqualTo(1);
        assertThat(snapshot.path("v").asInt()).isEqualTo(1);
        assertThat(snapshot.path("gateway").asText()).isEqualTo("gw-test");
        assertThat(snapshot.path("ts").asLong()).isPositive();
        JsonNode state = snapshot.path("state");
        assertThat(state.path("version").asLong()).isEqualTo(h.gateway.engine().version());
        assertThat(state.path("hash").asText()).isEqualTo(h.gateway.engine().hash());
        assertThat(state.path("backends").findValuesAsText("id")).containsExactly("a", "b");
        assertThat(state.path("pools").get(0).path("members").findValuesAsText("backendId")).containsExactly("a", "b");
        assertThat(state.path("backends").get(0).path("breaker").asText()).isEqualTo("CLOSED");
        assertThat(state.path("backends").get(0).path("rules").get(0).path("rule").asText()).isEqualTo("five-xx");

        long[] lastSeq = {1};
        List<String> problems = new ArrayList<>();
        Supplier<JsonNode> next = () -> {
            JsonNode m = console.next(x -> true);
            if (m.path("seq").asLong() != lastSeq[0] + 1) {
                problems.add("gap after " + lastSeq[0] + ": " + m.path("seq"));
            }
            lastSeq[0] = m.path("seq").asLong();
            return m;
        };
        // Start counting after a quiet interval, so traffic of other tests is not in it.
        Eventually.await("a quiet interval", Duration.ofSeconds(10), () -> {
            JsonNode m = next.get();
            return m.path("type").asText().equals("stats") && m.path("backends").valueStream().allMatch(b -> b.path("requests").asLong() == 0);
        });
        Map<Integer, Integer> sent = h.traffic(40);
        assertThat(sent).containsExactly(Map.entry(200, 40));

        long[] requests = new long[1];
        long[] ok = new long[1];
        Eventually.await("stats add up to 40 requests", Duration.ofSeconds(10), () -> {
            JsonNode m = next.get();
            if (m.path("type").asText().equals("stats")) {
                for (JsonNode b : m.path("backends")) {
                    requests[0] += b.path("requests").asLong();
                    ok[0] += b.path("s2xx").asLong();
                    assertThat(b.path("inFlight").asLong()).isGreaterThanOrEqualTo(0);
                    if (b.path("requests").asLong() > 0) {
                        assertThat(b.path("p99Ms").asDouble()).isPositive();
                        assertThat(b.path("maxMs").asDouble()).isGreaterThanOrEqualTo(b.path("p50Ms").asDouble());
                    }
                }
            }
            return requests[0] >= 40;
        });
        assertThat(requests[0]).isEqualTo(40);
        assertThat(ok[0]).isEqualTo(40);
        assertThat(problems).isEmpty();
    }

    @Test
    void aTripIsReportedAtOnceWithBackendRuleAndReasonAndLateJoinersSeeIt() {
        RawConsole early = h.raw(TelemetryHarness.VIEWER);
        RawConsole second = h.raw(TelemetryHarness.VIEWER);
        early.next("snapshot");
        second.next("snapshot");
        h.sim("a").setBehavior(SimBehavior.defaults().withStatus(503));
        try {
            h.traffic(12);
            JsonNode trip = early.next(m -> m.path("type").asText().equals("breaker") && m.path("to").asText().equals("OPEN"));
            assertThat(trip.path("backendId").asText()).isEqualTo("a");
            assertThat(trip.path("from").asText()).isEqualTo("CLOSED");
            assertThat(trip.path("rule").asText()).isEqualTo("five-xx");
            assertThat(trip.path("reason").asText()).contains("five-xx").contains("503");
            assertThat(trip.path("counters").get(0).path("failures").asLong()).isGreaterThanOrEqualTo(3);
            JsonNode sameForSecond = second.next(m -> m.path("type").asText().equals("breaker") && m.path("to").asText().equals("OPEN"));
            assertThat(sameForSecond.path("ts").asLong()).isEqualTo(trip.path("ts").asLong());
            JsonNode availability = early.next(m -> m.path("type").asText().equals("availability") && m.path("backendId").asText().equals("a"));
            assertThat(availability.path("to").asText()).isEqualTo("UNAVAILABLE_BREAKER");

            RawConsole late = h.raw(TelemetryHarness.VIEWER);
            JsonNode snapshot = late.next("snapshot");
            assertThat(snapshot.path("state").path("backends").get(0).path("breaker").asText()).isEqualTo("OPEN");
            assertThat(snapshot.path("state").path("backends").get(0).path("availability").asText()).isEqualTo("UNAVAILABLE_BREAKER");
            assertThat(snapshot.path("events").findValuesAsText("type")).contains("breaker", "availability");
            JsonNode lateTrip = null;
            for (JsonNode e : snapshot.path("events")) {
                if (e.path("type").asText().equals("breaker") && e.path("ts").asLong() == trip.path("ts").asLong()) {
                    lateTrip = e;
                }
            }
            assertThat(lateTrip).as("the trip in the late joiner's ring").isNotNull();
            assertThat(lateTrip.path("rule").asText()).isEqualTo("five-xx");
        } finally {
            h.sim("a").reset();
            h.gateway.engine().forceBreaker("a", dev.switchboard.engine.breaker.ForceAction.RESET);
        }
    }
}
