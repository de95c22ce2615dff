package dev.switchboard.warmup;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigResult;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.GatewaySettings;
import dev.switchboard.config.WarmupConfig;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.sim.SimBackend;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pre-warms the proxy path before the real gateway binds: a throwaway {@link Gateway} (its own engine, stats and event
 * loops, the same classes as the real one) on an ephemeral loopback port, in front of two in-process sim backends,
 * under keep-alive load for a bounded count and time. JDK 25's AOT cache holds no compiled code, so without this the
 * first seconds of real traffic run interpreted; after it the JIT has compiled the codec, engine, pool and balancer.
 * Nothing of the real config is used beyond its id, event-loop count and head size: its backends, stats, breakers,
 * access log, audit and admin listener are never touched.
 */
public final class GatewayWarmup {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayWarmup.class);
    /**
     * Beyond maxMs of load, how long the caller waits for the throwaway gateway and backends to start and close before
     * starting anyway. Their start is mostly class loading the real start would do next anyway (on a loaded machine
     * seconds); counting it against maxMs left no time for load at all.
     */
    private static final long SETUP_GRACE_MS = 10_000;

    private GatewayWarmup() {
    }

    /**
     * Runs the warm-up {@code real} asks for (none when off) and logs one line. Load runs for at most maxMs once the
     * throwaway gateway is up, and it returns within maxMs plus {@link #SETUP_GRACE_MS} whatever happens; a failure is
     * logged, never thrown.
     */
    public static WarmupReport run(GatewaySettings real) {
        WarmupConfig warmup = real.warmupOrDefaults();
        if (!warmup.enabled()) {
            return new WarmupReport(0, 0, Duration.ZERO);
        }
        long start = System.nanoTime();
        WarmupLoad load = new WarmupLoad(warmup.requests(), TimeUnit.MILLISECONDS.toNanos(warmup.maxMs()));
        FutureTask<Void> task = new FutureTask<>(() -> {
            warmUp(real, load);
            return null;
        });
        Thread thread = Thread.ofPlatform().name("warmup").daemon().start(task);
        try {
            task.get(warmup.maxMs() + SETUP_GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            // It stops sending at maxMs and closes what it started on its own thread; the real start must not wait for it.
            LOG.warn("warm-up not finished within {} ms (maxMs {} + {} ms to start and close); starting anyway",
                    warmup.maxMs() + SETUP_GRACE_MS, warmup.maxMs(), SETUP_GRACE_MS);
        } catch (ExecutionException e) {
            // The warm-up only saves time; a gateway that cannot warm up must still start.
            LOG.warn("warm-up failed, starting cold: {}", e.getCause().toString());
        }
        promoteSurvivors();
        WarmupReport report = new WarmupReport(load.answered(), load.failed(), Duration.ofNanos(System.nanoTime() - start));
        LOG.info(report.describe());
        return report;
    }

    /**
     * One full collection before the real gateway binds. Without it the young generation still holds the live set the
     * start and the warm-up left (about 7.5 MB with the service's Parallel GC), and the first young collections under
     * real load copy it between the survivor spaces until it is old enough to promote: pauses of 19-28 ms in the first
     * seconds of traffic where later ones take about 2 ms. Collected here, it moves to the old generation in one pause
     * of about 40 ms before the port opens, as far as the old generation has room for it (docs/gateway.md).
     */
    private static void promoteSurvivors() {
        System.gc();
    }

    private static void warmUp(GatewaySettings real, WarmupLoad load) throws InterruptedException {
        try (SimBackend a = new SimBackend("warmup-a"); SimBackend b = new SimBackend("warmup-b")) {
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            a.start(loopback);
            b.start(loopback);
            Gateway gateway = Gateway.start(config(real, a.port(), b.port()), loopback);
            try {
                load.drive(gateway.address());
            } finally {
                gateway.close(Duration.ZERO);
            }
        }
    }

    /** The throwaway config: one pool of two loopback backends, the real event-loop count and head limit, nothing else. */
    static GatewayConfig config(GatewaySettings real, int portA, int portB) {
        String json = String.format(Locale.ROOT, """
                { "gateway": { "id": "%s-warmup", "listen": "127.0.0.1:0", "eventLoops": %d, "maxHeaderSize": %d },
                  "backends": { "a": { "url": "http://127.0.0.1:%d" }, "b": { "url": "http://127.0.0.1:%d" },
                    "pool": { "type": "Pool", "pool": { "services": [ { "id": "a" }, { "id": "b" } ] } } },
                  "apis": [ { "name": "warmup", "path": "/", "backendId": "pool" } ] }
                """, real.id().replaceAll("[\"\\\\]", ""), real.eventLoops(), real.maxHeaderSize(), portA, portB);
        return switch (ConfigLoader.parse(json)) {
            case ConfigResult.Valid valid -> valid.config();
            case ConfigResult.Invalid invalid -> throw new IllegalStateException("warm-up config: " + invalid.problems());
        };
    }
}
