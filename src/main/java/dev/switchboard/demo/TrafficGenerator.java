package dev.switchboard.demo;

import dev.switchboard.config.GatewayConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a steady, adjustable rate of real HTTP requests to a gateway, spread over a few URLs, so the demo
 * (and a drill) has live traffic. Requests are open-loop: a slow or hanging backend does not slow the
 * generator down, but at most {@code maxInFlight} requests are outstanding and the excess is counted as
 * skipped rather than queued without bound.
 */
public final class TrafficGenerator implements AutoCloseable {

    private static final long TICK_MILLIS = 10;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_IN_FLIGHT = 500;
    // Set by the gateway when diagnostics are on; the demo config turns them on.
    private static final String BACKEND_HEADER = "X-Switchboard-Backend";

    private final List<URI> targets;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final int maxInFlight;
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("traffic-generator").factory());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final TrafficCounters counters = new TrafficCounters();
    private volatile double ratePerSecond;
    private double credit;
    private int nextTarget;

    public TrafficGenerator(List<URI> targets, double ratePerSecond, Duration requestTimeout, int maxInFlight) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("the traffic generator needs at least one target URL");
        }
        this.targets = List.copyOf(targets);
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.maxInFlight = maxInFlight;
        this.client = HttpClient.newBuilder()
                .connectTimeout(requestTimeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        setRate(ratePerSecond);
    }

    /** A generator (not yet started) spreading its requests over every API of {@code config} on a loopback gateway. */
    public static TrafficGenerator towards(GatewayConfig config, int gatewayPort, double ratePerSecond) {
        List<URI> targets = config.apis().stream()
                .map(api -> URI.create("http://127.0.0.1:" + gatewayPort + api.path()))
                .toList();
        return new TrafficGenerator(targets, ratePerSecond, REQUEST_TIMEOUT, MAX_IN_FLIGHT);
    }

    public void start() {
        ticker.scheduleAtFixedRate(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Requests per second; 0 pauses the traffic. */
    public void setRate(double perSecond) {
        if (perSecond < 0 || !Double.isFinite(perSecond)) {
            throw new IllegalArgumentException("rate must be a finite number >= 0, was " + perSecond);
        }
        this.ratePerSecond = perSecond;
    }

    public double rate() {
        return ratePerSecond;
    }

    public TrafficCounters counters() {
        return counters;
    }

    public int inFlight() {
        return inFlight.get();
    }

    // Runs on the single ticker thread only, so credit and nextTarget need no synchronisation.
    private void tick() {
        credit = Math.min(credit + ratePerSecond * TICK_MILLIS / 1000.0, Math.max(1, ratePerSecond));
        while (credit >= 1) {
            credit -= 1;
            send(targets.get(nextTarget));
            nextTarget = (nextTarget + 1) % targets.size();
        }
    }

    private void send(URI target) {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            counters.skipped();
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(target).timeout(requestTimeout).GET().build();
        long started = System.nanoTime();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            inFlight.decrementAndGet();
            if (error != null) {
                counters.failed();
            } else {
                String backend = response.headers().firstValue(BACKEND_HEADER).orElse("?");
                counters.completed(response.statusCode(), backend, System.nanoTime() - started);
            }
        });
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        client.shutdownNow();
    }
}
