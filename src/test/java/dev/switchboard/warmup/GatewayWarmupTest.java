package dev.switchboard.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.GatewaySettings;
import dev.switchboard.config.WarmupConfig;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.sim.SimBackend;
import dev.switchboard.telemetry.server.AdminServer;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up over real loopback sockets, run while a real gateway with an admin listener is up in the same process:
 * it answers its requests through its own throwaway gateway, and the real one's backend, stats, metrics and audit
 * log see none of them; the real gateway serves normally afterwards.
 */
class GatewayWarmupTest {

    private static final String VIEWER = "victor-viewer-token-1";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void warmsUpWithoutATraceInTheRealGatewayWhichServesAfterIt() throws Exception {
        try (SimBackend orders = new SimBackend("orders")) {
            orders.start(new InetSocketAddress("127.0.0.1", 0));
            Path file = dir.resolve("gateway.json");
            Files.writeString(file, """
                    { "gateway": { "id": "real", "eventLoops": 1, "warmup": { "requests": 600, "maxMs": 30000 } },
                      "backends": { "orders": { "url": "http://127.0.0.1:%d" } },
                      "apis": [ { "name": "orders", "path": "/", "backendId": "orders" } ],
                      "admin": { "listen": "127.0.0.1:0", "tokens": [ { "name": "victor", "token": "%s", "role": "viewer" } ] } }
                    """.formatted(orders.port(), VIEWER));
            GatewayConfig config = ConfigLoader.load(file).orThrow();
            Gateway gateway = Gateway.start(config, new InetSocketAddress("127.0.0.1", 0));
            AdminServer admin = AdminServer.start(gateway, config.admin(), file);
            try {
                String metricsBefore = requestLines(metrics(admin));
                List<String> filesBefore = files();

                WarmupReport report = GatewayWarmup.run(config.gateway());

                assertThat(report.answered()).isEqualTo(600);
                assertThat(report.failed()).isZero();
                assertThat(report.describe()).matches("warm-up: 600 requests in \\d+\\.\\d s");
                assertThat(orders.counters().requests()).isZero();
                assertThat(gateway.stats().backends()).allSatisfy(b -> assertThat(b.apiTotals().values())
                        .allSatisfy(t -> assertThat(t.requests()).isZero()));
                assertThat(requestLines(metrics(admin))).isEqualTo(metricsBefore).doesNotContain("warmup");
                assertThat(files()).isEqualTo(filesBefore);

                HttpResponse<String> served = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/x"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(served.statusCode()).isEqualTo(200);
                assertThat(orders.counters().requests()).isEqualTo(1);
                assertThat(requestLines(metrics(admin))).contains("switchboard_backend_requests_total{").doesNotContain("warmup");
            } finally {
                admin.close();
                gateway.close(Duration.ZERO);
            }
        }
    }

    /** The start's live set is promoted before the real port opens, not copied by the first collections under load. */
    @Test
    void endsWithAFullCollection() throws Exception {
        CountDownLatch explicit = new CountDownLatch(1);
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())
                    && "System.gc()".equals(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcCause())) {
                explicit.countDown();
            }
        };
        List<NotificationEmitter> emitters = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(NotificationEmitter.class::cast).toList();
        emitters.forEach(e -> e.addNotificationListener(listener, null, null));
        try {
            GatewayWarmup.run(GatewaySettings.DEFAULTS.withEventLoops(1).withWarmup(new WarmupConfig(200, 30_000)));
            // The JVM delivers the notification from its own thread after the collection.
            assertThat(explicit.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            for (NotificationEmitter e : emitters) {
                e.removeNotificationListener(listener);
            }
        }
    }

    @Test
    void offDoesNothing() {
        GatewaySettings off = GatewaySettings.DEFAULTS.withWarmup(new WarmupConfig(0, 1000));
        assertThat(GatewayWarmup.run(off)).isEqualTo(new WarmupReport(0, 0, Duration.ZERO));
    }

    @Test
    void returnsWithinItsBoundPlusTheSetupGraceEvenWhenTheCountWouldTakeLonger() {
        WarmupReport report = GatewayWarmup.run(GatewaySettings.DEFAULTS.withEventLoops(1).withWarmup(new WarmupConfig(WarmupConfig.MAX_REQUESTS, 2000)));
        assertThat(report.answered()).isLessThan(WarmupConfig.MAX_REQUESTS);
        // maxMs plus the ten seconds allowed to start and close the throwaway gateway, plus slack for a loaded machine.
        assertThat(report.elapsed()).isLessThan(Duration.ofMillis(2000 + 10_000 + 2000));
    }

    private String metrics(AdminServer admin) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + "/metrics"))
                .header("Authorization", "Bearer " + VIEWER).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** The request and response counters of the scrape (gauges such as uptime change by themselves). */
    private static String requestLines(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("switchboard_backend_") || l.contains("warmup"))
                .filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName() + ":" + p.toFile().length()).sorted().toList();
        }
    }
}
