package dev.switchboard.console.shell;

import dev.switchboard.console.common.FakeGateway;
import dev.switchboard.console.common.UndoStack;
import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.feed.FrameBatch;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.OverrideFrame;
import dev.switchboard.console.gateways.GatewayRemoval;
import dev.switchboard.console.gateways.GatewayRow;
import dev.switchboard.console.pools.MemberRow;
import dev.switchboard.console.pools.PoolModel;
import dev.switchboard.console.pools.ShareRow;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.switchboard.console.common.Frames.frame;
import static dev.switchboard.console.common.Frames.member;
import static dev.switchboard.console.common.Frames.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The root view model fed by hand, with a recording control: no toolkit, no gateway. */
class ConsoleModelTest {

    private final List<String> commands = new ArrayList<>();
    private boolean refuse;
    // The console's clock is where these frames' times are, so no gateway here counts as silent (StalenessModelTest).
    private final ConsoleModel model = new ConsoleModel(
            List.of(new FakeGateway("gw1", commands, () -> refuse), new FakeGateway("gw2", commands, () -> refuse)), Runnable::run,
            Clock.fixed(Instant.ofEpochMilli(2_000), ZoneOffset.UTC));

    @Test
    void undoOfAChangeToAConfigValueClearsTheOverrideItCreated() {
        model.apply(batch(frame("gw1", "h", 1000, 1, twoMembers(50), Map.of())));
        MemberRow a = model.pools().pools().getFirst().rows().getFirst();
        model.pools().setWeight(a, 10);

        model.pools().undo();

        // Setting 50 again would pin an override equal to the config's value that shadows every later config change.
        assertThat(commands).containsExactly("weight p/a 10", "clear weight p/a");
    }

    @Test
    void aWeightChangeIsSentThenUndoSendsTheOldOverriddenWeightBack() {
        model.apply(batch(overridden(frame("gw1", "h", 1000, 1, twoMembers(50), Map.of()))));
        MemberRow a = model.pools().pools().getFirst().rows().getFirst();

        model.pools().setWeight(a, 10);
        assertThat(commands).containsExactly("weight p/a 10");
        assertThat(model.pools().undoStack().entries()).hasSize(1);
        // A frame sampled before the change must not move the row back.
        model.apply(batch(frame("gw1", "h", 1250, 1, twoMembers(50), Map.of())));
        assertThat(a.weightProperty().get()).isEqualTo(50);
        model.apply(batch(frame("gw1", "h", 1500, 1, twoMembers(10), Map.of())));
        assertThat(a.weightProperty().get()).isEqualTo(10);
        assertThat(a.targetShareProperty().get()).isCloseTo(10 / 60.0, within(1e-9));

        model.pools().undo();
        assertThat(commands).containsExactly("weight p/a 10", "weight p/a 50");
        assertThat(model.pools().undoStack().entries()).isEmpty();
    }

    @Test
    void aRefusedCommandIsLoggedAndNotUndoable() {
        model.apply(batch(frame("gw1", "h", 1000, 1, twoMembers(50), Map.of())));
        refuse = true;
        model.pools().setAdminState(model.pools().pools().getFirst().rows().getFirst(), AdminState.DRAIN);
        assertThat(model.pools().undoStack().entries()).isEmpty();
        assertThat(model.events().shown()).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("refused: admin state of a").contains("no!"));
    }

    @Test
    void previewShowsTheSplitAWeightWouldGive() {
        model.apply(batch(frame("gw1", "h", 1000, 1, twoMembers(50), Map.of())));
        PoolModel pool = model.pools().pools().getFirst();
        pool.preview("a", 150);
        assertThat(pool.rows().get(0).previewShareProperty().get()).isCloseTo(0.75, within(1e-9));
        assertThat(pool.rows().get(1).previewShareProperty().get()).isCloseTo(0.25, within(1e-9));
        pool.clearPreview();
        assertThat(pool.rows().get(0).previewShareProperty().get()).isNaN();
    }

    @Test
    void actualShareComesFromTheLastIntervalsOfRequests() {
        model.apply(batch(frame("gw1", "h", 1000, 1, twoMembers(50), Map.of("a", requests(30), "b", requests(10)))));
        model.apply(batch(frame("gw1", "h", 2000, 2, twoMembers(50), Map.of("a", requests(10), "b", requests(30)))));
        assertThat(model.distribution().rows()).extracting(ShareRow::actual).containsExactly(0.5, 0.5);
        assertThat(model.history().stats().get("a").rate().size()).isEqualTo(2);
        assertThat(model.intervalsProperty().get()).isEqualTo(2);
    }

    @Test
    void gatewaysOfOneConfigWithDifferentHashesAreFlaggedAsDrift() {
        model.apply(batch(frame("gw1", "h1", 1000, 1, twoMembers(50), Map.of()),
                frame("gw2", "h1", 1000, 1, twoMembers(50), Map.of())));
        assertThat(model.gateways().rows()).noneMatch(r -> r.driftProperty().get());
        model.apply(batch(frame("gw2", "h2", 1250, 1, twoMembers(50), Map.of())));
        assertThat(model.gateways().rows()).allMatch(r -> r.driftProperty().get());
        assertThat(model.connectionSummary()).isEqualTo("gw1 LIVE (test) DRIFT \u00b7 gw2 LIVE (test) DRIFT");
    }

    @Test
    void aPriorityGroupChangeIsLoggedAsAFailoverAndRaisedAsAnAlert() {
        List<ConsoleEvent> alerts = new ArrayList<>();
        model.setAlerts(alerts::add);
        model.apply(batch(frame("gw1", "h", 1000, 1, twoMembers(50), Map.of())));
        model.apply(batch(frame("gw1", "h", 1250, 1, List.of(member("a", 50, 1, Availability.UNAVAILABLE_BREAKER),
                member("b", 50, 2, Availability.AVAILABLE)), Map.of())));
        assertThat(alerts).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.FAILOVER);
            assertThat(e.message()).isEqualTo("pool p: traffic moved from priority 1 to priority 2");
        });
    }

    @Test
    void aRemovedGatewayLeavesTheWindowAtOnceIsForgottenOnTheWorkerAndItsLateFramesAreIgnored() {
        List<String> forgotten = new ArrayList<>();
        List<Runnable> worker = new ArrayList<>();
        GatewayRemoval removal = new GatewayRemoval(model, id -> !id.equals("gw1"), forgotten::add, worker::add);
        model.apply(batch(frame("gw1", "h", 1000, 1, twoMembers(50), Map.of()),
                frame("gw2", "h", 1000, 1, twoMembers(50), Map.of())));
        model.selectedGatewayProperty().set("gw2");
        assertThat(removal.canRemove("gw1")).isFalse();
        assertThat(removal.canRemove("gw2")).isTrue();

        var done = removal.remove("gw2");

        assertThat(model.gateways().rows()).extracting(GatewayRow::id).containsExactly("gw1");
        assertThat(model.selectedGatewayProperty().get()).isEqualTo("gw1");
        assertThat(model.control("gw2")).isNull();
        assertThat(forgotten).as("disconnecting waits for the worker").isEmpty();
        worker.forEach(Runnable::run);
        assertThat(forgotten).containsExactly("gw2");
        assertThat(done).isCompleted();
        // A frame the throttle still held for the removed gateway does not bring it back.
        model.apply(batch(frame("gw2", "h", 1250, 2, twoMembers(50), Map.of())));
        assertThat(model.gateways().rows()).extracting(GatewayRow::id).containsExactly("gw1");
    }

    @Test
    void removingAGatewayDropsItsChangesFromTheUndoStackAndKeepsTheOthers() {
        model.apply(batch(frame("gw1", "h", 1000, 1, twoMembers(50), Map.of())));
        model.pools().setWeight(model.pools().pools().getFirst().rows().getFirst(), 10);
        model.selectedGatewayProperty().set("gw2");
        model.apply(batch(frame("gw2", "h", 1000, 1, twoMembers(50), Map.of())));
        model.pools().setWeight(model.pools().pools().getFirst().rows().getFirst(), 20);

        model.removeGateway("gw2");

        assertThat(model.pools().undoStack().entries()).extracting(UndoStack.Entry::gatewayId).containsExactly("gw1");
    }

    @Test
    void theEmbeddedGatewayIsNotRemovedAndAFailedForgetIsReported() {
        GatewayRemoval removal = new GatewayRemoval(model, id -> !id.equals("gw1"), id -> {
            throw new java.io.IOException("disk full");
        }, Runnable::run);

        assertThat(removal.remove("gw1")).isCompletedExceptionally();
        assertThat(model.gateways().rows()).extracting(GatewayRow::id).containsExactly("gw1", "gw2");
        assertThat(removal.remove("gw2")).failsWithin(java.time.Duration.ZERO)
                .withThrowableThat().withMessageContaining("'gw2' is disconnected but could not be forgotten: disk full");
        assertThat(model.gateways().rows()).extracting(GatewayRow::id).containsExactly("gw1");
    }

    @Test
    void everyGatewayIsListedBeforeItsFirstFrameAndRemovingTheLastOneClearsThePools() {
        assertThat(model.gateways().rows()).extracting(GatewayRow::id).containsExactly("gw1", "gw2");
        assertThat(model.gateways().rows().getFirst().hashProperty().get()).isEmpty();
        model.apply(batch(frame("gw1", "h", 1000, 1, twoMembers(50), Map.of())));
        assertThat(model.pools().pools()).hasSize(1);

        model.removeGateway("gw1");
        model.removeGateway("gw2");

        assertThat(model.selectedGatewayProperty().get()).isNull();
        assertThat(model.pools().pools()).isEmpty();
        assertThat(model.connectionSummary()).startsWith("no gateway yet");
    }

    private static List<dev.switchboard.console.feed.MemberFrame> twoMembers(int weightOfA) {
        return List.of(member("a", weightOfA, 1, Availability.AVAILABLE), member("b", 50, 1, Availability.AVAILABLE));
    }

    /** The frame with a weight override of p/a at its shown weight (config 20). */
    private static GatewayFrame overridden(GatewayFrame f) {
        String weight = Integer.toString(f.pools().getFirst().members().getFirst().weight());
        return new GatewayFrame(f.gatewayId(), f.configId(), f.connection(), f.connectionReason(), f.version(), f.hash(),
                f.at(), f.backends(), f.pools(), f.statsSequence(), f.stats(), f.profiles(),
                List.of(new OverrideFrame(OverrideFrame.WEIGHT, "p", "a", weight, "20", "alice", null)));
    }

    private static FrameBatch batch(dev.switchboard.console.feed.GatewayFrame... frames) {
        return new FrameBatch(List.of(frames), List.of());
    }
}
