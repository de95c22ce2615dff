package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.scenario.BackendPhase;
import dev.switchboard.config.scenario.RequestKind;
import dev.switchboard.config.scenario.Scenario;
import dev.switchboard.config.scenario.ScenarioLoader;
import dev.switchboard.rehearsal.Rehearsal;
import dev.switchboard.rehearsal.RehearsalResult;
import dev.switchboard.sim.SimBackend;
import dev.switchboard.sim.SimBehavior;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rehearsal's attempt loop against the gateway's: the same seed-style scenario (a priority pool whose primary
 * answers 503 for a while) runs in virtual time and through a real gateway to sim-backends on loopback whose
 * behaviour the test switches at the phases' times. Requests are 500 ms apart and every breaker or phase change
 * falls at least 100 ms from a request, so loopback delays cannot reorder them. Attempts, client statuses and hits
 * per backend must agree.
 */
class RehearsalMatchesGatewayTest {

    private static final String CONFIG = """
            {
              "apis": [ {
                "name": "orders", "path": "/orders", "backendId": "pool",
                "retry": { "statusCodeRanges": [ { "min": 500, "max": 599 } ], "count": 3, "interval": "PT0.15S",
                           "firstFastRetry": true, "otherBackend": %2$s }
              } ],
              "backends": {
                "pool": { "type": "Pool", "pool": { "services": [
                  { "id": "/backends/p1", "priority": 1 }, { "id": "/backends/p2", "priority": 2 } ] } },
                "p1": { "url": "http://${p1}/api", "circuitBreaker": { "rules": [ { "name": "primary", "tripDuration": "%1$s",
                  "failureCondition": { "count": 3, "interval": "PT10S", "statusCodeRanges": [ { "min": 500, "max": 599 } ] } } ] } },
                "p2": { "url": "http://${p2}/api" }
              },
              "diagnostics": true
            }
            """;

    private static final String SCENARIO = """
            { "duration": "PT4S", "rate": 2, "method": "POST", "path": "/orders/new",
              "backends": {
                "p1": [ { "from": "PT0S", "until": "PT1.8S", "status": 503 } ],
                "p2": [ { "from": "PT0S", "status": 200, "latencyMs": 10 } ] } }
            """;

    private final GatewayHarness h = new GatewayHarness().sims("p1", "p2");
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void close() {
        clock.shutdownNow();
        h.close();
    }

    @Test
    void retryOnAnotherBackendAgrees() throws Exception {
        // Primary trips on the third request (t=1.0 s) until t=2.9 s; the request at t=3.0 s is its trial.
        RehearsalResult rehearsed = compare("PT1.9S", true);
        assertThat(rehearsed.attempts()).containsExactly(Map.entry(1, 5L), Map.entry(2, 3L));
    }

    @Test
    void retryOnTheSameBackendAgrees() throws Exception {
        // The first request fails three times (t=0, 0, 0.15 s), tripping the primary until t=1.75 s; the fourth
        // attempt goes to the secondary. The request at t=2.0 s is the trial and finds the primary healthy again.
        RehearsalResult rehearsed = compare("PT1.6S", false);
        assertThat(rehearsed.firstRequestAttempts()).isEqualTo(4);
        assertThat(rehearsed.attempts()).containsExactly(Map.entry(1, 7L), Map.entry(4, 1L));
    }

    private RehearsalResult compare(String tripDuration, boolean otherBackend) throws Exception {
        String configJson = CONFIG.formatted(tripDuration, otherBackend);
        GatewayConfig config = h.config(configJson);
        Scenario scenario = ScenarioLoader.parse(SCENARIO, config);
        RehearsalResult rehearsed = Rehearsal.run(config, scenario, false);

        h.start(configJson);
        warmUp(scenario.requests().getFirst());
        long p1Before = h.sim("p1").counters().requests();
        long p2Before = h.sim("p2").counters().requests();
        List<HttpResponse<String>> responses = play(scenario);

        Map<Integer, Long> statuses = new TreeMap<>();
        Map<Integer, Long> attempts = new TreeMap<>();
        for (HttpResponse<String> r : responses) {
            statuses.merge(r.statusCode(), 1L, Long::sum);
            attempts.merge(Integer.parseInt(r.headers().firstValue("X-Switchboard-Attempts").orElse("0")), 1L, Long::sum);
        }
        assertThat(statuses).isEqualTo(rehearsed.clientStatus());
        assertThat(attempts).isEqualTo(rehearsed.attempts());
        assertThat(Integer.parseInt(responses.getFirst().headers().firstValue("X-Switchboard-Attempts").orElseThrow()))
                .isEqualTo(rehearsed.firstRequestAttempts());
        assertThat(Map.of("p1", h.sim("p1").counters().requests() - p1Before, "p2", h.sim("p2").counters().requests() - p2Before))
                .isEqualTo(rehearsed.backendHits());
        assertThat(rehearsed.serverErrors()).isZero();
        return rehearsed;
    }

    /**
     * Healthy requests before the run, so class loading and first connections do not delay the run's first request
     * (its breaker timing would shift). They succeed on the primary, which a count rule does not remember.
     */
    private void warmUp(RequestKind kind) {
        for (int i = 0; i < 20; i++) {
            assertThat(h.send(request(kind)).statusCode()).isEqualTo(200);
        }
    }

    private HttpRequest request(RequestKind kind) {
        return HttpRequest.newBuilder(h.uri(kind.path())).timeout(Duration.ofSeconds(10))
                .method(kind.method(), HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    /**
     * Sends the scenario's requests at their times and switches the sims' behaviour at their phases' times (phases
     * from the start before any request, as a change due at the same time as a request might run after it).
     */
    private List<HttpResponse<String>> play(Scenario scenario) throws Exception {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        scenario.backends().forEach((id, phases) -> {
            for (BackendPhase phase : phases) {
                if (phase.from().isZero()) {
                    h.sim(id).setBehavior(behavior(phase));
                } else {
                    at(start, phase.from(), () -> h.sim(id).setBehavior(behavior(phase)));
                }
                if (phase.until() != null) {
                    at(start, phase.until(), () -> h.sim(id).setBehavior(SimBehavior.defaults()));
                }
            }
        });
        RequestKind kind = scenario.requests().getFirst();
        List<ScheduledFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (long i = 0; i < scenario.requestCount(); i++) {
            Duration offset = Duration.ofNanos(Math.round(i * 1e9 / scenario.rate()));
            sent.add(clock.schedule(() -> h.send(request(kind)),
                    start + offset.toNanos() - System.nanoTime(), TimeUnit.NANOSECONDS));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (ScheduledFuture<HttpResponse<String>> f : sent) {
            responses.add(f.get(20, TimeUnit.SECONDS));
        }
        return responses;
    }

    private void at(long start, Duration offset, Runnable change) {
        clock.schedule(change, start + offset.toNanos() - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    /** A phase as a sim-backend behaviour: the phase's fields are the sim's. */
    private static SimBehavior behavior(BackendPhase p) {
        return SimBehavior.defaults().withStatus(p.status()).withLatency(p.latency()).withRefuseConnections(p.refuse())
                .withHang(p.hang()).withErrorRate(p.errorRate()).withErrorStatus(p.errorStatus())
                .withRetryAfterSeconds(p.retryAfter() == null ? OptionalInt.empty() : OptionalInt.of((int) p.retryAfter().toSeconds()));
    }
}
