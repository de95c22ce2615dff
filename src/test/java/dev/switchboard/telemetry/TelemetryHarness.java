package dev.switchboard.telemetry;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.sim.SimBackend;
import dev.switchboard.telemetry.client.TelemetryClient;
import dev.switchboard.telemetry.client.TelemetryListener;
import dev.switchboard.telemetry.server.AdminServer;
import dev.switchboard.telemetry.server.TelemetryLimits;
import dev.switchboard.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A gateway with its admin listener over loopback SimBackends "a" and "b" (pool "pool" of both, a with a breaker of
 * 3 5xx in 10 s) and traffic profile "api.orders.test" (east, west; no monitor, no responder), all on ephemeral ports, with the config file in a temp directory so overrides and the audit log
 * land there. {@link #restart()} keeps the file, the sims and the admin port.
 */
final class TelemetryHarness implements AutoCloseable {

    static final String OPERATOR = "alice-operator-token-1";
    static final String VIEWER = "victor-viewer-token-1";
    /** Operators whose token names are not ASCII: "zoë", "zoé" and "李雷". */
    static final String ZOE_DIAERESIS = "zoe-diaeresis-operator-token-1";
    static final String ZOE_ACUTE = "zoe-acute-operator-token-1";
    static final String LI_LEI = "li-lei-operator-token-1";

    private static final String CONFIG = """
            {
              "gateway": { "id": "gw-test" },
              "backends": {
                "a": { "url": "http://${a}", "circuitBreaker": { "rules": [ { "name": "five-xx",
                        "failureCondition": { "count": 3, "interval": "PT10S", "statusCodeRanges": [ { "min": 500, "max": 599 } ] },
                        "tripDuration": "PT30S" } ] } },
                "b": { "url": "http://${b}" },
                "pool": { "type": "Pool", "pool": { "services": [ { "id": "a", "weight": 1 }, { "id": "b", "weight": 1 } ] } }
              },
              "apis": [ { "name": "api", "path": "/", "backendId": "pool" } ],
              "trafficProfiles": [ { "name": "api.orders.test", "ttl": 30, "endpoints": [
                  { "name": "east", "target": "192.0.2.1" }, { "name": "west", "target": "192.0.2.2" } ] } ],
              "admin": {
                "listen": "127.0.0.1:0",
                "statsPeriod": "PT0.1S",
                "tokens": [
                  { "name": "alice", "token": "alice-operator-token-1", "role": "operator" },
                  { "name": "victor", "token": "victor-viewer-token-1", "role": "viewer" },
                  { "name": "zoë", "token": "zoe-diaeresis-operator-token-1", "role": "operator" },
                  { "name": "zoé", "token": "zoe-acute-operator-token-1", "role": "operator" },
                  { "name": "李雷", "token": "li-lei-operator-token-1", "role": "operator" }
                ]
              }
            }
            """;

    final Map<String, SimBackend> sims = new LinkedHashMap<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    final Path dir;
    final Path configFile;
    private final TelemetryLimits limits;
    private final List<AutoCloseable> clients = new ArrayList<>();
    Gateway gateway;
    AdminServer admin;

    TelemetryHarness() {
        this(TelemetryLimits.DEFAULTS);
    }

    TelemetryHarness(TelemetryLimits limits) {
        this.limits = limits;
        try {
            dir = Files.createTempDirectory("telemetry-test");
            configFile = dir.resolve("gateway.json");
            for (String name : List.of("a", "b")) {
                SimBackend sim = new SimBackend(name);
                sim.start(new InetSocketAddress("127.0.0.1", 0));
                sims.put(name, sim);
            }
            String json = CONFIG;
            for (var e : sims.entrySet()) {
                json = json.replace("${" + e.getKey() + "}", "127.0.0.1:" + e.getValue().port());
            }
            Files.writeString(configFile, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start("127.0.0.1:0");
    }

    private void start(String adminListen) {
        GatewayConfig config;
        try {
            config = ConfigLoader.load(configFile).orThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gateway = Gateway.start(config, new InetSocketAddress("127.0.0.1", 0));
        admin = AdminServer.start(gateway, config.admin().withListen(adminListen), configFile, limits);
    }

    /** Stops gateway and admin listener and starts them again from the same file, on the same admin port. */
    void restart() {
        int port = admin.port();
        admin.close();
        gateway.close(Duration.ofSeconds(1));
        start("127.0.0.1:" + port);
    }

    /** Applies the harness config plus a {@code notifications} section with {@code webhooks} (JSON array items). */
    void applyNotifications(String webhooks) {
        applyEdited(json -> json.replace("\"admin\": {", "\"notifications\": { \"webhooks\": [ " + webhooks + " ] },\n  \"admin\": {"));
    }

    /** Applies the harness config file's text as {@code edit} changes it (the file itself stays as it is). */
    void applyEdited(UnaryOperator<String> edit) {
        gateway.applyConfig(ConfigLoader.parse(edited(edit)).orThrow());
    }

    /** The harness config file's text as {@code edit} changes it. */
    String edited(UnaryOperator<String> edit) {
        try {
            return edit.apply(Files.readString(configFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SimBackend sim(String name) {
        return sims.get(name);
    }

    URI ws() {
        return URI.create("ws://127.0.0.1:" + admin.port() + "/telemetry");
    }

    URI adminUri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + admin.port() + pathAndQuery);
    }

    /** A raw protocol client, closed with the harness. */
    RawConsole raw(String token) {
        return raw(token, 0);
    }

    /** A raw protocol client with a receive buffer of {@code receiveBuffer} bytes (0: the system's), closed with the harness. */
    RawConsole raw(String token, int receiveBuffer) {
        RawConsole c = RawConsole.connect(ws(), token, receiveBuffer);
        clients.add(c::close);
        return c;
    }

    /** A library client that has its first snapshot, closed with the harness. */
    TelemetryClient live(String token, TelemetryListener listener) {
        TelemetryClient c = client(token, listener);
        Eventually.await("connected", Duration.ofSeconds(10), () -> c.model() != null);
        return c;
    }

    /** A command's outcome, waiting at most 10 s. */
    static <T> T result(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    /** A library client, started, closed with the harness. */
    TelemetryClient client(String token, TelemetryListener listener) {
        TelemetryClient c = TelemetryClient.builder(ws(), token).listener(listener)
                .backoff(Duration.ofMillis(100), Duration.ofMillis(500)).staleAfter(Duration.ofSeconds(2)).commandTimeout(Duration.ofSeconds(5)).build();
        c.start();
        clients.add(c);
        return c;
    }

    /** {@code n} GETs through the gateway; returns how many got each status. */
    Map<Integer, Integer> traffic(int n) {
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            statuses.merge(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/t" + i)).build()).statusCode(), 1, Integer::sum);
        }
        return statuses;
    }

    HttpResponse<String> adminGet(String pathAndQuery, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(adminUri(pathAndQuery)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : clients) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort: the harness is going away
            }
        }
        admin.close();
        gateway.close(Duration.ofSeconds(1));
        sims.values().forEach(SimBackend::close);
        http.close();
    }
}
