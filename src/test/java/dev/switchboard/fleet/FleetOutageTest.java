package dev.switchboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.AdminConfig;
import dev.switchboard.gateway.ConfigSourceStatus;
import dev.switchboard.telemetry.client.TelemetryClient;
import dev.switchboard.telemetry.client.TelemetryListener;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import dev.switchboard.telemetry.server.AdminServer;
import dev.switchboard.testing.EtcdServer;
import dev.switchboard.testing.Eventually;
import dev.switchboard.testing.TcpRelay;
import io.etcd.jetcd.KV;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Losing etcd: the gateway keeps serving with no failed request, says so, and rejoins missing nothing. */
class FleetOutageTest {

    @RegisterExtension
    static final EtcdServer ETCD = EtcdServer.perClass();

    private static final Duration SOON = Duration.ofSeconds(20);
    private static final String VIEWER = "fleet-viewer-token-0001";

    @TempDir
    Path dir;

    @Test
    void aGatewayWhoseLastSeenRevisionWasCompactedFollowsOnWithoutReportingEtcdLost() throws Exception {
        try (FleetHarness fleet = new FleetHarness(ETCD, "compacted", "blue", "green")) {
            fleet.push(FleetHarness.TO_BLUE);
            // Other writes move etcd past the config's revision, then etcd compacts its history, as it routinely does.
            KV kv = fleet.operator.getKVClient();
            for (int i = 0; i < 5; i++) {
                kv.put(Etcd.bytes("/unrelated/" + i), Etcd.bytes("x")).get();
            }
            kv.compact(kv.get(Etcd.bytes("/unrelated/0")).get().getHeader().getRevision()).get();

            FleetHarness.Member gw = fleet.join("gw-1", "east");
            PushResult.Written after = fleet.push(FleetHarness.TO_GREEN);
            Eventually.await("the next push applied", SOON, () -> fleet.revision("gw-1") == after.revision());
            assertThat(fleet.servedBy(gw, "/")).isEqualTo("green");
            assertThat(gw.reports()).as("config-source reports").isNotEmpty().allMatch(ConfigSourceStatus::connected);
        }
    }

    @Test
    void etcdStoppedUnderTrafficFailsNoRequestAndAPushAfterItsRestartIsApplied() throws Exception {
        try (FleetHarness fleet = new FleetHarness(ETCD, "outage", "blue", "green")) {
            fleet.push(FleetHarness.TO_BLUE);
            FleetHarness.Member gw = fleet.join("gw-1", "east");
            Eventually.await("joined", SOON, () -> gw.fleet().connected());
            AdminServer admin = AdminServer.start(gw.gateway(), new AdminConfig("127.0.0.1:0",
                    List.of(new AdminConfig.AdminToken("viewer", VIEWER, AdminConfig.AdminRole.VIEWER)), List.of(),
                    AdminConfig.DEFAULT_STATS_PERIOD, null, null), dir.resolve("gw-1.json"));
            List<TelemetryEvent> events = new CopyOnWriteArrayList<>();
            TelemetryClient console = TelemetryClient.builder(URI.create("ws://127.0.0.1:" + admin.port() + "/telemetry"), VIEWER)
                    .listener(new TelemetryListener() {
                        @Override
                        public void onEvent(TelemetryEvent event) {
                            events.add(event);
                        }
                    }).build();
            console.start();
            Eventually.await("console connected", SOON, () -> console.model() != null);
            Traffic traffic = new Traffic(fleet, gw);
            try {
                Thread.ofPlatform().daemon().start(traffic);
                Eventually.await("traffic flowing", SOON, () -> traffic.ok.get() > 20);

                ETCD.stop();
                Eventually.await("gw-1 says it lost etcd", SOON, () -> !gw.gateway().configSource().connected());
                assertThat(healthz(fleet, admin)).contains("\"connected\":false").contains("still serving fleet config revision");
                Eventually.await("consoles told", SOON, () -> events.stream().anyMatch(e -> e instanceof TelemetryEvent.ConfigSource c && !c.connected()));
                int before = traffic.ok.get();
                Eventually.await("requests keep succeeding without etcd", SOON, () -> traffic.ok.get() > before + 50);

                ETCD.start();
                Eventually.await("gw-1 rejoined", SOON, () -> gw.gateway().configSource().connected());
                assertThat(healthz(fleet, admin)).contains("\"connected\":true");
                PushResult.Written after = fleet.push(FleetHarness.TO_GREEN);
                Eventually.await("the push after the restart applied", SOON, () -> fleet.revision("gw-1") == after.revision());
                assertThat(fleet.servedBy(gw, "/")).isEqualTo("green");
            } finally {
                traffic.stop = true;
                console.close();
                admin.close();
            }
            assertThat(traffic.failed.get()).as("failed requests (" + traffic.lastFailure + ")").isZero();
        }
    }

    @Test
    void aRevisionMadeWhileAGatewayIsCutOffIsAppliedWhenItsWatchResumes() throws Exception {
        try (FleetHarness fleet = new FleetHarness(ETCD, "partition", "blue", "green");
             TcpRelay relay = new TcpRelay(ETCD.clientPort())) {
            fleet.push(FleetHarness.TO_BLUE);
            FleetHarness.Member gw = fleet.join("gw-1", null, relay.port());
            Eventually.await("joined", SOON, () -> gw.fleet().connected());

            relay.cut();
            Eventually.await("gw-1 says it lost etcd", SOON, () -> !gw.fleet().connected());
            PushResult.Written missed = fleet.push(FleetHarness.TO_GREEN);
            assertThat(fleet.servedBy(gw, "/")).as("still the last config it had").isEqualTo("blue");

            relay.restore();
            Eventually.await("the revision made while cut off applied", SOON, () -> fleet.revision("gw-1") == missed.revision());
            assertThat(fleet.servedBy(gw, "/")).isEqualTo("green");
            // The watch can deliver the missed revision a moment before the member marks itself connected again.
            Eventually.await("gw-1 says it is connected again", SOON, () -> gw.fleet().connected());
        }
    }

    private static String healthz(FleetHarness fleet, AdminServer admin) throws Exception {
        return fleet.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Requests one after another through the gateway until stopped, counting failures (any status but 200, any error). */
    private static final class Traffic implements Runnable {
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final FleetHarness fleet;
        final FleetHarness.Member gw;
        volatile boolean stop;
        volatile String lastFailure = "none";

        Traffic(FleetHarness fleet, FleetHarness.Member gw) {
            this.fleet = fleet;
            this.gw = gw;
        }

        @Override
        public void run() {
            while (!stop) {
                try {
                    int status = fleet.get(gw, "/").statusCode();
                    if (status == 200) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        lastFailure = "status " + status;
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    lastFailure = e.toString();
                }
            }
        }
    }
}
