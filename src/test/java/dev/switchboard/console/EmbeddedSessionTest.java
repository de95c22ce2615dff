package dev.switchboard.console;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.feed.FeedListener;
import dev.switchboard.console.feed.EndpointFrame;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.MonitorFrame;
import dev.switchboard.console.feed.ProfileFrame;
import dev.switchboard.demo.DemoOnFreePorts;
import dev.switchboard.testing.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** `console --config FILE`: a gateway on that config in this process, quiet until the rate is raised. */
class EmbeddedSessionTest {

    @Test
    void theFeedReportsTheGatewaysOwnStatsSoRequestsFromAnyClientShow() throws Exception {
        int sent = 40;
        try (ConsoleSession session = ConsoleSession.demo(0);
             HttpClient curl = HttpClient.newHttpClient()) {
            // Requests per stats interval, summed once per interval (frames repeat the latest interval).
            Map<Long, Long> catalogRequests = new ConcurrentHashMap<>();
            CompletableFuture<Long> allCounted = new CompletableFuture<>();
            session.feeds().getFirst().start(new FeedListener() {
                @Override
                public void frame(GatewayFrame frame) {
                    catalogRequests.put(frame.statsSequence(), frame.stats().entrySet().stream()
                            .filter(e -> e.getKey().startsWith("catalog-")).mapToLong(e -> e.getValue().requests()).sum());
                    long total = catalogRequests.values().stream().mapToLong(Long::longValue).sum();
                    if (total >= sent) {
                        allCounted.complete(total);
                    }
                }

                @Override
                public void event(ConsoleEvent event) {
                }
            });
            URI catalog = URI.create("http://127.0.0.1:" + session.embeddedGateway().port() + "/catalog");
            for (int i = 0; i < sent; i++) {
                assertThat(curl.send(HttpRequest.newBuilder(catalog).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode()).isEqualTo(200);
            }

            assertThat(allCounted.get(10, TimeUnit.SECONDS)).isEqualTo(sent);
        }
    }

    @Test
    void aGivenConfigRunsEmbeddedAndItsFeedReportsStateAndOperatorChanges() throws Exception {
        GatewayConfig config = DemoOnFreePorts.config();
        try (ConsoleSession session = ConsoleSession.embedded(config)) {
            assertThat(session.traffic()).hasValueSatisfying(t -> assertThat(t.rate()).isZero());
            assertThat(session.simulators()).isEmpty();
            RecordingFeedListener recorded = new RecordingFeedListener();
            AtomicReference<GatewayFrame> latest = recorded.latest;
            List<ConsoleEvent> events = recorded.events;
            session.feeds().getFirst().start(recorded);
            session.feeds().getFirst().control().setWeight("orders", "orders-west-1", 7).get(5, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while ((latest.get() == null || latest.get().version() < 2) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(latest.get().configId()).isEqualTo("demo");
            assertThat(latest.get().pools()).extracting(p -> p.id()).containsExactly("orders", "catalog");
            assertThat(latest.get().pools().getFirst().members().get(2).weight()).isEqualTo(7);
            assertThat(events).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo(EventKind.OPERATOR);
                assertThat(e.message()).contains("orders-west-1").contains("7");
            });
        }
    }

    @Test
    void theFeedCarriesTrafficProfilesAndReportsDnsActionsAndEventsWordedAsTelemetryHasThem() throws Exception {
        try (ConsoleSession session = ConsoleSession.embedded(DemoOnFreePorts.config())) {
            RecordingFeedListener recorded = new RecordingFeedListener();
            AtomicReference<GatewayFrame> latest = recorded.latest;
            List<ConsoleEvent> events = recorded.events;
            session.feeds().getFirst().start(recorded);
            GatewayControl control = session.feeds().getFirst().control();

            assertThat(control.failOverTo("api.orders.test", "west").get(5, TimeUnit.SECONDS)).containsExactly("127.0.0.21");
            Eventually.await("a frame failed over to west", Duration.ofSeconds(5),
                    () -> latest.get() != null && "west".equals(latest.get().profiles().getFirst().failedOverTo()));
            ProfileFrame profile = latest.get().profiles().getFirst();
            assertThat(profile.answer()).containsExactly("127.0.0.21");
            assertThat(profile.ttl()).isEqualTo(30);
            assertThat(profile.monitor()).isEqualTo(new MonitorFrame("HTTP", 18101, "/health", Duration.ofSeconds(5),
                    Duration.ofSeconds(1), 1));
            assertThat(profile.endpoints()).extracting(EndpointFrame::name, EndpointFrame::effectivePriority, EndpointFrame::inAnswer)
                    .containsExactly(tuple("east", 1, false), tuple("west", 0, true));
            assertThat(events).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo(EventKind.DNS_ANSWER);
                assertThat(e.message()).isEqualTo("answer [127.0.0.21]; resolvers may keep the old one for 30 s");
            });
            assertThat(events).anySatisfy(e -> assertThat(e.message()).startsWith(
                    "console: dns.failOverTo api.orders.test/west answer [127.0.0.11] -> answer [127.0.0.21], failed over to west"));

            control.disableEndpoint("api.orders.test", "east").get(5, TimeUnit.SECONDS);
            assertThat(events).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo(EventKind.DNS_MONITOR);
                assertThat(e.backendId()).isEqualTo("api.orders.test/east");
                assertThat(e.message()).endsWith("-> DISABLED: disabled by an operator");
            });
            assertThatThrownBy(() -> control.failOverTo("api.order.test", "west").join())
                    .hasMessageContaining("unknown traffic profile \"api.order.test\"; profiles: api.orders.test");
        }
    }
}
