package dev.switchboard.bench;

import dev.switchboard.console.ConsoleSession;
import dev.switchboard.console.shell.ConsoleAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.HdrHistogram.Histogram;

/**
 * The console fed by {@code gateways} synthetic gateways of {@code backends} backends each at {@code rate} updates/s:
 * time to the first frame, FX frame gaps measured by an AnimationTimer, and the process's RSS at the end.
 * Run by src/bench/run-console-bench.sh; arguments: duration (ISO-8601), gateways, backends, updates/s.
 */
public final class ConsoleBench {

    private ConsoleBench() {
    }

    public static void main(String[] args) throws Exception {
        long launched = System.nanoTime();
        Duration duration = Duration.parse(args.length > 0 ? args[0] : "PT60S");
        int gateways = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int backends = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 4;

        ConsoleSession session = ConsoleSession.remoteOnly();
        for (int g = 0; g < gateways; g++) {
            session.add(new SyntheticGatewayFeed("gw-" + g, backends, rate, g));
        }
        Histogram gaps = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        FrameCpu cpu = new FrameCpu();
        AtomicLong firstFrame = new AtomicLong();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(() -> {
            ConsoleAssembly.open(new Stage(), session);
            new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last == 0) {
                        firstFrame.set(System.nanoTime() - launched);
                    } else {
                        gaps.recordValue(Math.min(now - last, gaps.getHighestTrackableValue()));
                    }
                    cpu.pulse();
                    last = now;
                }
            }.start();
            started.countDown();
        });
        started.await();
        sampleRssUntil(System.nanoTime() + duration.toNanos(), launched);
        Platform.runLater(session::close);
        System.out.printf("console bench: %d gateways x %d backends at %d updates/s for %s%n", gateways, backends, rate, duration);
        System.out.printf("first frame after launch: %d ms%n", TimeUnit.NANOSECONDS.toMillis(firstFrame.get()));
        System.out.printf("FX frame gaps (%d frames): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", gaps.getTotalCount(),
                gaps.getValueAtPercentile(50) / 1e6, gaps.getValueAtPercentile(99) / 1e6, gaps.getMaxValue() / 1e6);
        System.out.println(cpu.summary());
        System.out.printf("RSS: %s%n", rss());
        Platform.exit();
        System.exit(0);
    }

    /** Prints RSS once a minute, so a long run shows whether memory levels off or keeps growing. */
    private static void sampleRssUntil(long deadline, long launched) throws IOException, InterruptedException {
        long minute = TimeUnit.MINUTES.toNanos(1);
        for (long now = System.nanoTime(); now < deadline; now = System.nanoTime()) {
            long remaining = deadline - now;
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(Math.min(minute, remaining)));
            if (remaining > minute) {
                System.out.printf("RSS at %d s: %s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - launched), rss());
            }
        }
    }

    private static String rss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown (no /proc)";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> l.substring("VmRSS:".length()).strip()).findFirst().orElse("unknown");
    }
}
