package dev.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.HostPort;
import dev.switchboard.dns.MonitorStatus;
import dev.switchboard.engine.EngineSnapshot.BackendView;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.testing.Eventually;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The demo over real sockets: simulators, gateway and generated traffic all talk to each other. */
class DemoEnvironmentTest {

    private static DemoEnvironment demo;

    @BeforeAll
    static void start() {
        demo = DemoEnvironment.start(150, new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void trafficFlowsThroughTheGatewayToBothPools() {
        Map<String, Long> seen = new HashMap<>();
        Eventually.await("answers from east and catalog backends", Duration.ofSeconds(10), () -> {
            demo.traffic().counters().drain().byBackend().forEach((b, n) -> seen.merge(b, n, Long::sum));
            return seen.getOrDefault("orders-east-1", 0L) > 5 && seen.getOrDefault("orders-east-2", 0L) > 5
                    && seen.getOrDefault("catalog-1", 0L) > 5 && seen.getOrDefault("catalog-2", 0L) > 5;
        });
        assertThat(seen).as("west is priority 2: idle while east is up").doesNotContainKeys("orders-west-1", "orders-west-2");
    }

    @Test
    void theDnsProfileAnswersEastWhileItsMonitorPasses() throws Exception {
        assertThat(demo.backends().keySet()).startsWith("orders-east-1", "orders-east-2", "orders-west-1");
        SimpleResolver resolver = new SimpleResolver(demo.gateway().dnsAddress());
        Message answer = resolver.send(Message.newQuery(Record.newRecord(
                Name.fromString("api.orders.test."), Type.A, DClass.IN)));
        assertThat(answer.getSection(Section.ANSWER)).singleElement()
                .extracting(Record::rdataToString).isEqualTo("127.0.0.11");
        Eventually.await("east monitored online", Duration.ofSeconds(10), () -> demo.gateway().trafficProfiles()
                .snapshot("api.orders.test").endpoint("east").status() == MonitorStatus.ONLINE);
    }

    @Test
    void aFailingSimulatorTripsItsBreakerInTheGateway() throws Exception {
        demo.backends().get("orders-east-2").updateBehavior(b -> b.withStatus(503));
        try {
            Eventually.await("orders-east-2's breaker opens", Duration.ofSeconds(10),
                    () -> breaker("orders-east-2") == BreakerState.OPEN);
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.gateway().port() + "/orders")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Switchboard-Backend")).hasValue("orders-east-1");
        } finally {
            demo.backends().get("orders-east-2").reset();
            demo.gateway().engine().forceBreaker("orders-east-2", dev.switchboard.engine.breaker.ForceAction.RESET);
        }
    }

    private static BreakerState breaker(String backendId) {
        return demo.gateway().engine().snapshot().backends().stream()
                .filter(b -> b.id().equals(backendId)).findFirst().map(BackendView::breaker).orElseThrow();
    }

    @Test
    void takesAFreePortWhenTheConfiguredOneIsInUse() throws Exception {
        InetSocketAddress configured = HostPort.parse(DemoConfig.load().gateway().listen()).socketAddress();
        ServerSocket holder = new ServerSocket();
        try (holder) {
            try {
                holder.bind(configured);
            } catch (BindException alreadyTaken) {
                // Someone else holds it: the demo must fall back all the same.
            }
            try (DemoEnvironment second = DemoEnvironment.start(0)) {
                assertThat(second.gateway().port()).isNotEqualTo(configured.getPort());
            }
        }
    }
}
