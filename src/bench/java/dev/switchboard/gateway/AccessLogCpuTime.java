package dev.switchboard.gateway;

import dev.switchboard.config.AccessLogConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Thread CPU time of the access log's work for one proxied request, in its two parts: the event loop's record (pick,
 * attempt, retry decision) and the writer thread's line (explaining the pick, formatting, encoding into the buffer;
 * the stream discards, so no write system calls). The record is {@code SampleExchanges#proxied}, the line the wrk
 * benchmarks log. CPU time, not wall-clock time, so other processes on the cores barely move it; batches of 512 as
 * the writer drains them, best of 25 short rounds of 50,000 requests (more chances of a quiet moment on shared
 * cores) after 600,000 to warm up.
 */
public final class AccessLogCpuTime {

    private static final int BATCH = 512;
    private static final int BATCHES = 50_000 / BATCH;
    private static final int ROUNDS = 25;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AccessLogCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        for (AccessLogConfig.Format format : AccessLogConfig.Format.values()) {
            SampleExchanges samples = new SampleExchanges();
            AccessLogWriter writer = new AccessLogWriter(AccessLogFormat.of(format), OutputStream.nullOutputStream());
            for (int i = 0; i < 12; i++) {
                round(samples, writer);
            }
            long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
            for (int i = 0; i < ROUNDS; i++) {
                long[] round = round(samples, writer);
                best[0] = Math.min(best[0], round[0]);
                best[1] = Math.min(best[1], round[1]);
            }
            double requests = BATCHES * BATCH;
            System.out.printf("%-5s record %6.1f ns  line %6.1f ns CPU per request%n", format.jsonName(), best[0] / requests,
                    best[1] / requests);
        }
    }

    /** CPU nanoseconds making the records and writing their lines, in that order. */
    private static long[] round(SampleExchanges samples, AccessLogWriter writer) throws IOException {
        ExchangeRecord[] batch = new ExchangeRecord[BATCH];
        long making = 0;
        long writing = 0;
        for (int b = 0; b < BATCHES; b++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < BATCH; i++) {
                batch[i] = samples.proxied();
            }
            long made = THREADS.getCurrentThreadCpuTime();
            for (ExchangeRecord r : batch) {
                writer.write(r);
            }
            writing += THREADS.getCurrentThreadCpuTime() - made;
            making += made - start;
        }
        return new long[] {making, writing};
    }
}
