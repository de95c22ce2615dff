import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load {@link AotTraining} puts on the gateway: {@link #CLIENTS} keep-alive connections on raw sockets (virtual
 * threads), as many as the benchmarks' wrk, sending GETs and small POSTs back to back for a fixed time: raw sockets
 * keep the driver's own CPU small, so the gateway gets most of the machine and serves hundreds of thousands of
 * requests. Each connection is replaced after {@link #PER_CONNECTION} requests, every other one while a request is
 * unanswered, so the profiles also hold clients that go away mid-request, as they do.
 */
final class TrainingLoad {

    private static final int CLIENTS = 64;
    private static final int PER_CONNECTION = 5_000;
    private static final byte[] GET = "GET /orders HTTP/1.1\r\nHost: training\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] POST = "POST /orders HTTP/1.1\r\nHost: training\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"id\":42}"
            .getBytes(StandardCharsets.US_ASCII);

    private final int port;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private String firstFailure;

    private TrainingLoad(int port) {
        this.port = port;
    }

    /** Runs the load for {@code length} and returns the requests answered 200; fails the build if any was not. */
    static long run(int port, Duration length) throws InterruptedException {
        TrainingLoad load = new TrainingLoad(port);
        long end = System.nanoTime() + length.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(Thread.ofVirtual().start(() -> load.client(end)));
        }
        for (Thread client : clients) {
            client.join();
        }
        if (load.failed.get() > 0) {
            BuildInstaller.fail("AOT training: " + load.failed.get() + " of " + (load.answered.get() + load.failed.get())
                    + " requests through the gateway failed or were not answered 200, the first: " + load.firstFailure);
        }
        return load.answered.get();
    }

    private void client(long end) {
        for (int connection = 0; System.nanoTime() < end; connection++) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                for (int n = 0; n < PER_CONNECTION && System.nanoTime() < end; n++) {
                    out.write(n % 4 == 3 ? POST : GET);
                    int status = status(in);
                    if (status == 200) {
                        answered.incrementAndGet();
                    } else {
                        failed("status " + status);
                    }
                }
                if (connection % 2 == 1) {
                    out.write(GET);
                }
            } catch (IOException e) {
                failed(e.toString());
            }
        }
    }

    private synchronized void failed(String why) {
        if (failed.getAndIncrement() == 0) {
            firstFailure = why;
        }
    }

    /** Whether the head read so far ends with its blank line; a substring per byte was the driver's own garbage. */
    private static boolean endsWithBlankLine(StringBuilder head) {
        int n = head.length();
        return n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n'
                && head.charAt(n - 4) == '\r';
    }

    /** Reads one response (its body by Content-Length, as the gateway frames these) and returns its status. */
    private static int status(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder(256);
        while (!endsWithBlankLine(head)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the gateway closed the connection mid-response");
            }
            head.append((char) b);
        }
        String text = head.toString();
        long length = -1;
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Long.parseLong(line.substring(15).strip());
            }
        }
        if (length < 0) {
            throw new IOException("a response without Content-Length: " + text.lines().findFirst().orElse(""));
        }
        in.skipNBytes(length);
        return Integer.parseInt(text.substring(9, 12));
    }
}
