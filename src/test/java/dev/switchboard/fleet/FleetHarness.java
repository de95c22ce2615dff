package dev.switchboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.engine.EngineSnapshot;
import dev.switchboard.gateway.ConfigSourceStatus;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.sim.SimBackend;
import dev.switchboard.testing.EtcdServer;
import io.etcd.jetcd.Client;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fleet on a real etcd: simulated backends, an operator's store and roster, and gateways that join over real
 * loopback sockets, each with its own etcd client (optionally through a relay the test can cut).
 */
public final class FleetHarness implements AutoCloseable {

    static final Duration LEASE_TTL = Duration.ofSeconds(2);
    /** Two configs that differ in which sim serves {@code /}: a change every gateway must apply. */
    public static final String TO_BLUE = """
            { "backends": { "blue": { "url": "http://${blue}" }, "green": { "url": "http://${green}" } },
              "apis": [ { "name": "orders", "path": "/", "backendId": "blue" } ] }""";
    public static final String TO_GREEN = TO_BLUE.replace("\"backendId\": \"blue\"", "\"backendId\": \"green\"");

    /** One gateway of the fleet, and every config-source status it reported since it joined. */
    public record Member(String id, Gateway gateway, FleetMember fleet, List<ConfigSourceStatus> reports) {
    }

    final EtcdServer etcd;
    public final FleetAddress address;
    final Map<String, SimBackend> sims = new LinkedHashMap<>();
    final Client operator;
    public final FleetStore store;
    final FleetRoster roster;
    final Map<String, Member> members = new LinkedHashMap<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    public FleetHarness(EtcdServer etcd, String fleet, String... simNames) {
        this.etcd = etcd;
        this.address = FleetAddress.parse(etcd.fleetUrl(fleet));
        for (String name : simNames) {
            SimBackend sim = new SimBackend(name);
            sim.start(new InetSocketAddress("127.0.0.1", 0));
            sims.put(name, sim);
        }
        this.operator = Etcd.connectChecked(address);
        this.store = new FleetStore(operator, new FleetKeys(fleet), Clock.systemUTC());
        this.roster = new FleetRoster(operator, new FleetKeys(fleet));
    }

    /** {@code json} with {@code ${name}} replaced by each sim's host:port. */
    public String config(String json) {
        String resolved = json;
        for (var e : sims.entrySet()) {
            resolved = resolved.replace("${" + e.getKey() + "}", "127.0.0.1:" + e.getValue().port());
        }
        return resolved;
    }

    public PushResult.Written push(String json) {
        PushResult result = store.push(config(json), null, "alice");
        assertThat(result).isInstanceOf(PushResult.Written.class);
        return (PushResult.Written) result;
    }

    public Member join(String id, String region) {
        return join(id, region, etcd.clientPort());
    }

    /** Starts a gateway on the fleet's current config and joins it, reaching etcd at {@code etcdPort} (a relay's, say). */
    public Member join(String id, String region, int etcdPort) {
        FleetAddress via = new FleetAddress(List.of("127.0.0.1:" + etcdPort), address.fleet());
        Client client = Etcd.connectChecked(via);
        StoredConfig initial = new FleetStore(client, new FleetKeys(address.fleet()), Clock.systemUTC()).current();
        MemberIdentity identity = new MemberIdentity(id, region, null, Instant.now(), LEASE_TTL);
        Gateway gateway = Gateway.start(FleetMember.localize(identity).apply(ConfigLoader.parse(initial.json()).orThrow()),
                new InetSocketAddress("127.0.0.1", 0));
        List<ConfigSourceStatus> reports = new CopyOnWriteArrayList<>();
        gateway.addConfigSourceListener(reports::add);
        Member member = new Member(id, gateway, FleetMember.start(client, via, gateway, identity, initial, Clock.systemUTC()), reports);
        members.put(id, member);
        return member;
    }

    /** Stops following the fleet as a crash would (no deregistration); the gateway itself is closed too. */
    public void kill(String id) {
        Member m = members.remove(id);
        m.fleet().close();
        m.gateway().close(Duration.ZERO);
    }

    public GatewayStatus status(String id) {
        return roster.gateways().stream().filter(g -> g.id().equals(id)).findFirst().orElse(null);
    }

    /** The revision {@code id} registered as applied; -1 before it registered. */
    public long revision(String id) {
        GatewayStatus s = status(id);
        return s == null ? -1 : s.revision();
    }

    HttpResponse<String> get(Member m, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.gateway().port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Which sim answered a request through {@code m}. */
    public String servedBy(Member m, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(m, path);
        assertThat(response.statusCode()).as("status through " + m.id()).isEqualTo(200);
        return response.headers().firstValue("X-Sim-Backend").orElseThrow();
    }

    static EngineSnapshot.BackendView backend(Member m, String id) {
        return m.gateway().engine().snapshot().backends().stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        for (Member m : members.values()) {
            m.fleet().close();
            m.gateway().close(Duration.ZERO);
        }
        sims.values().forEach(SimBackend::close);
        operator.close();
        http.close();
    }
}
