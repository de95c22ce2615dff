package dev.switchboard.engine;

import static dev.switchboard.engine.TestConfigs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.RetryPolicy;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.engine.retry.RetryDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The documented APIM setup: priority pool {primary p1, secondary p2}; breaker 3 failures within PT15S on 502-504
 * and BackendConnectionFailure, trip PT30S, acceptRetryAfter; retry on 500-599, count 3, interval 1 s,
 * first-fast-retry. The primary answers 503, the secondary 200.
 */
class ApimSeedScenarioTest {

    private final ManualTicker ticker = new ManualTicker();
    private final Map<String, Integer> answers = new java.util.HashMap<>(Map.of("primary", 503, "secondary", 200));

    private static GatewayConfig seed() {
        var rule = countRule("backendBreaker", 3, Duration.ofSeconds(15), Duration.ofSeconds(30), true);
        return gateway(single("primary", breaker(rule)), single("secondary", breaker(rule)),
                pool("pool", member("primary", null, 1), member("secondary", null, 2)));
    }

    /** One client request through the gateway loop; returns the backends of its attempts in order. */
    private List<String> request(Engine engine, RetryPolicy policy) {
        Attempts attempts = new Attempts(policy.otherBackend());
        List<String> tried = new ArrayList<>();
        while (true) {
            Pick pick = engine.pick("pool", null, attempts);
            assertThat(pick.none()).isFalse();
            String backend = ((BackendHandle) pick).backendId();
            tried.add(backend);
            int status = answers.get(backend);
            engine.recordOutcome(pick, status, null, null);
            RetryDecision decision = engine.retryPlanner().decide(policy, attempts.count(), status, null);
            if (!decision.retry()) {
                assertThat(status).isEqualTo(200);
                return tried;
            }
            ticker.advance(decision.delay());
        }
    }

    @Test
    void otherBackendServesTheFirstRequestOnAttemptTwoAndTheBreakerStillTrips() {
        Engine engine = engine(seed(), ticker);
        RetryPolicy policy = retry(3, Duration.ofSeconds(1), null, null, true, true);

        assertThat(request(engine, policy)).containsExactly("primary", "secondary");
        assertThat(request(engine, policy)).containsExactly("primary", "secondary");
        assertThat(breakerState(engine)).isEqualTo(BreakerState.CLOSED);
        assertThat(request(engine, policy)).containsExactly("primary", "secondary");
        assertThat(breakerState(engine)).as("3 failures within 15 s").isEqualTo(BreakerState.OPEN);

        for (int i = 0; i < 5; i++) {
            assertThat(request(engine, policy)).containsExactly("secondary");
            ticker.advanceSeconds(5);
        }
        ticker.advanceSeconds(5);
        answers.put("primary", 200);
        assertThat(request(engine, policy)).as("half-open trial").containsExactly("primary");
        assertThat(breakerState(engine)).isEqualTo(BreakerState.CLOSED);
        assertThat(tally(engine, "pool", 10)).containsOnly(Map.entry("primary", 10));
    }

    @Test
    void withoutOtherBackendTheFirstRequestSucceedsOnAttemptFourAsInApim() {
        Engine engine = engine(seed(), ticker);
        RetryPolicy policy = retry(3, Duration.ofSeconds(1), null, null, true, false);

        assertThat(request(engine, policy)).containsExactly("primary", "primary", "primary", "secondary");
        assertThat(breakerState(engine)).isEqualTo(BreakerState.OPEN);
        assertThat(request(engine, policy)).containsExactly("secondary");

        ticker.advanceSeconds(30);
        assertThat(request(engine, policy)).as("half-open trial fails, secondary serves")
                .containsExactly("primary", "secondary");
        assertThat(breakerState(engine)).isEqualTo(BreakerState.OPEN);
        ticker.advanceSeconds(30);
        answers.put("primary", 200);
        assertThat(request(engine, policy)).containsExactly("primary");
        assertThat(tally(engine, "pool", 10)).containsOnly(Map.entry("primary", 10));
    }

    private static BreakerState breakerState(Engine engine) {
        return engine.snapshot().backends().getFirst().breaker();
    }
}
