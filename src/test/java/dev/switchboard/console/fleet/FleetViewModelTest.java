package dev.switchboard.console.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.embedded.EmbeddedGatewayFeed;
import dev.switchboard.console.feed.CoalescingThrottle;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.engine.breaker.ForceAction;
import dev.switchboard.fleet.Etcd;
import dev.switchboard.fleet.FleetHarness;
import dev.switchboard.fleet.FleetKeys;
import dev.switchboard.fleet.FleetRoster;
import dev.switchboard.fleet.FleetStore;
import dev.switchboard.fleet.GatewayStatus;
import dev.switchboard.fleet.HistoryEntry;
import dev.switchboard.fleet.PushResult;
import dev.switchboard.testing.EtcdServer;
import dev.switchboard.testing.Eventually;
import io.etcd.jetcd.Client;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console's fleet view model against a real etcd and real fleet gateways. */
class FleetViewModelTest {

    @RegisterExtension
    static final EtcdServer ETCD = EtcdServer.perClass();

    private static final Duration SOON = Duration.ofSeconds(15);

    @Test
    void followsJoinsAndLeavesShowsDriftAppliesToTheFleetAndRollsBack() {
        try (FleetHarness fleet = new FleetHarness(ETCD, "console", "blue", "green");
             Client client = Etcd.connectChecked(fleet.address)) {
            FleetViewModel model = model(client, "console");
            long first = fleet.push(FleetHarness.TO_BLUE).revision();
            fleet.join("gw-1", "east");
            fleet.join("gw-2", "west");
            Eventually.await("both registered", SOON, () -> fleet.revision("gw-1") == first && fleet.revision("gw-2") == first);

            FleetViewModel.Refresh start = model.refresh();
            assertThat(start.joined()).extracting(GatewayStatus::id).containsExactly("gw-1", "gw-2");
            assertThat(start.rows()).noneMatch(FleetRow::drifting);

            PushResult applied = model.applyToFleet(fleet.config(FleetHarness.TO_GREEN));
            long second = ((PushResult.Written) applied).revision();
            fleet.kill("gw-2");
            Eventually.await("gw-1 applied", SOON, () -> fleet.revision("gw-1") == second);
            Eventually.await("gw-2's lease expired", SOON, () -> !fleet.status("gw-2").alive());
            FleetViewModel.Refresh afterDeath = model.refresh();
            assertThat(afterDeath.joined()).isEmpty();
            assertThat(afterDeath.left()).containsExactly("gw-2");
            assertThat(afterDeath.rows()).filteredOn(r -> r.gateway().id().equals("gw-2"))
                    .singleElement().satisfies(r -> assertThat(r.gateway().alive()).isFalse());

            assertThat(model.diffAgainstCurrent(first)).anyMatch(l -> l.startsWith("- ") && l.contains("blue\" }"))
                    .anyMatch(l -> l.startsWith("+ "));
            PushResult rolledBack = model.rollback(first);
            assertThat(model.history()).extracting(HistoryEntry::operator).containsExactly("alice", "dana", "dana");
            long third = ((PushResult.Written) rolledBack).revision();
            fleet.join("gw-3", "east");
            Eventually.await("gw-3 registered", SOON, () -> fleet.revision("gw-3") == third);
            Eventually.await("gw-1 applied the rollback", SOON, () -> fleet.revision("gw-1") == third);
            FleetViewModel.Refresh last = model.refresh();
            assertThat(last.joined()).extracting(GatewayStatus::id).containsExactly("gw-3");
            assertThat(last.rows()).noneMatch(FleetRow::drifting);
        }
    }

    @Test
    void applyToFleetPushesTheDraftGuardedByTheRevisionLastSeenAndAStalePushSaysWhatChangedSince() {
        try (FleetHarness fleet = new FleetHarness(ETCD, "draft", "blue", "green");
             Client client = Etcd.connectChecked(fleet.address)) {
            FleetViewModel model = model(client, "draft");
            assertThat(model.applyToFleet("{ \"gateway\": 3 }")).as("a draft with problems writes nothing")
                    .isInstanceOfSatisfying(PushResult.Invalid.class, i -> assertThat(i.problems()).isNotEmpty());
            assertThat(fleet.store.current()).isNull();
            PushResult.Written first = (PushResult.Written) model.applyToFleet(fleet.config(FleetHarness.TO_BLUE));
            model.refresh();
            assertThat(model.lastSeenRevision()).isEqualTo(first.revision());

            PushResult.Written theirs = fleet.push(FleetHarness.TO_GREEN);
            PushResult stale = model.applyToFleet(fleet.config(FleetHarness.TO_BLUE));
            assertThat(stale).isInstanceOfSatisfying(PushResult.Stale.class, s -> {
                assertThat(s.current().revision()).isEqualTo(theirs.revision());
                assertThat(s.since()).extracting(HistoryEntry::operator).containsExactly("alice");
            });
            String said = PushOutcome.describe(stale);
            assertThat(said.lines().findFirst().orElseThrow()).isEqualTo("refused: based on revision " + first.revision()
                    + " but the fleet is at revision " + theirs.revision() + " (1 change(s) since); refresh, merge and apply again");
            assertThat(said).contains("  " + theirs.revision() + "  ").contains("alice  push  " + theirs.hash())
                    .containsPattern("(?m)^- .*blue").containsPattern("(?m)^\\+ .*green");
            assertThat(fleet.store.current().revision()).as("nothing written").isEqualTo(theirs.revision());

            model.refresh();
            PushResult.Written mine = (PushResult.Written) model.applyToFleet(fleet.config(FleetHarness.TO_BLUE));
            assertThat(fleet.store.current().revision()).isEqualTo(mine.revision());
            assertThat(model.history()).extracting(HistoryEntry::operator).containsExactly("dana", "alice", "dana");
        }
    }

    @Test
    void showsEveryBackendsBreakerOnEveryGatewayFromTheirTelemetryWithDivergenceHighlighted() throws Exception {
        try (FleetHarness fleet = new FleetHarness(ETCD, "breakers", "blue", "green");
             Client client = Etcd.connectChecked(fleet.address)) {
            FleetViewModel model = model(client, "breakers");
            fleet.push(FleetHarness.TO_BLUE);
            List<EmbeddedGatewayFeed> feeds = new ArrayList<>();
            // the main window's path: feeds -> throttle -> each batch's frames to the fleet view
            try (CoalescingThrottle throttle = new CoalescingThrottle(Runnable::run, batch -> batch.frames().forEach(model::observe))) {
                throttle.start(Duration.ofMillis(50));
                for (String id : List.of("gw-1", "gw-2", "gw-3")) {
                    EmbeddedGatewayFeed feed = new EmbeddedGatewayFeed(id, fleet.join(id, null).gateway());
                    feed.start(throttle);
                    feeds.add(feed);
                }
                Eventually.await("all registered", SOON, () -> model.refresh().rows().stream().filter(r -> r.gateway().alive()).count() == 3);
                Eventually.await("every gateway's telemetry", SOON, () -> model.breakerStates().stream()
                        .anyMatch(r -> r.backend().equals("blue") && r.states().size() == 3));
                assertThat(model.breakerStates()).noneMatch(BreakerMatrix.Row::diverges);

                feeds.get(1).control().forceBreaker("blue", ForceAction.OPEN).get(5, TimeUnit.SECONDS);
                Eventually.await("gw-2's open breaker seen", SOON, () -> blue(model).diverges());
                BreakerMatrix.Row blue = blue(model);
                assertThat(blue.states()).containsExactly(Map.entry("gw-1", BreakerState.CLOSED),
                        Map.entry("gw-2", BreakerState.FORCED_OPEN), Map.entry("gw-3", BreakerState.CLOSED));
                assertThat(blue.openOn()).containsExactly("gw-2");
                assertThat(model.breakerStates()).filteredOn(r -> r.backend().equals("green")).singleElement()
                        .satisfies(r -> assertThat(r.diverges()).isFalse());

                fleet.kill("gw-3");
                Eventually.await("gw-3 gone from the matrix", SOON, () -> {
                    model.refresh();
                    return !blue(model).states().containsKey("gw-3");
                });
                feeds.get(1).control().forceBreaker("blue", ForceAction.RESET).get(5, TimeUnit.SECONDS);
                Eventually.await("agreement again", SOON, () -> !blue(model).diverges() && blue(model).openOn().isEmpty());
            } finally {
                feeds.forEach(EmbeddedGatewayFeed::close);
            }
        }
    }

    private static BreakerMatrix.Row blue(FleetViewModel model) {
        return model.breakerStates().stream().filter(r -> r.backend().equals("blue")).findFirst().orElseThrow();
    }

    @Test
    void theFollowerReportsGatewaysThatJoinAndThatDie() {
        try (FleetHarness fleet = new FleetHarness(ETCD, "follow", "blue", "green");
             Client client = Etcd.connectChecked(fleet.address)) {
            FleetViewModel model = model(client, "follow");
            fleet.push(FleetHarness.TO_BLUE);
            fleet.join("gw-1", null);
            Eventually.await("gw-1 registered", SOON, () -> fleet.status("gw-1") != null);
            model.refresh();
            List<String> joined = new CopyOnWriteArrayList<>();
            List<String> left = new CopyOnWriteArrayList<>();
            try (FleetFollower follower = new FleetFollower(model, g -> joined.add(g.id()), left::add)) {
                fleet.join("gw-2", null);
                Eventually.await("gw-2's join seen", SOON, () -> joined.contains("gw-2"));
                fleet.kill("gw-1");
                Eventually.await("gw-1's death seen", SOON, () -> left.contains("gw-1"));
                assertThat(joined).containsExactly("gw-2");
                assertThat(left).containsExactly("gw-1");
            }
        }
    }

    /** The view model of operator "dana" on {@code fleet}. */
    private static FleetViewModel model(Client client, String fleet) {
        FleetKeys keys = new FleetKeys(fleet);
        return new FleetViewModel(new FleetStore(client, keys, Clock.systemUTC()), new FleetRoster(client, keys), "dana");
    }

    @Test
    void aRegisteredAdminUrlBecomesItsTelemetryStream() {
        assertThat(FleetFeeds.telemetryUri("http://127.0.0.1:9091")).isEqualTo(URI.create("ws://127.0.0.1:9091/telemetry"));
        assertThat(FleetFeeds.telemetryUri("https://gw.example:9443")).isEqualTo(URI.create("wss://gw.example:9443/telemetry"));
    }
}
