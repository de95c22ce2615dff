package dev.switchboard.bench;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.sim.SimBackend;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Issue 15's drill: two primaries behind an in-process gateway, an open-loop client at a fixed rate, and after
 * {@code warm} seconds one primary starts answering in 2 s. Client latency is measured from each request's send
 * time, for the requests sent from 5 s after the slowdown on, once per balancer (weighted, then peak-ewma).
 */
public final class SlowPrimaryDrill {

    private static final Duration SLOW = Duration.ofSeconds(2);
    private static final long SETTLE_MILLIS = 5_000;

    private SlowPrimaryDrill() {
    }

    /** One request: when it was sent, relative to the slowdown, and how it ended. */
    private record Sent(long atMillis, long sentNanos, CompletableFuture<Done> done) {
    }

    /** A response: its status, who served it, when it arrived. */
    private record Done(int status, String backend, long atNanos) {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int warm = 2;
        for (String balancer : List.of("weighted", "peak-ewma")) {
            run(balancer, rate, warm, seconds);
        }
    }

    private static void run(String balancer, int rate, int warm, int seconds) throws Exception {
        try (SimBackend a = new SimBackend("primary-a"); SimBackend b = new SimBackend("primary-b");
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            a.start(new InetSocketAddress("127.0.0.1", 0));
            b.start(new InetSocketAddress("127.0.0.1", 0));
            Gateway gateway = Gateway.start(ConfigLoader.parse("""
                    { "gateway": { "id": "drill", "eventLoops": 1 },
                      "backends": { "primary-a": { "url": "http://127.0.0.1:%d" }, "primary-b": { "url": "http://127.0.0.1:%d" },
                        "pool": { "type": "Pool", "pool": { "services": [ { "id": "primary-a", "priority": 1 }, { "id": "primary-b", "priority": 1 } ],
                                  "balancer": "%s" } } },
                      "apis": [ { "name": "drill", "path": "/", "backendId": "pool" } ] }
                    """.formatted(a.port(), b.port(), balancer)).orThrow(), new InetSocketAddress("127.0.0.1", 0));
            try {
                List<Sent> sent = load(client, URI.create("http://127.0.0.1:" + gateway.port() + "/drill"), rate, warm, seconds, b);
                report(balancer, rate, sent);
            } finally {
                gateway.close(Duration.ofSeconds(3));
            }
        }
    }

    /** Sends at {@code rate} per second for {@code seconds}; {@code slow} turns slow after {@code warm} seconds. */
    private static List<Sent> load(HttpClient client, URI uri, int rate, int warm, int seconds, SimBackend slow) throws InterruptedException {
        List<Sent> sent = new ArrayList<>();
        long start = System.nanoTime();
        long slowdown = start + TimeUnit.SECONDS.toNanos(warm);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.schedule(() -> slow.updateBehavior(x -> x.withLatency(SLOW)), warm, TimeUnit.SECONDS);
        timer.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
            synchronized (sent) {
                sent.add(new Sent((now - slowdown) / 1_000_000, now, client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .thenApply(r -> new Done(r.statusCode(), r.headers().firstValue("X-Sim-Backend").orElse(""), System.nanoTime()))));
            }
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        timer.awaitTermination(seconds, TimeUnit.SECONDS);
        timer.shutdownNow();
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    private static void report(String balancer, int rate, List<Sent> sent) {
        Histogram latency = new Histogram(3);
        int measured = 0;
        int errors = 0;
        int toSlow = 0;
        for (Sent s : sent) {
            if (s.atMillis() < SETTLE_MILLIS) {
                continue;
            }
            measured++;
            try {
                Done r = s.done().get(40, TimeUnit.SECONDS);
                latency.recordValue(Math.max(1, (r.atNanos() - s.sentNanos()) / 1000));
                errors += r.status() == 200 ? 0 : 1;
                toSlow += r.backend().equals("primary-b") ? 1 : 0;
            } catch (Exception e) {
                errors++;
            }
        }
        System.out.printf("%-10s %d req/s: %d requests from 5 s after the slowdown: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms,"
                        + " %d errors, %d to the slow primary%n", balancer, rate, measured, latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(90) / 1000.0, latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0,
                errors, toSlow);
    }
}
