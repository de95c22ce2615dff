package dev.switchboard.gateway;

import dev.switchboard.config.AccessLogConfig;
import dev.switchboard.gateway.stats.TrafficStats;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
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
 * never delays a request, and the writer is never woken by it. Formatting happens on the writer thread too. A file
 * that cannot be written (a full disk, a path taken by a directory) loses the lines meanwhile, counted the same way,
 * and the writer keeps trying; a file renamed or deleted (log rotation) is followed by a new one at the path.
 */
final class AccessLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);
    /** The wait between wakes while lines come: each wake writes about a millisecond of them. */
    private static final long POLL_MS = 1;
    /** The wait after a wake that found no line. */
    private static final long IDLE_POLL_MS = 10;
    private static final long FLUSH_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long FOLLOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int BATCH = 512;
    /**
     * The writer's nice value: it takes the cores when the event loop, the backends and the clients leave them idle,
     * and yields when they do not. At nice 0 it competed with them for two shared cores, and the gateway with the log
     * served 3 % fewer requests than the one without; at 10 about as many (issue 15;
     * docs/benchmarks/gateway-vs-haproxy.md).
     */
    static final int WRITER_NICE = 10;

    private final BlockingQueue<ExchangeRecord> queue;
    private final AccessLogWriter out;
    private final AccessLogFile file;
    private final TrafficStats stats;
    private final Thread writer;
    private volatile boolean closed;
    // The writer thread's own state.
    private boolean dirty;
    private long lostInOutage = -1;
    private long writtenAtLoss;
    private long flushedAt = System.nanoTime();
    private long followedAt = flushedAt;

    /** @param file the file behind {@code out}; null when {@code out} is standard output */
    private AccessLog(AccessLogConfig config, OutputStream out, AccessLogFile file, TrafficStats stats) {
        this.queue = new ArrayBlockingQueue<>(config.queue());
        this.out = new AccessLogWriter(AccessLogFormat.of(config.format()), out);
        this.file = file;
        this.stats = stats;
        this.writer = Thread.ofPlatform().daemon().name("access-log").unstarted(this::run);
    }

    /** Opens the file (appending) or standard output, and starts the writer thread. */
    static AccessLog start(AccessLogConfig config, TrafficStats stats) throws IOException {
        AccessLogFile file = AccessLogConfig.STDOUT.equals(config.path()) ? null : AccessLogFile.open(Path.of(config.path()));
        AccessLog log = new AccessLog(config, file == null ? System.out : file, file, stats);
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
     * Wakes every {@link #POLL_MS} while lines come ({@link #IDLE_POLL_MS} when none came) and writes whatever queued
     * meanwhile: a writer waiting on the queue had every offer wake it (a futex call on the event loop per request).
     * At 80k requests/s a 10 ms wait made each wake a 1.3 ms burst of formatting, which held up the event loop or the
     * backends sharing its core: waking every millisecond served 4 % more requests with the log on, with a lower p99
     * in each of six alternated rounds (issue 15). Flushes when the queue ran dry or {@link #FLUSH_NANOS} after the
     * last flush: a flush per line would cost a write system call per request.
     */
    private void run() {
        ThreadNice.setForCurrentThread(WRITER_NICE).ifPresent(why ->
                LOG.info("the access log writer keeps the default CPU priority: {}", why));
        List<ExchangeRecord> batch = new ArrayList<>(BATCH);
        boolean linesCame = false;
        try {
            while (!closed || !queue.isEmpty()) {
                if (queue.drainTo(batch, BATCH) == 0) {
                    if (dirty || followDue(System.nanoTime())) {
                        flush();
                    }
                    Thread.sleep(linesCame ? POLL_MS : IDLE_POLL_MS);
                    linesCame = false;
                    continue;
                }
                linesCame = true;
                write(batch);
                batch.clear();
                if (System.nanoTime() - flushedAt >= FLUSH_NANOS) {
                    flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("the access log stopped writing", e);
            closed = true;
        }
    }

    private void write(List<ExchangeRecord> batch) {
        for (int i = 0; i < batch.size(); i++) {
            try {
                out.write(batch.get(i));
                dirty = true;
            } catch (IOException e) {
                lost(e, batch.size() - i - 1);
                return;
            }
        }
    }

    /** Flushes; at most once a second it first makes sure the file is still the one at the path. */
    private void flush() {
        long now = System.nanoTime();
        try {
            if (followDue(now)) {
                followedAt = now;
                if (file.followPath()) {
                    LOG.info("the access log {} was moved or deleted: writing a new one", file.path());
                }
            }
            out.flush();
            dirty = false;
            flushedAt = now;
            if (lostInOutage >= 0 && out.written() > writtenAtLoss) {
                LOG.warn("the access log is written again; {} line(s) were lost while it could not be", lostInOutage);
                lostInOutage = -1;
            }
        } catch (IOException e) {
            lost(e, 0);
        }
    }

    private boolean followDue(long now) {
        return file != null && now - followedAt >= FOLLOW_NANOS;
    }

    /** The file failed: drops the lines not written (and {@code unwritten} more), counted; the next follow retries. */
    private void lost(IOException e, int unwritten) {
        int lines = out.discard() + unwritten;
        stats.accessLogLinesLost(lines);
        dirty = false;
        // The outage ends when a line is written again: an empty flush succeeds even on a full disk.
        writtenAtLoss = out.written();
        if (lostInOutage < 0) {
            lostInOutage = 0;
            LOG.error("the access log cannot be written ({}); its lines are dropped and counted until it can", e.toString());
        }
        lostInOutage += lines;
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
            if (file != null) {
                out.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("closing the access log failed", e);
        }
    }
}
