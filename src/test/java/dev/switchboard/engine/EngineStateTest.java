package dev.switchboard.engine;

import static dev.switchboard.engine.TestConfigs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.config.ConfigHash;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.engine.breaker.BreakerTransition;
import dev.switchboard.engine.breaker.ForceAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EngineStateTest {

    private final ManualTicker ticker = new ManualTicker();

    private static GatewayConfig abPool() {
        return gateway(single("a"), single("b"), pool("pool", member("a", 1, null), member("b", 1, null)));
    }

    @Test
    void theSharedHashLeavesOutTheGatewaysOwnIdAndRegionButFollowsEverythingElse() {
        GatewayConfig shared = abPool();
        Engine a = engine(shared.withGateway(shared.gateway().withId("gw-a").withRegion("westeurope")), ticker);
        Engine b = engine(shared.withGateway(shared.gateway().withId("gw-b")), new ManualTicker());
        assertThat(a.hash()).as("each member's own content").isNotEqualTo(b.hash());
        assertThat(StateHash.shared(a.config(), a.overrides())).as("fleet members in step").isEqualTo(StateHash.shared(b.config(), b.overrides()));
        b.setWeight("pool", "a", 3);
        assertThat(StateHash.shared(b.config(), b.overrides())).as("an override is drift").isNotEqualTo(StateHash.shared(a.config(), a.overrides()));
    }

    @Test
    void everyChangeBumpsTheVersionAndTheHashFollowsContent() {
        Engine engine = engine(abPool(), ticker);
        List<StateChange> changes = new ArrayList<>();
        engine.addListener(e -> {
            if (e instanceof StateChange c) {
                changes.add(c);
            }
        });
        String initial = engine.hash();
        assertThat(initial).hasSize(64).matches("[0-9a-f]+");
        assertThat(engine(abPool(), new ManualTicker()).hash()).as("same content, same hash").isEqualTo(initial);
        assertThat(initial).as("without overrides, the file's hash").isEqualTo(ConfigHash.of(abPool()));

        Set<String> hashes = new HashSet<>(Set.of(initial));
        engine.setWeight("pool", "a", 3);
        hashes.add(engine.hash());
        engine.setPriority("pool", "b", 2);
        hashes.add(engine.hash());
        engine.setAdminState("a", AdminState.DRAIN);
        hashes.add(engine.hash());
        engine.applyConfig(gateway(single("a"), single("b"), single("c"),
                pool("pool", member("a", 1, null), member("b", 1, null))));
        hashes.add(engine.hash());
        engine.clearOverrides();
        hashes.add(engine.hash());

        assertThat(engine.version()).isEqualTo(6);
        assertThat(hashes).hasSize(6);
        assertThat(changes).extracting(StateChange::version).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(changes.getLast().hash()).isEqualTo(engine.hash());
        assertThat(changes.getFirst().what()).isEqualTo("weight of pool/a set to 3");
    }

    @Test
    void overridesSurviveConfigChangesForMembersThatRemain() {
        Engine engine = engine(abPool(), ticker);
        engine.setWeight("pool", "a", 3);
        engine.setAdminState("b", AdminState.MAINTENANCE);
        engine.applyConfig(gateway(single("a"), single("c"), pool("pool", member("a", 1, null), member("c", 1, null))));
        assertThat(engine.overrides().weights()).containsOnlyKeys(new RuntimeOverrides.MemberKey("pool", "a"));
        assertThat(engine.overrides().adminStates()).isEmpty();
        assertThat(tally(engine, "pool", 8)).containsOnly(Map.entry("a", 6), Map.entry("c", 2));
        engine.clearOverrides();
        assertThat(tally(engine, "pool", 8)).containsOnly(Map.entry("a", 4), Map.entry("c", 4));
    }

    @Test
    void oneOverrideIsClearedAndTheFileValueAppliesAgainWhileTheOthersStay() {
        Engine engine = engine(abPool(), ticker);
        engine.setWeight("pool", "a", 3);
        engine.setPriority("pool", "b", 2);
        engine.setAdminState("b", AdminState.DRAIN);
        assertThat(engine.overrides().entries()).extracting(RuntimeOverrides.Entry::toString)
                .containsExactly("weight pool/a", "priority pool/b", "adminState b");
        long version = engine.version();

        assertThatThrownBy(() -> engine.clearOverride(RuntimeOverrides.Kind.WEIGHT, "pool", "b"))
                .hasMessage("no weight pool/b override; overrides: weight pool/a, priority pool/b, adminState b");
        assertThat(engine.version()).as("nothing changed").isEqualTo(version);

        engine.clearOverride(RuntimeOverrides.Kind.WEIGHT, "pool", "a");
        assertThat(engine.version()).isEqualTo(version + 1);
        assertThat(engine.overrides().entries()).extracting(RuntimeOverrides.Entry::value).containsExactly("2", "DRAIN");
        engine.clearOverride(RuntimeOverrides.Kind.ADMIN_STATE, null, "b");
        engine.clearOverride(RuntimeOverrides.Kind.PRIORITY, "pool", "b");
        assertThat(engine.overrides()).isEqualTo(RuntimeOverrides.NONE);
        assertThat(engine.hash()).as("back to the file's hash").isEqualTo(ConfigHash.of(abPool()));
        assertThatThrownBy(() -> engine.clearOverride(RuntimeOverrides.Kind.ADMIN_STATE, null, "b"))
                .hasMessage("no adminState b override; overrides: none");
    }

    @Test
    void priorityOverrideChangesGroups() {
        Engine engine = engine(abPool(), ticker);
        engine.setPriority("pool", "b", 2);
        assertThat(tally(engine, "pool", 4)).containsOnly(Map.entry("a", 4));
    }

    @Test
    void invalidEditsNameThePoolOrBackend() {
        Engine engine = engine(abPool(), ticker);
        assertThatThrownBy(() -> engine.setWeight("nope", "a", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown pool 'nope'");
        assertThatThrownBy(() -> engine.setWeight("a", "a", 1)).hasMessageContaining("unknown pool 'a'");
        assertThatThrownBy(() -> engine.setWeight("pool", "zz", 1))
                .hasMessageContaining("backend 'zz' is not a member of pool 'pool'");
        assertThatThrownBy(() -> engine.setWeight("pool", "a", 1001)).hasMessageContaining("pool/a")
                .hasMessageContaining("0..1000");
        assertThatThrownBy(() -> engine.setWeight("pool", "a", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.setPriority("pool", "a", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("priority 0 for pool/a is outside 1..100");
        assertThatThrownBy(() -> engine.setAdminState("zz", AdminState.DRAIN)).hasMessageContaining("unknown backend 'zz'");
        assertThatThrownBy(() -> engine.setAdminState("pool", AdminState.DRAIN)).hasMessageContaining("'pool' is a pool");
        assertThatThrownBy(() -> engine.forceBreaker("zz", ForceAction.OPEN)).hasMessageContaining("'zz'");
        assertThatThrownBy(() -> engine.reportProbe("a", true, "")).hasMessageContaining("no health probe");
        assertThat(engine.version()).isEqualTo(1);
    }

    @Test
    void listenerExceptionsAreContained() {
        Engine engine = engine(abPool(), ticker);
        List<EngineEvent> seen = new ArrayList<>();
        engine.addListener(e -> {
            throw new IllegalStateException("boom");
        });
        engine.addListener(seen::add);
        engine.forceBreaker("a", ForceAction.OPEN);
        assertThat(seen).hasAtLeastOneElementOfType(BreakerTransition.class)
                .hasAtLeastOneElementOfType(AvailabilityChange.class);
        assertThat(tally(engine, "pool", 2)).containsOnly(Map.entry("b", 2));
    }

    @Test
    void probeThresholdsDecideHealthAndUnknownCountsAsHealthy() {
        Engine engine = engine(gateway(withProbe(single("a"), 2, 3), single("b"),
                pool("pool", member("a", 1, null), member("b", 1, null))), ticker);
        assertThat(engine.snapshot().backends().getFirst().probe()).isEqualTo(ProbeHealth.UNKNOWN);
        assertThat(tally(engine, "pool", 2)).containsOnly(Map.entry("a", 1), Map.entry("b", 1));
        engine.reportProbe("a", false, "connect refused");
        engine.reportProbe("a", false, "connect refused");
        assertThat(tally(engine, "pool", 2)).containsOnly(Map.entry("a", 1), Map.entry("b", 1));
        engine.reportProbe("a", false, "connect refused");
        EngineSnapshot.BackendView view = engine.snapshot().backends().getFirst();
        assertThat(view.availability()).isEqualTo(Availability.UNHEALTHY);
        assertThat(view.reason()).contains("3 consecutive probe failure(s): connect refused");
        assertThat(tally(engine, "pool", 2)).containsOnly(Map.entry("b", 2));
        engine.reportProbe("a", true, "200");
        assertThat(tally(engine, "pool", 2)).containsOnly(Map.entry("b", 2));
        engine.reportProbe("a", true, "200");
        assertThat(engine.snapshot().backends().getFirst().probe()).isEqualTo(ProbeHealth.HEALTHY);
        assertThat(tally(engine, "pool", 2)).containsOnly(Map.entry("a", 1), Map.entry("b", 1));
    }

    @Test
    void slowStartRampsTheWeightInStepsAfterRecovery() {
        Engine engine = engine(gateway(withSlowStart(single("a"), Duration.ofSeconds(100), 10), single("b"),
                pool("pool", member("a", 1, null), member("b", 1, null))), ticker);
        engine.setAdminState("a", AdminState.MAINTENANCE);
        engine.setAdminState("a", AdminState.ENABLED);
        EngineSnapshot.MemberView a = engine.snapshot().pools().getFirst().members().getFirst();
        assertThat(a.availability()).isEqualTo(Availability.SLOW_START);
        assertThat(a.effectiveWeight()).isEqualTo(0.1);
        assertThat(tally(engine, "pool", 110)).containsOnly(Map.entry("a", 10), Map.entry("b", 100));
        ticker.advanceSeconds(50);
        assertThat(tally(engine, "pool", 155)).containsOnly(Map.entry("a", 55), Map.entry("b", 100));
        ticker.advanceSeconds(50);
        assertThat(engine.snapshot().pools().getFirst().members().getFirst().availability())
                .isEqualTo(Availability.AVAILABLE);
        assertThat(tally(engine, "pool", 2)).containsOnly(Map.entry("a", 1), Map.entry("b", 1));
    }

    @Test
    void availabilityEventsCarryTheReason() {
        Engine engine = engine(gateway(single("a", breaker(countRule("gw", 1, Duration.ofSeconds(10),
                Duration.ofSeconds(30), false)))), ticker);
        List<AvailabilityChange> changes = new ArrayList<>();
        engine.addListener(e -> {
            if (e instanceof AvailabilityChange c) {
                changes.add(c);
            }
        });
        engine.recordOutcome(engine.pick("a", null, null), 503, null, null);
        ticker.advanceSeconds(30);
        engine.pick("a", null, null);
        assertThat(changes).extracting(AvailabilityChange::to)
                .containsExactly(Availability.UNAVAILABLE_BREAKER, Availability.HALF_OPEN);
        assertThat(changes.getFirst().reason()).contains("rule 'gw'").contains("1 failures in PT10S (503 x1)");
    }

    @Test
    void theNextDeadlineIsTheTripsEndUntilItIsNoticed() {
        Engine engine = engine(gateway(single("a", breaker(countRule("gw", 1, Duration.ofSeconds(10),
                Duration.ofSeconds(30), false)))), ticker);
        assertThat(engine.nextDeadlineNanos()).isEqualTo(Long.MAX_VALUE);
        long tripped = ticker.nanos();
        engine.recordOutcome(engine.pick("a", null, null), 503, null, null);
        assertThat(engine.nextDeadlineNanos()).isEqualTo(tripped + Duration.ofSeconds(30).toNanos());
        ticker.advanceSeconds(30);
        engine.snapshot();
        assertThat(engine.nextDeadlineNanos()).isEqualTo(Long.MAX_VALUE);
    }
}
