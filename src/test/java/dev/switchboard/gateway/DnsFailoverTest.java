package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.dns.MonitorStatus;
import dev.switchboard.sim.SimBackend;
import dev.switchboard.testing.Eventually;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A gateway with a dns section: real HTTP and TCP monitor probes against simulated backends on two loopback
 * addresses drive what its responder answers.
 */
class DnsFailoverTest {

    private final SimBackend east = new SimBackend("east");
    private final SimBackend west = new SimBackend("west");
    private Gateway gateway;

    @BeforeEach
    void start() {
        east.start(new InetSocketAddress("127.0.0.11", 0));
        west.start(new InetSocketAddress("127.0.0.21", east.port()));
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close(Duration.ZERO);
        }
        east.close();
        west.close();
    }

    private GatewayConfig config(String ttl, int closedPort) {
        return ConfigLoader.parse("""
                {
                  "gateway": { "listen": "127.0.0.1:0" },
                  "backends": { "app": { "url": "http://127.0.0.1:%1$d" } },
                  "trafficProfiles": [
                    { "name": "api.orders.test", "ttl": %2$s, "endpoints": [
                        { "name": "east", "target": "127.0.0.11" }, { "name": "west", "target": "127.0.0.21" } ],
                      "monitor": { "port": %1$d, "path": "/health", "interval": "PT0.2S", "timeout": "PT0.15S", "toleratedFailures": 1 } },
                    { "name": "tcp.orders.test", "endpoints": [
                        { "name": "open", "target": "127.0.0.11" }, { "name": "closed", "target": "127.0.0.31" } ],
                      "monitor": { "protocol": "TCP", "port": %3$d, "interval": "PT0.2S", "toleratedFailures": 0 } }
                  ],
                  "dns": { "listen": "127.0.0.1:0" }
                }
                """.formatted(east.port(), ttl, closedPort)).orThrow();
    }

    private List<String> ask(String name) throws IOException {
        SimpleResolver r = new SimpleResolver(gateway.dnsAddress());
        r.setTimeout(Duration.ofSeconds(3));
        Message m = r.send(Message.newQuery(Record.newRecord(Name.fromString(name + "."), Type.A, DClass.IN)));
        return m.getSection(Section.ANSWER).stream().map(rec -> rec.rdataToString() + "/" + rec.getTTL()).toList();
    }

    private MonitorStatus status(String profile, String endpoint) {
        return gateway.trafficProfiles().snapshot(profile).endpoint(endpoint).status();
    }

    @Test
    void failingHttpProbesMoveTheAnswerAndOneSuccessBringsItBack() throws IOException {
        gateway = Gateway.start(config("5", freePort()));
        Eventually.await("east online", Duration.ofSeconds(5), () -> status("api.orders.test", "east") == MonitorStatus.ONLINE);
        assertThat(ask("api.orders.test")).containsExactly("127.0.0.11/5");

        east.setBehavior(east.behavior().withStatus(503));
        Eventually.await("east degraded", Duration.ofSeconds(5), () -> status("api.orders.test", "east") == MonitorStatus.DEGRADED);
        assertThat(ask("api.orders.test")).containsExactly("127.0.0.21/5");
        assertThat(gateway.trafficProfiles().snapshot("api.orders.test").endpoint("east").reason())
                .contains("2 failed probe(s) in a row, 1 tolerated; last: status 503");

        east.reset();
        Eventually.await("east back", Duration.ofSeconds(5), () -> status("api.orders.test", "east") == MonitorStatus.ONLINE);
        assertThat(ask("api.orders.test")).containsExactly("127.0.0.11/5");
    }

    @Test
    void tcpMonitorConnects() throws IOException {
        // "closed" is the open port's number on 127.0.0.31, where nothing listens. On 127.0.0.1, where this test's
        // gateway and many other listeners bind port 0, one once held that number and "closed" went ONLINE.
        try (ServerSocket open = new ServerSocket()) {
            open.bind(new InetSocketAddress("127.0.0.11", 0));
            gateway = Gateway.start(config("5", open.getLocalPort()));
            Eventually.await("tcp statuses", Duration.ofSeconds(5), () -> status("tcp.orders.test", "open") == MonitorStatus.ONLINE
                    && status("tcp.orders.test", "closed") == MonitorStatus.DEGRADED);
            assertThat(gateway.trafficProfiles().snapshot("tcp.orders.test").endpoint("closed").reason()).contains("cannot connect");
        }
    }

    @Test
    void operatorOverridesSurviveAReloadAndTheNewTtlApplies() throws IOException {
        gateway = Gateway.start(config("5", freePort()));
        gateway.trafficProfiles().failOverTo("api.orders.test", "west");
        assertThat(ask("api.orders.test")).containsExactly("127.0.0.21/5");

        gateway.applyConfig(config("7", freePort()));
        assertThat(ask("api.orders.test")).containsExactly("127.0.0.21/7");
        assertThat(gateway.trafficProfiles().snapshot("api.orders.test").failedOverTo()).isEqualTo("west");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
