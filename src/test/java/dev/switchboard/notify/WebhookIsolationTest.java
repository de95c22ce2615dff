package dev.switchboard.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.engine.breaker.ForceAction;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.sim.SimBackend;
import dev.switchboard.testing.Eventually;
import dev.switchboard.testing.WebhookReceiver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Webhook targets that are down, slow (10 s) or answering 500 do not change the gateway's request latency: the same
 * requests, with the same stream of breaker events, are timed without targets and with all three.
 */
class WebhookIsolationTest {

    private static final int REQUESTS = 200;

    @Test
    void badTargetsDoNotSlowRequests() throws Exception {
        SimBackend app = new SimBackend("app");
        app.start(new InetSocketAddress("127.0.0.1", 0));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ScheduledExecutorService flapper = Executors.newSingleThreadScheduledExecutor();
        try (WebhookReceiver slow = WebhookReceiver.slow(10_000); WebhookReceiver failing = WebhookReceiver.answering(500)) {
            String down = "http://127.0.0.1:" + closedPort() + "/hook";
            GatewayConfig plain = config(app.port(), "");
            GatewayConfig withTargets = config(app.port(), """
                    , "notifications": { "webhooks": [
                        { "name": "down", "url": "%s", "timeout": "PT1S", "retries": 2, "backoff": "PT0.1S", "queueSize": 20 },
                        { "name": "slow", "url": "%s", "timeout": "PT1S", "retries": 2, "backoff": "PT0.1S", "queueSize": 20 },
                        { "name": "failing", "url": "%s", "timeout": "PT1S", "retries": 2, "backoff": "PT0.1S", "queueSize": 20 } ] }
                    """.formatted(down, slow.url(), failing.url()));
            Gateway gateway = Gateway.start(plain, new InetSocketAddress("127.0.0.1", 0));
            try {
                // A breaker flapping every 10 ms on a backend no route uses: a steady stream of events to notify.
                AtomicBoolean open = new AtomicBoolean();
                flapper.scheduleAtFixedRate(() -> gateway.engine().forceBreaker("spare",
                        open.getAndSet(!open.get()) ? ForceAction.RESET : ForceAction.OPEN), 0, 10, TimeUnit.MILLISECONDS);
                URI uri = URI.create("http://127.0.0.1:" + gateway.port() + "/t");
                time(client, uri); // warm-up
                List<Double> without = time(client, uri);
                gateway.applyConfig(withTargets);
                Eventually.await("every target tried", Duration.ofSeconds(10), () -> !slow.received.isEmpty() && !failing.received.isEmpty()
                        && gateway.notifications().stats().stream().anyMatch(s -> s.queueFull() > 0));
                List<Double> with = time(client, uri);

                double medianWithout = at(without, 0.5);
                double medianWith = at(with, 0.5);
                double p90Without = at(without, 0.9);
                double p90With = at(with, 0.9);
                System.out.printf("request latency without targets: p50 %.2f ms, p90 %.2f ms; with down/slow/500 targets: p50 %.2f ms, p90 %.2f ms%n",
                        medianWithout, p90Without, medianWith, p90With);
                assertThat(medianWith).as("median with bad targets vs without (%.2f ms)", medianWithout).isLessThan(medianWithout * 2 + 2);
                assertThat(p90With).as("p90 with bad targets vs without (%.2f ms)", p90Without).isLessThan(p90Without * 3 + 10);
                assertThat(gateway.notifications().stats()).allSatisfy(s -> assertThat(s.delivered()).isZero());
            } finally {
                flapper.shutdownNow();
                gateway.close(Duration.ofSeconds(1));
            }
        } finally {
            client.close();
            app.close();
        }
    }

    private static GatewayConfig config(int appPort, String notifications) {
        return ConfigLoader.parse("""
                { "gateway": { "id": "isolation" },
                  "backends": { "app": { "url": "http://127.0.0.1:%d" }, "spare": { "url": "http://127.0.0.1:%d" } },
                  "apis": [ { "name": "app", "backendId": "app" } ] %s }
                """.formatted(appPort, appPort, notifications)).orThrow();
    }

    /** Milliseconds of {@link #REQUESTS} sequential GETs, sorted. */
    private static List<Double> time(HttpClient client, URI uri) throws IOException, InterruptedException {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
            millis.add((System.nanoTime() - start) / 1e6);
            assertThat(r.statusCode()).isEqualTo(200);
        }
        Collections.sort(millis);
        return millis;
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get((int) (quantile * (sorted.size() - 1)));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
