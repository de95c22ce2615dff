package dev.switchboard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.breaker.ForceAction;
import dev.switchboard.sim.SimBehavior;
import dev.switchboard.telemetry.client.TelemetryClient;
import dev.switchboard.testing.Eventually;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The numbers a HAProxy-style backend card reads from {@code stats}, under real proxied traffic: retries on the
 * backend that got them, cumulative totals a console takes rates from, and an idle interval that says "no sample".
 */
class BackendCardStatsTest extends FreshHarness {

    private static final String RETRY_ON_5XX =
            "\"backendId\": \"pool\", \"retry\": { \"count\": 1, \"interval\": \"PT0S\", \"statusCodeRanges\": [ { \"min\": 500, \"max\": 599 } ] }";

    @Test
    void retriesAreCountedOnTheBackendThatGotThemAndTotalsAddUpTheIntervals() {
        h.applyEdited(json -> json.replace("\"backendId\": \"pool\"", RETRY_ON_5XX));
        // No breaker trip in the way: every attempt that lands on a first is answered 503 and retried on b.
        h.gateway.engine().forceBreaker("a", ForceAction.CLOSED);
        h.sim("a").setBehavior(SimBehavior.defaults().withStatus(503));
        RawConsole console = h.raw(TelemetryHarness.VIEWER);
        console.next("snapshot");
        TelemetryClient library = h.live(TelemetryHarness.VIEWER, new RecordingListener());

        Map<Integer, Integer> sent = h.traffic(30);
        assertThat(sent).as("every 503 of a was retried on b").containsExactly(Map.entry(200, 30));
        long aAnswered = h.sim("a").counters().requests();
        assertThat(aAnswered).as("the pool sent a some first attempts").isPositive();

        long[] retriesOnB = new long[1];
        long[] retriesOnA = new long[1];
        JsonNode[] last = new JsonNode[1];
        Eventually.await("totals cover all 30 requests", Duration.ofSeconds(10), () -> {
            JsonNode m = console.next("stats");
            retriesOnA[0] += backend(m, "a").path("retries").asLong();
            retriesOnB[0] += backend(m, "b").path("retries").asLong();
            last[0] = m;
            return backend(m, "b").path("totals").path("s2xx").asLong() == 30;
        });
        JsonNode a = backend(last[0], "a").path("totals");
        JsonNode b = backend(last[0], "b").path("totals");
        assertThat(a.path("s5xx").asLong()).isEqualTo(aAnswered);
        assertThat(a.path("requests").asLong()).isEqualTo(aAnswered);
        assertThat(a.path("retries").asLong()).as("a got no retry: it was never the second pick").isZero();
        assertThat(b.path("retries").asLong()).as("one retry on b for each 503 of a").isEqualTo(aAnswered);
        assertThat(b.path("requests").asLong()).isEqualTo(30);
        assertThat(retriesOnB[0]).as("the intervals' retries add up to the total").isEqualTo(aAnswered);
        assertThat(retriesOnA[0]).isZero();
        Eventually.await("the library's model has the totals", WAIT, () -> library.model().stats("b") != null
                && library.model().stats("b").totals().retries() == aAnswered && library.model().stats("a").totals().s5xx() == aAnswered);
    }

    @Test
    void anIdleIntervalSaysNoSampleKeepsItsTotalsAndAHangShowsAsInFlight() throws Exception {
        RawConsole console = h.raw(TelemetryHarness.VIEWER);
        console.next("snapshot");
        assertThat(h.traffic(4)).containsExactly(Map.entry(200, 4));
        h.sim("a").setBehavior(SimBehavior.defaults().withLatency(Duration.ofSeconds(60)));
        h.sim("b").setBehavior(SimBehavior.defaults().withLatency(Duration.ofSeconds(60)));
        try (Socket hung = new Socket("127.0.0.1", h.gateway.port())) {
            hung.getOutputStream().write("GET /hang HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            hung.getOutputStream().flush();
            Eventually.await("an interval with the hung attempt in flight and no sample", Duration.ofSeconds(10), () -> {
                JsonNode m = console.next("stats");
                long inFlight = 0;
                long total = 0;
                for (JsonNode b : m.path("backends")) {
                    if (b.path("requests").asLong() != 0) {
                        return false;
                    }
                    assertThat(b.path("p50Ms").asDouble()).as("no sample: percentiles are 0").isZero();
                    assertThat(b.path("p99Ms").asDouble()).isZero();
                    assertThat(b.path("maxMs").asDouble()).isZero();
                    inFlight += b.path("inFlight").asLong();
                    total += b.path("totals").path("requests").asLong();
                }
                return total == 4 && inFlight == 1; // the totals keep the 4 earlier requests

            });
        }
    }

    private static JsonNode backend(JsonNode stats, String id) {
        for (JsonNode b : stats.path("backends")) {
            if (b.path("id").asText().equals(id)) {
                return b;
            }
        }
        throw new AssertionError("no backend " + id + " in " + stats);
    }
}
