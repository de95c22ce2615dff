package dev.switchboard.console;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.feed.FeedListener;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.demo.DemoOnFreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
            AtomicReference<GatewayFrame> latest = new AtomicReference<>();
            List<ConsoleEvent> events = new CopyOnWriteArrayList<>();
            session.feeds().getFirst().start(new FeedListener() {
                @Override
                public void frame(GatewayFrame frame) {
                    latest.set(frame);
                }

                @Override
                public void event(ConsoleEvent event) {
                    events.add(event);
                }
            });
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
}
