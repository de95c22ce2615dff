package dev.switchboard.gateway;

import dev.switchboard.config.AccessLogConfig;
import dev.switchboard.gateway.stats.TrafficStats;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per client request on its own thread. The event loop only offers a finished record to a bounded
 * queue: when it is full the line is dropped and counted in {@link TrafficStats#accessLogDropped()}, so logging
 * never delays a request, and the writer is never woken by it. Formatting happens on the writer thread too.
 */
final class AccessLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);
    private static final long POLL_MS = 10;
    private static final long FLUSH_MS = 50;
    private static final int BATCH = 512;

    private final BlockingQueue<ExchangeRecord> queue;
    private final AccessLogWriter out;
    private final boolean ownsOut;
    private final TrafficStats stats;
    private final Thread writer;
    private volatile boolean closed;

    private AccessLog(AccessLogConfig config, OutputStream out, boolean ownsOut, TrafficStats stats) {
        this.queue = new ArrayBlockingQueue<>(config.queue());
        this.out = new AccessLogWriter(AccessLogFormat.of(config.format()), out);
        this.ownsOut = ownsOut;
        this.stats = stats;
        this.writer = Thread.ofPlatform().daemon().name("access-log").unstarted(this::run);
    }

    /** Opens the file (appending) or standard output, and starts the writer thread. */
    static AccessLog start(AccessLogConfig config, TrafficStats stats) throws IOException {
        OutputStream out;
        boolean owns = !AccessLogConfig.STDOUT.equals(config.path());
        if (owns) {
            Path file = Path.of(config.path());
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } else {
            out = System.out;
        }
        AccessLog log = new AccessLog(config, out, owns, stats);
        log.writer.start();
        return log;
    }

    /** Hands a finished request over; never blocks. */
    void offer(ExchangeRecord record) {
        if (closed || !queue.offer(record)) {
            stats.accessLogLineDropped();
        }
    }

    /**
     * Wakes every {@link #POLL_MS} and writes whatever queued meanwhile: a writer waiting on the queue had every offer
     * wake it (a futex call on the event loop per request). Flushes when the queue ran dry or {@link #FLUSH_MS} after
     * the last flush: a flush per line would cost a write system call per request.
     */
    private void run() {
        List<ExchangeRecord> batch = new ArrayList<>(BATCH);
        boolean dirty = false;
        long flushedAt = System.nanoTime();
        try {
            while (!closed || !queue.isEmpty()) {
                if (queue.drainTo(batch, BATCH) == 0) {
                    if (dirty) {
                        out.flush();
                        dirty = false;
                        flushedAt = System.nanoTime();
                    }
                    Thread.sleep(POLL_MS);
                    continue;
                }
                for (ExchangeRecord record : batch) {
                    out.write(record);
                }
                batch.clear();
                dirty = true;
                if (System.nanoTime() - flushedAt >= TimeUnit.MILLISECONDS.toNanos(FLUSH_MS)) {
                    out.flush();
                    dirty = false;
                    flushedAt = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.error("the access log stopped writing", e);
            closed = true;
        }
    }

    /** Writes what is queued, then closes the file. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
            if (writer.isAlive()) {
                // Stuck writing (a full pipe, a hung disk): leave its daemon thread rather than hang the shutdown.
                LOG.warn("the access log writer is stuck; {} queued line(s) are lost", queue.size());
                return;
            }
            out.flush();
            if (ownsOut) {
                out.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("closing the access log failed", e);
        }
    }
}
