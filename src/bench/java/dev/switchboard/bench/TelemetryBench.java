package dev.switchboard.bench;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.sim.SimBackend;
import dev.switchboard.telemetry.client.TelemetryClient;
import dev.switchboard.telemetry.client.TelemetryListener;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import dev.switchboard.telemetry.server.AdminServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Proxy throughput with 0 and with 10 consoles attached (default stats period), alternating runs of wrk against an
 * in-process gateway over two SimBackends; and event-to-console latency: during the loaded runs a weight change
 * every 100 ms, timed from the engine call to each console's listener. The consoles run in the same process, so
 * their own CPU counts against the gateway here; real consoles run elsewhere. Run with src/bench/run-telemetry-bench.sh.
 */
public final class TelemetryBench {

    private static final String TOKEN = "bench-viewer-token-0001";
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    private TelemetryBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int consoles = 10;
        try (SimBackend a = new SimBackend("a"); SimBackend b = new SimBackend("b")) {
            a.start(new InetSocketAddress("127.0.0.1", 0));
            b.start(new InetSocketAddress("127.0.0.1", 0));
            Path dir = Files.createTempDirectory("telemetry-bench");
            Path file = dir.resolve("gateway.json");
            Files.writeString(file, """
                    { "gateway": { "id": "bench", "eventLoops": 1 },
                      "backends": { "a": { "url": "http://127.0.0.1:%d" }, "b": { "url": "http://127.0.0.1:%d" },
                        "pool": { "type": "Pool", "pool": { "services": [ { "id": "a", "weight": 1 }, { "id": "b", "weight": 1 } ] } } },
                      "apis": [ { "name": "bench", "path": "/", "backendId": "pool" } ],
                      "admin": { "listen": "127.0.0.1:0", "tokens": [ { "name": "bench", "token": "%s", "role": "viewer" } ] } }
                    """.formatted(a.port(), b.port(), TOKEN));
            GatewayConfig config = ConfigLoader.load(file).orThrow();
            Gateway gateway = Gateway.start(config, new InetSocketAddress("127.0.0.1", 0));
            AdminServer admin = AdminServer.start(gateway, config.admin(), file);
            String target = "http://127.0.0.1:" + gateway.port() + "/";
            wrk(target, 3);
            List<Double> without = new ArrayList<>();
            List<Double> with = new ArrayList<>();
            Histogram latency = new Histogram(3);
            for (int r = 0; r < rounds; r++) {
                // ABBA order, so a drift in machine load does not favour either side.
                if (r % 2 == 0) {
                    without.add(wrk(target, seconds));
                    with.add(withConsoles(gateway, admin, consoles, target, seconds, latency));
                } else {
                    with.add(withConsoles(gateway, admin, consoles, target, seconds, latency));
                    without.add(wrk(target, seconds));
                }
            }
            double base = median(without);
            double loaded = median(with);
            System.out.printf("throughput without consoles: %.0f req/s (runs %s)%n", base, without);
            System.out.printf("throughput with %d consoles:  %.0f req/s (runs %s) = %.1f%% of without%n", consoles, loaded, with, 100 * loaded / base);
            System.out.printf("event-to-console latency over %d deliveries: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", latency.getTotalCount(),
                    latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
            admin.close();
            gateway.close(Duration.ofSeconds(1));
        }
    }

    private static double withConsoles(Gateway gateway, AdminServer admin, int n, String target, int seconds, Histogram latency) throws Exception {
        Map<Long, Long> changedAt = new ConcurrentHashMap<>();
        List<TelemetryClient> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TelemetryClient c = TelemetryClient.builder(URI.create("ws://127.0.0.1:" + admin.port() + "/telemetry"), TOKEN)
                    .listener(new TelemetryListener() {
                        @Override
                        public void onEvent(TelemetryEvent event) {
                            Long at = event instanceof TelemetryEvent.ConfigChange c ? changedAt.get(c.version()) : null;
                            if (at != null) {
                                synchronized (latency) {
                                    latency.recordValue(Math.max(1, (System.nanoTime() - at) / 1000));
                                }
                            }
                        }
                    }).build();
            c.start();
            clients.add(c);
        }
        while (admin.consoles() < n) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        ScheduledExecutorService changes = Executors.newSingleThreadScheduledExecutor();
        int[] step = {0};
        changes.scheduleAtFixedRate(() -> {
            synchronized (gateway) {
                long next = gateway.engine().version() + 1;
                changedAt.put(next, System.nanoTime());
                gateway.engine().setWeight("pool", "b", 1 + (++step[0] % 2));
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
        try {
            return wrk(target, seconds);
        } finally {
            changes.shutdownNow();
            clients.forEach(TelemetryClient::close);
            while (admin.consoles() > 0) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
    }

    private static double wrk(String target, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("wrk", "-t1", "-c32", "-d" + seconds + "s", target).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = RPS.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("wrk said: " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
