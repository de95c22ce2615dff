package dev.switchboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real etcd ({@code /usr/bin/etcd}, Debian's etcd-server) on free loopback ports with a temporary data directory.
 * {@link #stop()} and {@link #start()} keep the ports and the data, so a test can take etcd away and bring the same
 * cluster back; {@link #close()} stops it and deletes the data. As a JUnit extension
 * ({@code @RegisterExtension static EtcdServer etcd = EtcdServer.perClass();}) it runs for one test class.
 */
public final class EtcdServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private static final Duration START_DEADLINE = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();

    private final Path dataDir;
    private final int clientPort;
    private final int peerPort;
    private final Path log;
    private Process process;

    private EtcdServer(Path dataDir, int clientPort, int peerPort) {
        this.dataDir = dataDir;
        this.clientPort = clientPort;
        this.peerPort = peerPort;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    /** Starts a fresh single-member cluster. */
    public static EtcdServer launch() {
        EtcdServer server = perClass();
        server.start();
        return server;
    }

    /** A fresh cluster that starts before the test class's first test and is deleted after its last. */
    public static EtcdServer perClass() {
        try {
            Path dir = Files.createTempDirectory("switchboard-etcd-");
            return new EtcdServer(dir.resolve("data"), freePort(), freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public int clientPort() {
        return clientPort;
    }

    /** The client URL, e.g. {@code 127.0.0.1:23791}. */
    public String hostPort() {
        return "127.0.0.1:" + clientPort;
    }

    /** {@code etcd://127.0.0.1:PORT/fleet}. */
    public String fleetUrl(String fleet) {
        return "etcd://" + hostPort() + "/" + fleet;
    }

    /** Starts (again) on the same ports and data; returns once the client port accepts connections. */
    public synchronized void start() {
        if (process != null) {
            return;
        }
        String client = "http://127.0.0.1:" + clientPort;
        String peer = "http://127.0.0.1:" + peerPort;
        try {
            process = new ProcessBuilder(List.of("/usr/bin/etcd", "--name", "test", "--data-dir", dataDir.toString(),
                    "--listen-client-urls", client, "--advertise-client-urls", client,
                    "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                    "--initial-cluster", "test=" + peer, "--logger", "zap", "--log-level", "warn"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start /usr/bin/etcd (Debian package etcd-server)", e);
        }
        Eventually.await("etcd accepting on " + client + " (log: " + log + ")", START_DEADLINE, this::accepting);
    }

    /** Kills etcd (as a crash would); the data stays for {@link #start()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dataDir.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean accepting() {
        if (!process.isAlive()) {
            throw new IllegalStateException("etcd exited with " + process.exitValue() + "; see " + log);
        }
        // /health answers true once the member has a leader, i.e. once writes can succeed.
        try {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + clientPort + "/health"))
                    .timeout(Duration.ofMillis(500)).build(), HttpResponse.BodyHandlers.ofString());
            return health.body().contains("\"true\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
