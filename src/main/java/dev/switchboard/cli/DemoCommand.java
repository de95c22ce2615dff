package dev.switchboard.cli;

import dev.switchboard.demo.DemoEnvironment;
import dev.switchboard.demo.DemoReport;
import dev.switchboard.demo.DrillScript;
import dev.switchboard.engine.AvailabilityChange;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.breaker.BreakerTransition;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard demo}: the embedded demo without a window. Simulated backends, a real gateway and live
 * traffic; prints a line a second with the traffic split and every breaker or availability change as it happens.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the demo gateway with simulated backends and live traffic, reporting in the terminal.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rate", defaultValue = "200", description = "Requests per second through the gateway (default ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--listen", paramLabel = "HOST:PORT", converter = SocketAddressConverter.class,
            description = "Gateway address (port 0: any free port); default 127.0.0.1:8080, or a free port if it is taken.")
    private InetSocketAddress listen;

    @Option(names = "--duration", description = "Stop after this long (ISO-8601, e.g. PT2M); default: until Ctrl-C.")
    private Duration duration;

    @Option(names = "--drill", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the scripted failure drill (a primary fails, then the east region goes away); on by default.")
    private boolean drill;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
        CountDownLatch stop = new CountDownLatch(1);
        try (DemoEnvironment demo = DemoEnvironment.start(rate, listen);
             ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor()) {
            // Engine listeners run under the engine's lock: only queue the text here, print on the reporter thread.
            demo.gateway().engine().addListener(event -> describe(event, events));
            out.printf("Switchboard demo: gateway on http://127.0.0.1:%d (try: curl -i http://127.0.0.1:%d/orders)%n",
                    demo.gateway().port(), demo.gateway().port());
            out.printf("%d simulated backends, %.0f requests/s%s. Ctrl-C stops.%n", demo.backends().size(), rate,
                    drill ? ", failure drill every " + DrillScript.CYCLE.toSeconds() + " s" : "");
            out.flush();
            DrillScript script = new DrillScript(demo.backends(), events::add);
            long started = System.nanoTime();
            reporter.scheduleAtFixedRate(() -> {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                if (drill) {
                    script.advance(elapsed);
                }
                for (String e; (e = events.poll()) != null; ) {
                    out.println("  " + e);
                }
                out.println(DemoReport.line(elapsed, Duration.ofSeconds(1), demo.traffic().counters().drain(),
                        demo.gateway().engine().snapshot()));
                out.flush();
            }, 1, 1, TimeUnit.SECONDS);
            Thread hook = new Thread(stop::countDown, "demo-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            if (duration == null) {
                stop.await();
            } else {
                stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        return 0;
    }

    private static void describe(EngineEvent event, ConcurrentLinkedQueue<String> events) {
        switch (event) {
            case BreakerTransition t -> events.add("breaker " + t.backendId() + " " + t.from() + " -> " + t.to() + ": " + t.reason());
            case AvailabilityChange a -> events.add(a.backendId() + " " + a.from() + " -> " + a.to() + ": " + a.reason());
            default -> { }
        }
    }
}
