package dev.switchboard.engine;

import static dev.switchboard.engine.TestConfigs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.engine.breaker.ForceAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's input for availability decided outside it (a fleet quorum of open breakers). */
class ExternalAvailabilityTest {

    private static final String QUORUM = "breaker open on 2 of the fleet's gateways (quorum 2): gw-1, gw-2";

    private final ManualTicker ticker = new ManualTicker();

    private static GatewayConfig abPool() {
        return gateway(single("a"), single("b"), pool("pool", member("a", 1, null), member("b", 1, null)));
    }

    @Test
    void anExternallyUnavailableBackendTakesNoPicksAndSaysWhyUntilReleased() {
        Engine engine = engine(abPool(), ticker);
        List<AvailabilityChange> changes = new ArrayList<>();
        engine.addListener(e -> {
            if (e instanceof AvailabilityChange c) {
                changes.add(c);
            }
        });
        long version = engine.version();
        String hash = engine.hash();

        engine.setExternallyUnavailable(Map.of("a", QUORUM, "no-such-backend", "ignored"));

        assertThat(tally(engine, "pool", 6)).containsOnly(Map.entry("b", 6));
        EngineSnapshot.BackendView a = engine.snapshot().backends().stream().filter(b -> b.id().equals("a")).findFirst().orElseThrow();
        assertThat(a.availability()).isEqualTo(Availability.UNAVAILABLE_BREAKER);
        assertThat(a.reason()).isEqualTo(QUORUM);
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.backendId()).isEqualTo("a");
            assertThat(c.reason()).isEqualTo(QUORUM);
        });
        assertThat(engine.version()).as("runtime state, not config").isEqualTo(version);
        assertThat(engine.hash()).isEqualTo(hash);

        engine.setExternallyUnavailable(Map.of());
        assertThat(tally(engine, "pool", 6)).containsOnly(Map.entry("a", 3), Map.entry("b", 3));
        assertThat(changes).hasSize(2);
    }

    @Test
    void theSameInputTwiceChangesNothingAndStrongerLocalStatesKeepTheirReason() {
        Engine engine = engine(abPool(), ticker);
        engine.setExternallyUnavailable(Map.of("a", QUORUM));
        List<EngineEvent> events = new ArrayList<>();
        engine.addListener(events::add);
        engine.setExternallyUnavailable(Map.of("a", QUORUM));
        assertThat(events).isEmpty();

        engine.forceBreaker("a", ForceAction.OPEN);
        EngineSnapshot.BackendView a = engine.snapshot().backends().getFirst();
        assertThat(a.availability()).isEqualTo(Availability.UNAVAILABLE_FORCED);
    }
}
