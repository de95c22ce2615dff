package dev.switchboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.Availability;
import dev.switchboard.sim.SimBehavior;
import dev.switchboard.testing.EtcdServer;
import dev.switchboard.testing.Eventually;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Gateways of a fleet on a real etcd: joining, pushes applied or refused by all, stale pushes, rollback, death, quorums. */
class FleetGatewaysTest {

    @RegisterExtension
    static final EtcdServer ETCD = EtcdServer.perClass();

    private static final Duration SOON = Duration.ofSeconds(15);

    private static final String BROKEN = FleetHarness.TO_BLUE.replace("\"backendId\": \"blue\"", "\"backendId\": \"purple\"");

    @Test
    void threeGatewaysJoinAndAllApplyAPushThenRefuseABadOneAndRollBack() throws Exception {
        try (FleetHarness fleet = new FleetHarness(ETCD, "pushes", "blue", "green")) {
            PushResult.Written first = fleet.push(FleetHarness.TO_BLUE);
            List<FleetHarness.Member> gateways = List.of(fleet.join("gw-1", "east"), fleet.join("gw-2", "east"), fleet.join("gw-3", "west"));

            Eventually.await("3 gateways registered", SOON, () -> fleet.roster.gateways().stream().filter(GatewayStatus::alive).count() == 3);
            assertThat(fleet.status("gw-3").region()).isEqualTo("west");
            assertThat(fleet.status("gw-1").revision()).isEqualTo(first.revision());
            assertThat(gateways.getFirst().gateway().config().gateway().id()).as("its own id, not the shared config's").isEqualTo("gw-1");
            for (FleetHarness.Member m : gateways) {
                assertThat(fleet.servedBy(m, "/")).isEqualTo("blue");
            }

            PushResult.Written second = fleet.push(FleetHarness.TO_GREEN);
            for (FleetHarness.Member m : gateways) {
                Eventually.await(m.id() + " registered revision " + second.revision(), SOON,
                        () -> fleet.revision(m.id()) == second.revision());
                assertThat(fleet.servedBy(m, "/")).isEqualTo("green");
                assertThat(fleet.status(m.id()).hash()).isEqualTo(second.hash());
            }

            // Written by another tool (push validates first): every gateway refuses it and keeps serving green.
            PushResult.Written bad = (PushResult.Written) fleet.store.write(fleet.config(BROKEN), null, "mallory", "push");
            for (FleetHarness.Member m : gateways) {
                Eventually.await(m.id() + " published its refusal", SOON, () -> fleet.status(m.id()).refusal() != null);
                Refusal refusal = fleet.status(m.id()).refusal();
                assertThat(refusal.revision()).isEqualTo(bad.revision());
                assertThat(refusal.problems()).singleElement().asString().contains("apis[0].backendId").contains("purple");
                assertThat(fleet.status(m.id()).revision()).isEqualTo(second.revision());
                assertThat(fleet.servedBy(m, "/")).isEqualTo("green");
            }

            PushResult rollback = fleet.store.rollback(first.revision(), "bob", null);
            assertThat(rollback).isInstanceOf(PushResult.Written.class);
            long rolledBack = ((PushResult.Written) rollback).revision();
            assertThat(fleet.store.current().json()).isEqualTo(fleet.config(FleetHarness.TO_BLUE));
            for (FleetHarness.Member m : gateways) {
                Eventually.await(m.id() + " applied the rollback", SOON, () -> fleet.revision(m.id()) == rolledBack);
                assertThat(fleet.servedBy(m, "/")).isEqualTo("blue");
            }
            assertThat(fleet.store.history()).extracting(HistoryEntry::revision, HistoryEntry::operator, HistoryEntry::action).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(first.revision(), "alice", "push"),
                    org.assertj.core.groups.Tuple.tuple(second.revision(), "alice", "push"),
                    org.assertj.core.groups.Tuple.tuple(bad.revision(), "mallory", "push"),
                    org.assertj.core.groups.Tuple.tuple(rolledBack, "bob", "rollback to " + first.revision()));
        }
    }

    @Test
    void aPushBasedOnAStaleRevisionIsRefusedAndShowsWhatChangedSince() {
        try (FleetHarness fleet = new FleetHarness(ETCD, "stale", "blue", "green")) {
            PushResult.Written first = fleet.push(FleetHarness.TO_BLUE);
            PushResult.Written second = fleet.push(FleetHarness.TO_GREEN);

            PushResult result = fleet.store.push(fleet.config(FleetHarness.TO_BLUE.replace("orders", "orders-v2")), first.revision(), "carol");

            assertThat(result).isInstanceOfSatisfying(PushResult.Stale.class, stale -> {
                assertThat(stale.current().revision()).isEqualTo(second.revision());
                assertThat(stale.since()).extracting(HistoryEntry::revision).containsExactly(second.revision());
                assertThat(stale.diff()).contains("- " + fleet.config(FleetHarness.TO_BLUE).lines().toList().get(1),
                        "+ " + fleet.config(FleetHarness.TO_GREEN).lines().toList().get(1));
            });
            assertThat(fleet.store.current().revision()).as("nothing written").isEqualTo(second.revision());
        }
    }

    @Test
    void aKilledGatewaysRegistrationExpiresWithItsLease() {
        try (FleetHarness fleet = new FleetHarness(ETCD, "deaths", "blue", "green")) {
            fleet.push(FleetHarness.TO_BLUE);
            fleet.join("gw-1", null);
            fleet.join("gw-2", null);
            Eventually.await("both alive", SOON, () -> fleet.roster.gateways().stream().filter(GatewayStatus::alive).count() == 2);

            fleet.kill("gw-2");

            Eventually.await("gw-2's lease expired", SOON, () -> !fleet.status("gw-2").alive());
            assertThat(fleet.status("gw-1").alive()).isTrue();
        }
    }

    @Test
    void aQuorumScopeTakesTheBackendOutOnlyOnceEnoughGatewaysHoldItsBreakerOpen() throws Exception {
        try (FleetHarness fleet = new FleetHarness(ETCD, "quorum", "flaky", "spare")) {
            fleet.sims.get("flaky").setBehavior(SimBehavior.defaults().withStatus(500));
            fleet.push("""
                    { "backends": {
                        "flaky": { "url": "http://${flaky}", "breakerScope": { "quorum": 2 },
                          "circuitBreaker": { "rules": [ { "name": "5xx", "tripDuration": "PT60S",
                            "failureCondition": { "count": 3, "interval": "PT60S", "statusCodeRanges": [ { "min": 500, "max": 599 } ] } } ] } },
                        "spare": { "url": "http://${spare}" } },
                      "apis": [ { "name": "flaky", "path": "/", "backendId": "flaky" } ] }""");
            FleetHarness.Member a = fleet.join("gw-a", null);
            FleetHarness.Member b = fleet.join("gw-b", null);
            FleetHarness.Member c = fleet.join("gw-c", null);
            Eventually.await("all joined", SOON, () -> fleet.roster.gateways().stream().filter(GatewayStatus::alive).count() == 3);

            tripThrough(fleet, a);
            Eventually.await("gw-a's open breaker published", SOON,
                    () -> fleet.operator.getKVClient().get(Etcd.bytes(new FleetKeys("quorum").breaker("flaky", "gw-a"))).join().getCount() == 1);
            assertThat(FleetHarness.backend(c, "flaky").availability()).as("one of a quorum of 2").isEqualTo(Availability.AVAILABLE);

            tripThrough(fleet, b);
            Eventually.await("gw-c takes flaky out", SOON,
                    () -> FleetHarness.backend(c, "flaky").availability() == Availability.UNAVAILABLE_BREAKER);
            assertThat(FleetHarness.backend(c, "flaky").reason())
                    .isEqualTo("breaker open on 2 of the fleet's gateways (quorum 2): gw-a, gw-b");
            assertThat(fleet.get(c, "/").statusCode()).as("gw-c's own breaker never tripped").isEqualTo(503);
            assertThat(fleet.roster.openBreakers()).extracting(BreakerSignal::backend, BreakerSignal::gateway).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("flaky", "gw-a"), org.assertj.core.groups.Tuple.tuple("flaky", "gw-b"));
        }
    }

    private static void tripThrough(FleetHarness fleet, FleetHarness.Member m) throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(fleet.get(m, "/").statusCode()).isEqualTo(500);
        }
        assertThat(FleetHarness.backend(m, "flaky").availability()).isEqualTo(Availability.UNAVAILABLE_BREAKER);
    }
}
