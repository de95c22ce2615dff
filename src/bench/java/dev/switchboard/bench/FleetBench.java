package dev.switchboard.bench;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.engine.StateChange;
import dev.switchboard.fleet.Etcd;
import dev.switchboard.fleet.FleetAddress;
import dev.switchboard.fleet.FleetKeys;
import dev.switchboard.fleet.FleetMember;
import dev.switchboard.fleet.FleetStore;
import dev.switchboard.fleet.MemberIdentity;
import dev.switchboard.fleet.StoredConfig;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.sim.SimBackend;
import dev.switchboard.testing.EtcdServer;
import io.etcd.jetcd.Client;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A fleet of in-process gateways on a real etcd (loopback): (1) time from the start of a push to each gateway having
 * applied it, p50 and p99 over every gateway of every push; (2) requests failed while etcd is stopped and restarted
 * under a steady request rate spread over the gateways. Run with src/bench/run-fleet-bench.sh.
 */
public final class FleetBench {

    private static final String CONFIG = """
            { "gateway": { "eventLoops": 1 },
              "backends": { "blue": { "url": "http://127.0.0.1:%d" }, "green": { "url": "http://127.0.0.1:%d" } },
              "apis": [ { "name": "orders", "path": "/", "backendId": "%s" } ] }""";

    private FleetBench() {
    }

    public static void main(String[] args) throws Exception {
        int gatewayCount = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int pushes = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        try (EtcdServer etcd = EtcdServer.launch(); SimBackend blue = new SimBackend("blue"); SimBackend green = new SimBackend("green")) {
            blue.start(new InetSocketAddress("127.0.0.1", 0));
            green.start(new InetSocketAddress("127.0.0.1", 0));
            FleetAddress address = FleetAddress.parse(etcd.fleetUrl("bench"));
            try (Client operator = Etcd.connectChecked(address)) {
                FleetStore store = new FleetStore(operator, new FleetKeys("bench"), Clock.systemUTC());
                store.push(CONFIG.formatted(blue.port(), green.port(), "blue"), null, "bench");
                List<Gateway> gateways = new ArrayList<>();
                List<FleetMember> members = new ArrayList<>();
                for (int i = 0; i < gatewayCount; i++) {
                    Client client = Etcd.connectChecked(address);
                    StoredConfig initial = store.current();
                    MemberIdentity id = new MemberIdentity("gw-" + i, null, null, Instant.now(), MemberIdentity.DEFAULT_LEASE_TTL);
                    Gateway g = Gateway.start(FleetMember.localize(id).apply(ConfigLoader.parse(initial.json()).orThrow()),
                            new InetSocketAddress("127.0.0.1", 0));
                    gateways.add(g);
                    members.add(FleetMember.start(client, address, g, id, initial, Clock.systemUTC()));
                }
                waitUntil(() -> members.stream().allMatch(FleetMember::connected), Duration.ofSeconds(60));
                pushLatency(store, gateways, pushes, blue.port(), green.port());
                outage(etcd, gateways, members, rate);
                members.forEach(FleetMember::close);
                gateways.forEach(g -> g.close(Duration.ZERO));
            }
        }
    }

    private static void pushLatency(FleetStore store, List<Gateway> gateways, int pushes, int bluePort, int greenPort) throws Exception {
        Histogram micros = new Histogram(3);
        for (int p = 0; p < pushes; p++) {
            CountDownLatch applied = new CountDownLatch(gateways.size());
            AtomicLong start = new AtomicLong();
            List<dev.switchboard.engine.EngineListener> listeners = new ArrayList<>();
            for (Gateway g : gateways) {
                dev.switchboard.engine.EngineListener l = e -> {
                    if (e instanceof StateChange c && c.what().equals("config applied")) {
                        synchronized (micros) {
                            micros.recordValue((System.nanoTime() - start.get()) / 1000);
                        }
                        applied.countDown();
                    }
                };
                listeners.add(l);
                g.engine().addListener(l);
            }
            start.set(System.nanoTime());
            store.push(CONFIG.formatted(bluePort, greenPort, p % 2 == 0 ? "green" : "blue"), null, "bench");
            if (!applied.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("push " + p + " not applied by every gateway within 30 s");
            }
            for (int i = 0; i < gateways.size(); i++) {
                gateways.get(i).engine().removeListener(listeners.get(i));
            }
            Thread.sleep(100);
        }
        System.out.printf("push -> applied by %d gateways: %d pushes, %d samples: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", gateways.size(),
                pushes, micros.getTotalCount(), micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(99) / 1000.0,
                micros.getMaxValue() / 1000.0);
    }

    /**
     * One client thread per gateway, each sending its share of {@code rate} on a fixed schedule over keep-alive
     * connections; results are counted by phase: before etcd stops, while it is away, after it is back.
     */
    private static void outage(EtcdServer etcd, List<Gateway> gateways, List<FleetMember> members, int rate) throws Exception {
        Load load = new Load(gateways, rate);
        load.start();
        Thread.sleep(3000);
        load.phase(1);
        long stopAt = System.nanoTime();
        etcd.stop();
        waitUntil(() -> members.stream().noneMatch(FleetMember::connected), Duration.ofSeconds(30));
        double noticed = (System.nanoTime() - stopAt) / 1e9;
        Thread.sleep(2000);
        long startAt = System.nanoTime();
        etcd.start();
        waitUntil(() -> members.stream().allMatch(FleetMember::connected), Duration.ofSeconds(60));
        double rejoined = (System.nanoTime() - startAt) / 1e9;
        load.phase(2);
        Thread.sleep(3000);
        load.stop();
        System.out.printf("etcd stopped and restarted under %d req/s over %d gateways: the loss noticed by all within %.1f s, "
                + "all rejoined %.1f s after etcd started%n", rate, gateways.size(), noticed, rejoined);
        String[] names = {"before the stop", "etcd away (stop to rejoin)", "after the rejoin"};
        for (int p = 0; p < 3; p++) {
            double seconds = (load.phaseEnd[p] - load.phaseStart[p]) / 1e9;
            System.out.printf("  %-27s %6d requests in %4.1f s (%.0f/s), %d failed%n", names[p], load.sent[p].get(), seconds,
                    load.sent[p].get() / seconds, load.failed[p].get());
        }
        load.reasons.forEach((reason, n) -> System.out.println("  failed: " + n + " x " + reason));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("not within " + deadline);
            }
            Thread.sleep(20);
        }
    }

    /** Paced requests through every gateway, counted by phase. */
    private static final class Load {
        final AtomicLong[] sent = {new AtomicLong(), new AtomicLong(), new AtomicLong()};
        final AtomicLong[] failed = {new AtomicLong(), new AtomicLong(), new AtomicLong()};
        final java.util.Map<String, Integer> reasons = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<Gateway> gateways;
        private final long periodNanos;
        private final List<Thread> threads = new ArrayList<>();
        final long[] phaseStart = new long[3];
        final long[] phaseEnd = new long[3];
        private volatile int phase;
        private volatile boolean stopped;

        Load(List<Gateway> gateways, int rate) {
            this.gateways = gateways;
            this.periodNanos = 1_000_000_000L * gateways.size() / rate;
        }

        void start() {
            phaseStart[0] = System.nanoTime();
            for (Gateway g : gateways) {
                threads.add(Thread.ofPlatform().daemon().start(() -> drive(g)));
            }
        }

        void phase(int next) {
            phaseEnd[phase] = System.nanoTime();
            phaseStart[next] = phaseEnd[phase];
            phase = next;
        }

        void stop() throws InterruptedException {
            phaseEnd[phase] = System.nanoTime();
            stopped = true;
            for (Thread t : threads) {
                t.join();
            }
        }

        private void drive(Gateway g) {
            try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build()) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.port() + "/")).timeout(Duration.ofSeconds(10)).build();
                long next = System.nanoTime();
                while (!stopped) {
                    int p = phase;
                    sent[p].incrementAndGet();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200) {
                            fail(p, "status " + status);
                        }
                    } catch (java.io.IOException e) {
                        fail(p, e.toString());
                    } catch (InterruptedException e) {
                        return;
                    }
                    next += periodNanos;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    } else {
                        next = System.nanoTime(); // behind (a starved machine): no catch-up burst, the rate printed says so
                    }
                }
            }
        }

        private void fail(int p, String reason) {
            failed[p].incrementAndGet();
            reasons.merge(reason, 1, Integer::sum);
        }
    }
}
