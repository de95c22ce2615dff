import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Trains the gateway's JDK 25 AOT cache (JEP 483, 514, 515: classes loaded and linked, method profiles) in the app
 * image and makes its launcher use it. Called by {@code BuildInstaller} once the app image exists and before the .deb
 * is made from it:
 * <ol>
 * <li>the image's own launcher runs {@code switchboard gateway} with {@code -XX:AOTCacheOutput=lib/app/gateway.aot}
 *     (through {@code JAVA_TOOL_OPTIONS}, so the class path and options are exactly the launcher's) in front of two
 *     backends served by this process;</li>
 * <li>{@link #CLIENTS} keep-alive clients send it GETs and POSTs, the load a gateway sees, until {@link #REQUESTS}
 *     have been answered (enough for the JIT to profile and compile the hot path) or {@link #MAX_LOAD} has passed (a
 *     busy build machine);</li>
 * <li>SIGTERM: the gateway drains and exits 0, and the JVM assembles the cache in a child JVM on the way out;</li>
 * <li>{@code -XX:AOTCache=$APPDIR/gateway.aot} is appended to the launcher's {@code lib/app/switchboard.cfg}, for
 *     every mode (the console loads the classes it shares with the gateway from it too).</li>
 * </ol>
 * The cache is valid only for the runtime and the jars it was trained with, the ones in the image; the JVM checks
 * them at start and, in its default {@code -XX:AOTMode=auto}, silently runs without the cache when they differ. It
 * may be moved with the image (as the .deb does to /opt/switchboard): the jars are found relative to it.
 */
final class AotTraining {

    static final String CACHE = "gateway.aot";
    static final int CLIENTS = 16;
    static final long REQUESTS = 30_000;
    static final Duration MAX_LOAD = Duration.ofSeconds(60);
    private static final Duration EXIT_TIMEOUT = Duration.ofMinutes(3);

    private AotTraining() {
    }

    static void train(Path image) throws IOException, InterruptedException {
        Path appDir = image.resolve("lib/app");
        Path cache = appDir.resolve(CACHE);
        Path work = Files.createTempDirectory("switchboard-aot-training");
        HttpServer backends = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        backends.createContext("/", exchange -> {
            byte[] body = ("trained " + exchange.getRequestMethod() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backends.start();
        int port = freePort();
        Path config = work.resolve("gateway.json");
        String backend = "http://127.0.0.1:" + backends.getAddress().getPort();
        Files.writeString(config, """
                { "gateway": { "id": "aot-training", "listen": "127.0.0.1:%d" },
                  "backends": { "a": { "url": "%s" }, "b": { "url": "%s" },
                    "pool": { "type": "Pool", "pool": { "services": [ { "id": "a" }, { "id": "b" } ] } } },
                  "apis": [ { "name": "trained", "path": "/", "backendId": "pool" } ] }
                """.formatted(port, backend, backend));
        Path log = work.resolve("gateway.log");
        ProcessBuilder builder = new ProcessBuilder(image.resolve("bin/switchboard").toString(), "gateway", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_TOOL_OPTIONS", "-XX:AOTCacheOutput=" + cache.toAbsolutePath());
        Process gateway = builder.start();
        long requests;
        long started = System.nanoTime();
        try {
            awaitListening(port, gateway, log);
            requests = load(URI.create("http://127.0.0.1:" + port + "/orders"));
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
        System.out.printf("AOT cache %s: %.1f MB, trained with %d requests, %d s in all%n", cache, Files.size(cache) / 1e6, requests,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        Files.writeString(appDir.resolve("switchboard.cfg"), "java-options=-XX:AOTCache=$APPDIR/" + CACHE + "\n", StandardOpenOption.APPEND);
        BuildInstaller.deleteTree(work);
    }

    /**
     * GETs and POSTs from {@link #CLIENTS} threads, each on its keep-alive connection, until {@link #REQUESTS} are sent or
     * {@link #MAX_LOAD} has passed; fails the build if any is not answered 200 (a cache trained on errors would not be
     * the gateway's hot path).
     */
    private static long load(URI uri) throws InterruptedException {
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + MAX_LOAD.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(Thread.ofPlatform().start(() -> {
                try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                    HttpRequest get = HttpRequest.newBuilder(uri).build();
                    HttpRequest post = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{\"id\":42}")).build();
                    for (long n = 0; System.nanoTime() < end && sent.get() < REQUESTS; n++) {
                        if (http.send(n % 4 == 3 ? post : get, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                        sent.incrementAndGet();
                    }
                } catch (IOException e) {
                    failed.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        if (failed.get() > 0) {
            BuildInstaller.fail("AOT training: " + failed.get() + " of " + sent.get() + " requests through the gateway failed or were not answered 200");
        }
        return sent.get();
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
