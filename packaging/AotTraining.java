import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Trains the gateway's JDK 25 AOT cache (JEP 483, 514, 515: classes loaded and linked, method profiles) in the app
 * image and makes its launcher use it. Called by {@code BuildInstaller} once the app image exists and before the .deb
 * is made from it:
 * <ol>
 * <li>the image's own launcher runs {@code switchboard gateway} with {@code -XX:AOTCacheOutput=lib/app/gateway.aot}
 *     (through {@code JAVA_TOOL_OPTIONS}, so the class path and options are exactly the launcher's) and a JSON access
 *     log (so the log writer is profiled too, for the operators who turn it on), in front of two backends served by
 *     this process, which close a keep-alive connection after {@link #BACKEND_KEEPALIVE_REQUESTS} requests as nginx
 *     does by default;</li>
 * <li>{@link TrainingLoad} keeps it busy for {@link #LOAD}: long enough for the JIT to compile the hot path, take its
 *     traps and settle, so the profiles the cache carries are those of a gateway that has been serving for a while
 *     (a cache of some 45,000 requests changed nothing measurable, issue 15);</li>
 * <li>SIGTERM: the gateway drains and exits 0, and the JVM assembles the cache in a child JVM on the way out;</li>
 * <li>{@code -XX:AOTCache=$APPDIR/gateway.aot} is appended to the launcher's {@code lib/app/switchboard.cfg}, for
 *     every mode (the console loads the classes it shares with the gateway from it too).</li>
 * </ol>
 * The cache is valid only for the runtime and the jars it was trained with, the ones in the image; the JVM checks
 * them at start and, in its default {@code -XX:AOTMode=auto}, silently runs without the cache when they differ. It
 * may be moved with the image (as the .deb does to /opt/switchboard): the jars are found relative to it.
 *
 * <p>The benchmarks that run the jar as the service runs train theirs the same way:
 * <pre>java packaging/AotTraining.java CACHE COMMAND...</pre>
 * trains CACHE for the gateway that COMMAND (a java command line) starts, given {@code gateway --config FILE}.
 */
final class AotTraining {

    static final String CACHE = "gateway.aot";
    static final Duration LOAD = Duration.ofSeconds(20);
    static final int BACKEND_KEEPALIVE_REQUESTS = 1_000;
    private static final Duration EXIT_TIMEOUT = Duration.ofMinutes(3);

    private AotTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2) {
            BuildInstaller.fail("usage: java packaging/AotTraining.java CACHE COMMAND...");
        }
        train(Path.of(args[0]), List.of(args).subList(1, args.length));
    }

    static void train(Path image) throws IOException, InterruptedException {
        Path appDir = image.resolve("lib/app");
        train(appDir.resolve(CACHE), List.of(image.resolve("bin/switchboard").toString()));
        Files.writeString(appDir.resolve("switchboard.cfg"), "java-options=-XX:AOTCache=$APPDIR/" + CACHE + "\n", StandardOpenOption.APPEND);
    }

    /** Trains {@code cache} for the gateway {@code command} starts; fails the build if it is not written. */
    static void train(Path cache, List<String> command) throws IOException, InterruptedException {
        Files.deleteIfExists(cache);
        Path work = Files.createTempDirectory("switchboard-aot-training");
        Map<InetSocketAddress, Integer> served = new ConcurrentHashMap<>();
        HttpServer backends = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        backends.createContext("/", exchange -> {
            byte[] body = ("trained " + exchange.getRequestMethod() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            if (served.merge(exchange.getRemoteAddress(), 1, Integer::sum) % BACKEND_KEEPALIVE_REQUESTS == 0) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backends.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        backends.start();
        int port = freePort();
        Path config = work.resolve("gateway.json");
        String backend = "http://127.0.0.1:" + backends.getAddress().getPort();
        Files.writeString(config, """
                { "gateway": { "id": "aot-training", "listen": "127.0.0.1:%d", "accessLog": { "path": "%s" } },
                  "backends": { "a": { "url": "%s" }, "b": { "url": "%s" },
                    "pool": { "type": "Pool", "pool": { "services": [ { "id": "a" }, { "id": "b" } ] } } },
                  "apis": [ { "name": "trained", "path": "/", "backendId": "pool" } ] }
                """.formatted(port, work.resolve("access.jsonl"), backend, backend));
        Path log = work.resolve("gateway.log");
        List<String> gatewayCommand = new ArrayList<>(command);
        gatewayCommand.addAll(List.of("gateway", "--config", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(gatewayCommand).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_TOOL_OPTIONS", "-XX:AOTCacheOutput=" + cache.toAbsolutePath());
        Process gateway = builder.start();
        long requests;
        long started = System.nanoTime();
        try {
            awaitListening(port, gateway, log);
            requests = TrainingLoad.run(port, LOAD);
        } finally {
            gateway.destroy();
            boolean exited = gateway.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            backends.stop(0);
            if (!exited) {
                gateway.destroyForcibly();
            }
        }
        if (gateway.exitValue() != 0 || !Files.isRegularFile(cache)) {
            BuildInstaller.fail("AOT training: the gateway exited with " + gateway.exitValue() + " and wrote "
                    + (Files.isRegularFile(cache) ? "" : "no ") + "cache; its output:\n" + Files.readString(log));
        }
        System.out.printf("AOT cache %s: %.1f MB, trained with %,d requests over %,d backend connections, %d s in all%n", cache,
                Files.size(cache) / 1e6, requests, served.size(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
        BuildInstaller.deleteTree(work);
    }

    private static void awaitListening(int port, Process gateway, Path log) throws IOException, InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end && gateway.isAlive()) {
            try {
                new Socket(InetAddress.getLoopbackAddress(), port).close();
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        BuildInstaller.fail("AOT training: the gateway did not listen on 127.0.0.1:" + port + "; its output:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
