package dev.switchboard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigWriter;
import dev.switchboard.telemetry.client.TelemetryClient;
import dev.switchboard.telemetry.protocol.Protocol;
import dev.switchboard.testing.Eventually;
import org.junit.jupiter.api.Test;

/**
 * The effective timeout of each pool and backend in the state consoles read (docs/telemetry.md, {@code timeoutMs}),
 * following config changes. Over real sockets.
 */
class TimeoutsOnTheWireTest extends FreshHarness {

    @Test
    void theStateCarriesEachPoolsAndBackendsTimeoutAndFollowsTheConfig() throws Exception {
        JsonNode state = Protocol.MAPPER.readTree(h.adminGet("/api/state", TelemetryHarness.VIEWER).body());
        assertThat(state.path("pools").get(0).path("timeoutMs").asLong()).as("the default per-try timeout").isEqualTo(30_000);
        assertThat(state.path("backends").findValues("timeoutMs")).extracting(JsonNode::asLong).containsOnly(30_000L);

        TelemetryClient viewer = h.live(TelemetryHarness.VIEWER, new RecordingListener());
        h.gateway.applyConfig(ConfigLoader.parse(ConfigWriter.toJson(h.gateway.config())
                .replace("\"perTry\" : \"PT30S\"", "\"perTry\" : \"PT2.5S\"")).orThrow());

        Eventually.await("the state follows the config", WAIT, () -> viewer.model().state().pool("pool").timeoutMs() == 2500);
        assertThat(viewer.model().state().backend("a").timeoutMs()).isEqualTo(2500);
    }
}
