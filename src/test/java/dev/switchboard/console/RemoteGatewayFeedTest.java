package dev.switchboard.console;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.RoutingMethod;
import dev.switchboard.console.feed.EndpointFrame;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.feed.ProfileFrame;
import dev.switchboard.dns.MonitorStatus;
import dev.switchboard.telemetry.client.ConnectionState;
import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.StaleVersionException;
import dev.switchboard.console.remote.RemoteGatewayFeed;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The telemetry-backed feed against a real headless gateway over loopback. */
class RemoteGatewayFeedTest {

    @Test
    void framesCarryTheRemoteStateAndStatsAndCommandsApplyWithStaleConfigsRefused(@TempDir Path dir) throws Exception {
        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir);
             RemoteGatewayFeed feed = new RemoteGatewayFeed("r", remote.telemetry(), RemoteGatewayHarness.TOKEN)) {
            RecordingFeedListener recorded = new RecordingFeedListener();
            AtomicReference<GatewayFrame> latest = recorded.latest;
            List<ConsoleEvent> events = recorded.events;
            feed.start(recorded);
            waitFor(() -> latest.get() != null && latest.get().connection() == ConnectionState.LIVE
                    && latest.get().stats().containsKey("red"));
            GatewayFrame f = latest.get();
            assertThat(f.configId()).isEqualTo("remote-shop");
            assertThat(f.pools()).singleElement().satisfies(p -> assertThat(p.members()).hasSize(2));
            assertThat(f.version()).isEqualTo(remote.gateway.engine().version());

            feed.control().setWeight("shop", "red", 10).get(5, TimeUnit.SECONDS);
            assertThat(remote.gateway.engine().snapshot().pools().getFirst().members().getFirst().weight()).isEqualTo(10);

            GatewayControl.VersionedConfig vc = feed.control().config().get(5, TimeUnit.SECONDS);
            assertThat(vc.version()).isEqualTo(remote.gateway.engine().version());
            GatewayConfig config = vc.config();
            assertThatThrownBy(() -> feed.control().applyConfig(config, vc.version() - 1).join())
                    .isInstanceOf(CompletionException.class).hasCauseInstanceOf(StaleVersionException.class);
        }
    }

    @Test
    void trafficProfilesArriveInFramesAndDnsActionsAnswerWithTheNewAnswerAndAreLogged(@TempDir Path dir) throws Exception {
        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir);
             RemoteGatewayFeed feed = new RemoteGatewayFeed("r", remote.telemetry(), RemoteGatewayHarness.TOKEN)) {
            RecordingFeedListener recorded = new RecordingFeedListener();
            AtomicReference<GatewayFrame> latest = recorded.latest;
            List<ConsoleEvent> events = recorded.events;
            feed.start(recorded);
            waitFor(() -> latest.get() != null && !latest.get().profiles().isEmpty());
            ProfileFrame profile = latest.get().profiles().getFirst();
            assertThat(profile.name()).isEqualTo(RemoteGatewayHarness.PROFILE);
            assertThat(profile.routing()).isEqualTo(RoutingMethod.PRIORITY);
            assertThat(profile.ttl()).isEqualTo(60);
            assertThat(profile.monitor()).isNull();
            assertThat(profile.answer()).containsExactly(RemoteGatewayHarness.RED_TARGET);
            assertThat(profile.endpoints()).extracting(EndpointFrame::name, EndpointFrame::status, EndpointFrame::inAnswer)
                    .containsExactly(tuple("red", MonitorStatus.ONLINE, true), tuple("blue", MonitorStatus.ONLINE, false));

            assertThat(feed.control().failOverTo(RemoteGatewayHarness.PROFILE, "blue").get(5, TimeUnit.SECONDS))
                    .containsExactly(RemoteGatewayHarness.BLUE_TARGET);
            waitFor(() -> "blue".equals(latest.get().profiles().getFirst().failedOverTo()));
            assertThat(latest.get().profiles().getFirst().endpoints().get(1).effectivePriority()).isZero();
            waitFor(() -> events.stream().anyMatch(e -> e.kind() == EventKind.DNS_ANSWER)
                    && events.stream().anyMatch(e -> e.kind() == EventKind.OPERATOR));
            assertThat(events).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo(EventKind.DNS_ANSWER);
                assertThat(e.backendId()).isEqualTo(RemoteGatewayHarness.PROFILE);
                assertThat(e.message()).isEqualTo("answer [127.0.0.41]; resolvers may keep the old one for 60 s");
            });
            assertThat(events).anySatisfy(e -> assertThat(e.message()).startsWith(
                    "tester: dns.failOverTo api.shop.test/blue answer [127.0.0.31] -> answer [127.0.0.41], failed over to blue"));

            assertThat(feed.control().disableEndpoint(RemoteGatewayHarness.PROFILE, "blue").get(5, TimeUnit.SECONDS))
                    .containsExactly(RemoteGatewayHarness.RED_TARGET);
            waitFor(() -> events.stream().anyMatch(e -> e.kind() == EventKind.DNS_MONITOR));
            assertThat(events).anySatisfy(e -> {
                assertThat(e.backendId()).isEqualTo("api.shop.test/blue");
                assertThat(e.message()).isEqualTo("monitor ONLINE -> DISABLED: disabled by an operator");
            });
            assertThatThrownBy(() -> feed.control().failOverTo("api.shop.test", "green").join())
                    .hasMessageContaining("has no endpoint \"green\"");
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(50);
        }
    }
}
