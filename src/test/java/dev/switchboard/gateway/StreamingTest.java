package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.internal.PlatformDependent;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies stream through without aggregation: 100 MB+ each way pass a test JVM whose heap is capped at 1 GB while
 * the gateway runs in the same JVM; the heap in use stays far below the body size.
 */
class StreamingTest {

    private static final long SIZE = 100L * 1024 * 1024 + 123;
    private static final String CONFIG = """
            { "backends": { "a": { "url": "http://${a}" } },
              "apis": [ { "name": "big", "path": "/", "backendId": "a", %s "timeouts": { "perTry": "PT60S", "total": "PT120S" } } ] }
            """;
    private static final String RETRY = """
            "retry": { "statusCodeRanges": [ { "min": 500, "max": 599 } ], "count": 1, "interval": "PT0S" }, "maxBufferedBody": 65536,""";

    private final GatewayHarness h = new GatewayHarness();
    private final HeapWatch heap = new HeapWatch();

    @AfterEach
    void close() {
        heap.stop();
        h.close();
    }

    @Test
    void hundredMegabyteResponseStreamsToTheClient() throws Exception {
        h.sims("a").start(CONFIG.formatted(""));
        heap.start();
        HttpResponse<InputStream> r = h.client.send(HttpRequest.newBuilder(h.uri("/download?size=" + SIZE)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        long read = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = r.body()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                read += n;
            }
        }
        assertThat(read).isEqualTo(SIZE);
        heap.assertNoAggregation();
    }

    @Test
    void hundredMegabyteUploadStreamsToTheBackendEvenWithARetryPolicy() throws Exception {
        h.sims("a").start(CONFIG.formatted(RETRY));
        heap.start();
        HttpResponse<String> r = h.send(HttpRequest.newBuilder(h.uri("/upload"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(zeros(SIZE))).timeout(Duration.ofSeconds(120)).build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Sim-Request-Body-Bytes")).contains(String.valueOf(SIZE));
        heap.assertNoAggregation();
    }

    @Test
    void fixedLengthUploadStreamsWithoutRetryPolicy() {
        h.sims("a").start(CONFIG.formatted(""));
        byte[] body = new byte[3 * 1024 * 1024];
        HttpResponse<String> r = h.send(HttpRequest.newBuilder(h.uri("/upload")).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(r.headers().firstValue("X-Sim-Request-Body-Bytes")).contains(String.valueOf(body.length));
    }

    private static Supplier<InputStream> zeros(long size) {
        return () -> new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    /**
     * Samples every few milliseconds Netty's direct memory and the heap in use after the latest collection (live data,
     * not garbage); a gateway that aggregated a body would show it in one or the other.
     */
    private static final class HeapWatch {
        private volatile boolean running;
        private volatile long peak;
        private volatile long peakDirect;
        /** Live heap before the transfer: other tests in this JVM (ArchUnit's class cache, say) may hold a lot. */
        private long baseline;
        /**
         * Netty's direct memory before the transfer: the pooled allocator's chunks its arenas already hold, such as
         * those the event loops' receive rings were filled from.
         */
        private long directBaseline;
        private Thread thread;

        void start() {
            System.gc();
            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null).toList();
            baseline = heapPools.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
            directBaseline = PlatformDependent.usedDirectMemory();
            peakDirect = directBaseline;
            running = true;
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (running) {
                    peak = Math.max(peak, heapPools.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum());
                    peakDirect = Math.max(peakDirect, PlatformDependent.usedDirectMemory());
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        /** Growth of the live heap over the baseline. */
        long peakUsedBytes() {
            return peak - baseline;
        }

        /**
         * Growth of Netty's direct memory (its buffers live there, not on the heap) over the baseline; -1 when Netty
         * does not count it.
         */
        long peakDirectBytes() {
            return PlatformDependent.usedDirectMemory() < 0 ? -1 : peakDirect - directBaseline;
        }

        void stop() {
            running = false;
        }

        /** Prints both peaks, then checks Netty's buffers (direct memory) stay tiny, and so does the surviving heap. */
        void assertNoAggregation() {
            System.out.printf("peak heap after GC %d MB, peak Netty direct %d MB (both over the baseline)%n",
                    peakUsedBytes() >> 20, peakDirectBytes() >> 20);
            assertThat(peakDirectBytes()).isLessThan(16L * 1024 * 1024);
            assertThat(peakUsedBytes()).isLessThan(SIZE / 2);
        }
    }
}
