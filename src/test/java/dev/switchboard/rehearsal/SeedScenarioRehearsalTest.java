package dev.switchboard.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.scenario.Scenario;
import dev.switchboard.config.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seed story in test-data/scenarios: a priority pool whose primary answers 503, a breaker of 3 failures in
 * PT15S tripping for PT30S, and a retry of count 3 with a first fast retry. APIM needs 4 attempts for the first
 * request; Switchboard retries on the secondary at once.
 */
class SeedScenarioRehearsalTest {

    private static final Path DIR = Path.of("test-data/scenarios");

    static GatewayConfig config(String name) throws IOException {
        return ConfigLoader.load(DIR.resolve(name)).orThrow();
    }

    static RehearsalResult rehearse(String config, String scenario, boolean apim) throws IOException {
        GatewayConfig c = config(config);
        return Rehearsal.run(c, ScenarioLoader.load(DIR.resolve(scenario), c), apim);
    }

    @Test
    void apimNeedsFourAttemptsForTheFirstRequest() throws IOException {
        RehearsalResult r = rehearse("regional-failover.config.json", "regional-failover.json", true);

        assertThat(r.firstRequestAttempts()).isEqualTo(4);
        assertThat(r.serverErrors()).isZero();
        assertThat(r.requests()).isEqualTo(30);
        // 3 failures in 15 s trip the primary at t=1 s (retries at 0, 0 and 1 s); the 4th attempt is the secondary's.
        assertThat(r.transitions().getFirst().at()).isEqualTo(Duration.ofSeconds(1));
        assertThat(r.transitions().getFirst().to()).isEqualTo("OPEN");
        assertThat(r.firstFailoverAt()).isEqualTo(Duration.ofSeconds(2));
        // APIM resets the breaker when the trip ends: the primary takes traffic, fails 3 times, trips again.
        assertThat(r.transitions()).extracting(RehearsalResult.Change::to).containsExactly("OPEN", "CLOSED", "OPEN");
        assertThat(r.transitions().get(1).at()).as("when the trip ends, not at the next request (t=32 s)")
                .isEqualTo(Duration.ofSeconds(31));
        assertThat(r.attempts()).containsExactly(Map.entry(1, 28L), Map.entry(4, 2L));
        assertThat(r.apimAdjustments()).anyMatch(a -> a.startsWith("a retry may pick the backend that just failed"));
    }

    @Test
    void switchboardServesTheFirstRequestOnTheSecondaryAtOnce() throws IOException {
        RehearsalResult r = rehearse("regional-failover.config.json", "regional-failover.json", false);

        assertThat(r.firstRequestAttempts()).isLessThanOrEqualTo(2);
        assertThat(r.serverErrors()).isZero();
        assertThat(r.firstFailoverAt()).isEqualTo(Duration.ZERO);
        assertThat(r.allShiftedAt()).as("third failure at the third request, t=4 s").isEqualTo(Duration.ofSeconds(4));
        assertThat(r.attempts().keySet()).containsOnly(1, 2);
        // Half-open: one trial request goes back to the primary when the trip ends and reopens it.
        assertThat(r.transitions()).extracting(RehearsalResult.Change::to).containsExactly("OPEN", "HALF_OPEN", "OPEN");
        assertThat(r.apimAdjustments()).isEmpty();
    }

    @Test
    void atTenRequestsASecondTheSecondRequestTripsTheBreakerForTheFirst() throws IOException {
        RehearsalResult apim = rehearse("regional-failover.config.json", "regional-failover-busy.json", true);

        // The first request fails twice at t=0; the second fails at t=0.1 s, the third failure: the first request's
        // next retry (t=1 s) already goes to the secondary.
        assertThat(apim.firstRequestAttempts()).isEqualTo(3);
        assertThat(apim.serverErrors()).isZero();
        assertThat(rehearse("regional-failover.config.json", "regional-failover-busy.json", false).firstRequestAttempts()).isEqualTo(2);
    }

    @Test
    void theSameSeedGivesTheSameResultAndAnotherSeedAnother() throws IOException {
        GatewayConfig c = config("weighted-brownout.config.json");
        Scenario s = ScenarioLoader.load(DIR.resolve("weighted-brownout.json"), c);

        String first = RehearsalJson.write(Rehearsal.run(c, s, false));
        assertThat(RehearsalJson.write(Rehearsal.run(c, s, false))).isEqualTo(first);
        assertThat(RehearsalJson.write(Rehearsal.run(c, s.withSeed(s.seed() + 1), false))).isNotEqualTo(first);
    }

    @Test
    void aThrottledBackendStaysOutForItsRetryAfter() throws IOException {
        RehearsalResult r = rehearse("throttled-spillover.config.json", "throttled-spillover.json", false);

        RehearsalResult.Change trip = r.transitions().getFirst();
        assertThat(trip.at()).isEqualTo(Duration.ofSeconds(20));
        assertThat(trip.reason()).endsWith("open for PT25S");
        assertThat(r.allShiftedAt()).isEqualTo(Duration.ofSeconds(20));
        assertThat(r.serverErrors()).isZero();
    }

    @Test
    void probesTakeAHangingBackendOutWhereApimKeepsSendingItTraffic() throws IOException {
        RehearsalResult ours = rehearse("weighted-brownout.config.json", "weighted-brownout.json", false);
        RehearsalResult apim = rehearse("weighted-brownout.config.json", "weighted-brownout.json", true);

        assertThat(ours.availability()).anySatisfy(c -> {
            assertThat(c.backend()).isEqualTo("orders-east");
            assertThat(c.to()).isEqualTo("UNHEALTHY");
            assertThat(c.at()).isBetween(Duration.ofSeconds(90), Duration.ofSeconds(100));
        });
        assertThat(ours.attempts().keySet()).containsOnly(1, 2);
        assertThat(apim.availability()).noneMatch(c -> c.to().equals("UNHEALTHY"));
        assertThat(apim.attempts()).containsKey(3);
        assertThat(ours.serverErrors() + apim.serverErrors()).isZero();
    }
}
